import type {EndLine, RunLine, WarningLine} from './record-types.js';
import type {Verdict} from './verdict-types.js';

/** One bucket of a downsampled series: no peak is lost (max), and the mean stays honest. */
export type Bucket = {
	readonly from: number;
	readonly to: number;
	readonly min: number;
	readonly max: number;
	readonly mean: number;
	readonly count: number;
};

export type ResourceSeries = {
	/** Bytes, replicas summed. */
	readonly memory: readonly Bucket[];
	/** Percent (100 = one core), replicas summed. */
	readonly cpu: readonly Bucket[];
};

export type ProbeBucket = {
	readonly from: number;
	readonly to: number;
	readonly count: number;
	readonly successes: number;
	/** Of successful checks; null when none succeeded in the bucket. */
	readonly latencyMeanMs: number | null;
	readonly latencyMaxMs: number | null;
};

export type TimelineKind =
	| 'start'
	| 'die'
	| 'oom'
	| 'health'
	| 'warning-raised'
	| 'warning-ended'
	| 'action'
	| 'phase'
	| 'step'
	| 'probe-failing'
	| 'probe-ok'
	| 'resume';

/** Something to mark on a chart or list in a report, in time order. */
export type TimelineEvent = {
	readonly at: number;
	readonly kind: TimelineKind;
	/** A service, `stack`, `host`, a probe or step name, or a phase. */
	readonly subject: string;
	/** One line for people, sanitized. */
	readonly text: string;
};

/** A record directory read back: everything a report needs, already bounded in size. */
export type RecordedRun = {
	readonly directory: string;
	/** The first session's header: profile, budgets, phases, probes, steps. */
	readonly header: RunLine;
	/** Every session's header: the first, then one per resume. */
	readonly sessions: readonly RunLine[];
	/** null when the last session was killed before it could write one. */
	readonly end: EndLine | null;
	readonly startedAt: number;
	/** Time of the last line read. */
	readonly lastAt: number;
	/** Containers by record index. */
	readonly containers: ReadonlyArray<{readonly index: number; readonly id: string; readonly name: string; readonly service: string}>;
	/** Width of every series bucket, a multiple of the sample window. */
	readonly bucketMs: number;
	readonly series: {
		readonly stack: ResourceSeries;
		readonly services: Readonly<Record<string, ResourceSeries>>;
	};
	readonly host: {readonly memoryFree: readonly Bucket[]; readonly diskFree: readonly Bucket[]; readonly cpu: readonly Bucket[]};
	readonly probes: Readonly<Record<string, readonly ProbeBucket[]>>;
	/** Time order; at most `maximumEvents` (newest kept), see `droppedEvents`. */
	readonly events: readonly TimelineEvent[];
	readonly droppedEvents: number;
	/** The last line of each warning, by id. */
	readonly warnings: readonly WarningLine[];
	/** Spans nobody observed: from the last line of a session to the next session's start. */
	readonly gaps: ReadonlyArray<{readonly from: number; readonly to: number}>;
	/** From verdict.json; recomputed from the record when that file is missing or older than the record. */
	readonly verdict: Verdict;
};

export type ReadRecordOptions = {
	/** Buckets per series at most; default 1500. */
	readonly maximumPoints?: number;
	/** Timeline events kept, newest first; default 5000. */
	readonly maximumEvents?: number;
};
