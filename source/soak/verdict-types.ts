/**
 * The machine-readable verdict of a soak (or of a recorded dashboard session): one entry per
 * budget with its limit as written and what was observed, plus per-service and per-probe
 * summaries. Written to `verdict.json` beside the record, and available live while a run goes on.
 * Times are epoch milliseconds; sizes bytes; CPU percent as `docker stats` (100 = one core).
 */

import type {BudgetSpec, BudgetStatus} from '../stack/budget-spec.js';

export const verdictFormatVersion = 1;

export type {BudgetKind, BudgetSpec, BudgetStatus, BudgetUnit, SubjectKind} from '../stack/budget-spec.js';

/** A span during which a budget was breached (sustained, past hysteresis); `to` null while it lasts. */
export type BreachSpan = {
	readonly from: number;
	readonly to: number | null;
	/** Worst value during the span, in the budget's unit (highest for at-most, lowest for at-least). */
	readonly peak: number;
};

export type BudgetVerdict = BudgetSpec & {
	readonly status: BudgetStatus;
	/**
	 * The worst value seen while the budget was evaluated (peak for at-most, lowest for at-least);
	 * for ratio budgets (uptime, first-try, probe success) the ratio over the run; null when none.
	 */
	readonly observed: number | null;
	/** The latest value; null when none (e.g. a stopped service). */
	readonly current: number | null;
	readonly breaches: readonly BreachSpan[];
	/** How long the budget was evaluated: its phase active and data present. */
	readonly evaluatedMs: number;
	/** One line for people: `stack healthy in 12 s / 60 s`, or why the budget was not evaluated. */
	readonly note: string;
};

/** min / max / mean / last of a series; null when it has no point. */
export type SeriesSummary = {
	readonly min: number;
	readonly max: number;
	readonly mean: number;
	readonly last: number;
} | null;

/** A robust (Theil–Sen) slope of a service's memory over a sliding window. */
export type LeakEstimate = {
	/** Median of pairwise slopes, bytes per hour. */
	readonly slopeBytesPerHour: number;
	/** 95 % confidence interval of the slope (Sen's rank method), bytes per hour. */
	readonly lowerBytesPerHour: number;
	readonly upperBytesPerHour: number;
	/** 0..1: confidence that memory grows (Mann–Kendall, one-sided). */
	readonly confidence: number;
	/** Time span and number of (downsampled) points the estimate used. */
	readonly windowMs: number;
	readonly points: number;
	/** Growth is spread over the window (each quarter above the previous), not one jump or a plateau. */
	readonly isSteady: boolean;
	/** Above the service's leak budget, confidently and steadily. */
	readonly isLeaking: boolean;
	/** Epoch ms where the window begins (it restarts when a container of the service restarts). */
	readonly since: number;
};

/** Health as one word for a service: the worst of its containers. */
export type ServiceHealth = 'healthy' | 'starting' | 'unhealthy' | 'running' | 'down' | 'missing';

export type ServiceVerdict = {
	readonly service: string;
	/** Now, for live views and metrics; at the end of the run in a finished verdict. */
	readonly health: ServiceHealth;
	readonly running: number;
	readonly containers: number;
	/** Bytes, replicas summed. */
	readonly memory: SeriesSummary;
	/** Percent, replicas summed. */
	readonly cpu: SeriesSummary;
	/** Container starts after the first one seen (any cause). */
	readonly restarts: number;
	/** Exits not asked for by stacktui (steps, keys): what the restarts budget counts. */
	readonly unexpectedExits: number;
	readonly oomKills: number;
	/** Healthy share of observed time, planned downtime left out; null before it first became healthy. */
	readonly uptimeRatio: number | null;
	/** Time to healthy of its latest run; null when not seen starting. */
	readonly startupMs: number | null;
	/** Runs whose first health result was healthy, of runs with a health result. */
	readonly firstTry: {readonly runs: number; readonly passed: number};
	readonly leak: LeakEstimate | null;
};

export type ProbeKind = 'exec' | 'http' | 'tcp';

export type LatencySummary = {readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number};

export type ProbeVerdict = {
	readonly probe: string;
	readonly service: string;
	readonly kind: ProbeKind;
	/** The command, URL or host:port, secrets masked. */
	readonly target: string;
	readonly count: number;
	readonly successes: number;
	/** null before the first check. */
	readonly successRatio: number | null;
	/** Of successful checks, ms; null before the first success. */
	readonly latencyMs: LatencySummary | null;
	/** One line, sanitized and masked; null when the last check succeeded. */
	readonly lastError: string | null;
};

export type StepAction = 'stop' | 'restart' | 'kill' | 'run' | 'exec';

export type StepStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped';

export type StepVerdict = {
	/** 1-based, in profile order. */
	readonly index: number;
	readonly name: string;
	readonly action: StepAction;
	readonly service: string | null;
	/** Planned offset from the start of the run. */
	readonly atMs: number;
	readonly startedAt: number | null;
	readonly endedAt: number | null;
	readonly status: StepStatus;
	/** stop / restart / kill: from the service's start until healthy again. */
	readonly recoveryMs: number | null;
	readonly message: string;
};

export type PhaseSpan = {readonly phase: string; readonly from: number; readonly to: number | null};

export type VerdictStatus = 'held' | 'breached' | 'not-evaluated';

export type EndReason = 'completed' | 'interrupted' | 'error' | 'quit';

export type Verdict = {
	readonly version: typeof verdictFormatVersion;
	/** breached when any budget was; held when none was and at least one was evaluated. */
	readonly status: VerdictStatus;
	/** What `stacktui soak` exits with for this verdict: 0 held / not-evaluated, 1 breached (2 is for errors). */
	readonly exitCode: 0 | 1;
	readonly run: {
		readonly runId: string;
		readonly profile: string;
		readonly project: string;
		readonly command: 'soak' | 'dashboard';
		readonly startedAt: number;
		/** null while the run goes on (a live verdict) or after a kill it never recorded an end for. */
		readonly endedAt: number | null;
		readonly endReason: EndReason | null;
		/** Wall time from start to end (or to the verdict's time). */
		readonly elapsedMs: number;
		/** Elapsed minus gaps (stacktui not running between a kill and a resume). */
		readonly observedMs: number;
		readonly plannedDurationMs: number | null;
		/** 1 + number of resumes. */
		readonly sessions: number;
	};
	/** When the verdict was computed. */
	readonly evaluatedAt: number;
	/** The phase now (live) or at the end. */
	readonly phase: string | null;
	/** Profile order: stack, then services by name, then host, probes, steps. */
	readonly budgets: readonly BudgetVerdict[];
	readonly stack: {readonly memory: SeriesSummary; readonly cpu: SeriesSummary};
	readonly services: readonly ServiceVerdict[];
	readonly probes: readonly ProbeVerdict[];
	readonly steps: readonly StepVerdict[];
	readonly phases: readonly PhaseSpan[];
};
