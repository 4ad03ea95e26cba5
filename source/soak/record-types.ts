import type {BudgetSpec, EndReason, ProbeKind, StepAction, VerdictStatus} from './verdict-types.js';

/**
 * The append-only record of a run: `DIR/record.ndjson`, one JSON object a line, each with a
 * `type` and `at` (epoch ms). A writer flushes at least every 2 s; a line cut short by a kill is
 * ignored by readers. A resumed run appends a new `run` line and goes on in the same file.
 * Every text that came from a container or a command is stripped of terminal escapes and masked.
 */

export const recordFormatVersion = 1;
export const recordFileName = 'record.ndjson';
/** The verdict so far, replaced atomically (write + rename) every few seconds and at the end. */
export const verdictFileName = 'verdict.json';
/** Samples are kept per window of this length: one `samples` line per window. */
export const sampleWindowMs = 2000;

export type PhaseSpec = {
	readonly name: string;
	/** Offsets from the run's start; null: open-ended. */
	readonly fromMs: number | null;
	readonly untilMs: number | null;
	/** Active while the step with this name runs; null: by time only. */
	readonly whileStep: string | null;
};

export type ProbeSpec = {
	readonly name: string;
	readonly service: string;
	readonly kind: ProbeKind;
	/** The command, URL or host:port, secrets masked. */
	readonly target: string;
	readonly intervalMs: number;
	readonly timeoutMs: number;
};

export type StepSpec = {
	/** 1-based, profile order. */
	readonly index: number;
	readonly name: string;
	readonly action: StepAction;
	readonly service: string | null;
	/** run / exec: the command, secrets masked. */
	readonly command: string | null;
	/** Offset from the run's start. */
	readonly atMs: number;
	/** stop / kill: how long the service stays down before stacktui starts it again; run: time limit. */
	readonly forMs: number | null;
};

/** First line of a run, and again at each resume. */
export type RunLine = {
	readonly type: 'run';
	readonly at: number;
	readonly version: typeof recordFormatVersion;
	/** Same across resumes. */
	readonly runId: string;
	/** 1 for the first session, 2 for the first resume, … */
	readonly session: number;
	readonly command: 'soak' | 'dashboard';
	readonly stacktuiVersion: string;
	readonly profile: {readonly name: string; readonly file: string | null; readonly project: string};
	/** Soak: --duration; dashboard: null. */
	readonly plannedDurationMs: number | null;
	readonly host: {readonly hostname: string; readonly cpus: number; readonly memoryBytes: number};
	readonly engine: {readonly address: string; readonly version: string};
	/** Compose services expected to run (replicas > 0, not one-shot). */
	readonly services: readonly string[];
	readonly budgets: readonly BudgetSpec[];
	readonly phases: readonly PhaseSpec[];
	readonly probes: readonly ProbeSpec[];
	readonly steps: readonly StepSpec[];
	readonly sampleWindowMs: number;
};

/** A container first seen, or a change of one of these fields. `index` is its number in this record. */
export type ContainerLine = {
	readonly type: 'container';
	readonly at: number;
	readonly index: number;
	readonly id: string;
	readonly name: string;
	readonly service: string;
	readonly state: string;
	readonly health: 'none' | 'starting' | 'healthy' | 'unhealthy';
	readonly startedAt: string | null;
	readonly exitCode: number | null;
	readonly restartCount: number;
	readonly isOomKilled: boolean;
	/** Failed health checks of this run before its first success, when the engine said. */
	readonly healthFailures?: number;
};

/** An engine event of a container: start, die, kill, stop, restart, oom, health_status, destroy, … */
export type EventLine = {
	readonly type: 'event';
	readonly at: number;
	readonly index: number;
	readonly action: string;
	readonly health?: 'none' | 'starting' | 'healthy' | 'unhealthy';
	readonly exitCode?: number;
	/** Who caused it when stacktui did: `step-2`, `key`. */
	readonly cause?: string;
};

/**
 * One window of stats: per running container `[index, cpuPercent, memoryKiB]`, each the highest
 * the window saw (so no peak is lost); cpuPercent null before a second reading. `at` ends the window.
 */
export type SamplesLine = {
	readonly type: 'samples';
	readonly at: number;
	readonly values: ReadonlyArray<readonly [number, number | null, number]>;
};

/** The host, every 10 s; disk fields null until first read. */
export type HostLine = {
	readonly type: 'host';
	readonly at: number;
	readonly cpuPercent: number | null;
	readonly memoryFreeBytes: number | null;
	readonly memoryTotalBytes: number | null;
	readonly diskFreeBytes: number | null;
	readonly diskTotalBytes: number | null;
};

/** One probe check; `at` is when it finished. */
export type ProbeLine = {
	readonly type: 'probe';
	readonly at: number;
	readonly probe: string;
	readonly isOk: boolean;
	readonly latencyMs: number;
	/** On failure: one line, sanitized and masked. */
	readonly error?: string;
};

export type Severity = 'near' | 'over' | 'breach';

/** A warning raised, made worse, or ended. The same `id` links the lines of one warning. */
export type WarningLine = {
	readonly type: 'warning';
	readonly at: number;
	readonly change: 'raised' | 'escalated' | 'ended';
	readonly id: number;
	readonly budgetId: string;
	readonly severity: Severity;
	/** The breach's start (before it was sustained long enough to warn). */
	readonly since: number;
	readonly peak: number;
	readonly current: number | null;
	readonly limit: number;
	readonly written: string;
	/** What, which service, since when, peak, current, budget: one line. */
	readonly message: string;
};

/** A key the user pressed in the dashboard and what it did. */
export type ActionLine = {
	readonly type: 'action';
	readonly at: number;
	readonly key: string;
	/** The keymap command, e.g. `restart`, `stop`, `open-logs`. */
	readonly command: string;
	/** Container or service name it acted on, when any. */
	readonly target?: string;
};

export type PhaseLine = {
	readonly type: 'phase';
	readonly at: number;
	/** null: no named phase. */
	readonly phase: string | null;
	readonly previous: string | null;
	readonly reason: 'start' | 'time' | 'step-started' | 'step-ended';
};

export type StepLine = {
	readonly type: 'step';
	readonly at: number;
	readonly index: number;
	readonly name: string;
	readonly state: 'started' | 'service-down' | 'service-started' | 'recovered' | 'passed' | 'failed' | 'skipped';
	readonly message: string;
	readonly recoveryMs?: number;
};

/**
 * What stacktui itself did to the stack, so a replay tells planned stops from crashes: `up` or a
 * stack restart began (startup is timed from it), a service taken down or started again.
 */
export type NoteLine = {
	readonly type: 'note';
	readonly at: number;
	readonly note: 'stack-start' | 'service-down' | 'service-up';
	/** stack-start: `up` or `restart`; otherwise who: `step-2`, `key`. */
	readonly cause: string;
	readonly service?: string;
	/** The step's index when a step did it. */
	readonly step?: number;
};

/** The run ended (not written after a kill -9; a resume goes on after it is missing). */
export type EndLine = {
	readonly type: 'end';
	readonly at: number;
	readonly reason: EndReason;
	readonly exitCode: number;
	readonly status: VerdictStatus;
	readonly message?: string;
};

export type RecordLine = RunLine | ContainerLine | EventLine | SamplesLine | HostLine | ProbeLine | WarningLine | ActionLine | PhaseLine | StepLine | NoteLine | EndLine;

export type RecordLineType = RecordLine['type'];
