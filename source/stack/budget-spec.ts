/** Budgets as a profile states them; shared by the evaluator (stack/) and the verdict (soak/). */

/** What a budget limits. */
export type BudgetKind =
	/** Memory of a service (replicas summed) or of the stack (every running container). */
	| 'memory'
	/** CPU % of a service or of the stack, summed like `docker stats` rows. */
	| 'cpu'
	/** Free memory of the host, at least. */
	| 'host-memory'
	/** Free disk of the host's fullest real file system, at least. */
	| 'host-disk'
	/** A service healthy within N of its container's start (each run). */
	| 'startup'
	/** Every service healthy within N of `up`, of a stack restart, or of the first sight of the stack. */
	| 'stack-startup'
	/** Share of container runs whose health checks passed on the first try. */
	| 'first-try-health'
	/** Share of observed time a service was running and healthy (planned downtime of steps left out). */
	| 'uptime'
	/** Unexpected exits of a service's containers in a sliding window (crash loops). */
	| 'restarts'
	/** Containers of a service killed for lack of memory. */
	| 'oom'
	/** Memory growth of a service, by a robust slope over a sliding window. */
	| 'leak'
	/** Share of a probe's checks that succeeded. */
	| 'probe-success'
	/** A latency percentile of a probe's successful checks. */
	| 'probe-latency'
	/** A scripted step's service healthy again within its startup budget, the others healthy meanwhile. */
	| 'recovery';

export type BudgetUnit = 'bytes' | 'percent' | 'ms' | 'ratio' | 'count' | 'bytes-per-hour';

export type SubjectKind = 'service' | 'stack' | 'host' | 'probe' | 'step';

/** A budget as the profile states it: what, of whom, when, and the limit as written. */
export type BudgetSpec = {
	/**
	 * Stable within a profile: `kind:subject` plus `@phase` when the budget holds in one phase only,
	 * e.g. `memory:postgres@idle`, `memory:stack`, `probe-success:redis-ping`, `probe-latency:redis-ping:p95`, `recovery:step-2`.
	 */
	readonly id: string;
	readonly kind: BudgetKind;
	/** A service name, `stack`, `host`, a probe name, or a step name (`step-N` unless named). */
	readonly subject: string;
	readonly subjectKind: SubjectKind;
	/** The phase this budget holds in; null: the whole run. */
	readonly phase: string | null;
	/** In `unit`: bytes, percent (CPU 100 = one core), ms, ratio 0..1, count, bytes per hour. */
	readonly limit: number;
	readonly unit: BudgetUnit;
	/** at-most: breached above the limit; at-least: below it (free memory, uptime, success ratio). */
	readonly comparison: 'at-most' | 'at-least';
	/** The limit as the profile wrote it: `200MB`, `99.9%`, `10MiB/h`, `3 in 10m`, `60s`. */
	readonly written: string;
	/** One line: `postgres memory while idle at most 200MB`. */
	readonly description: string;
};

export type BudgetStatus = 'held' | 'breached' | 'not-evaluated';
