import type {Budgets} from '../profile/types.js';
import type {StackState} from './model.js';

/** ok below the near fraction of the budget, near from there up to the budget, over past it. */
export type BudgetLevel = 'ok' | 'near' | 'over';

export type BudgetResource = 'memory' | 'cpu';

/** What a warning is about: a resource over its budget for `sustainMs`, or a service slow to become healthy. */
export type BudgetKind = BudgetResource | 'startup';

/** Usage of one resource by one service (replicas summed) or by the whole stack, against its budget. */
export type BudgetMeter = {
	/** undefined: the stack total, summed over every running container. */
	readonly service: string | undefined;
	readonly resource: BudgetResource;
	/**
	 * Bytes for memory; percent for CPU as `docker stats` shows it, summed like docker stats
	 * rows add up: 100 = one core, so two containers at 100 make 200 = two cores.
	 * undefined until every running container of the subject has a sample.
	 */
	readonly value: number | undefined;
	/** Bytes or percent; undefined when the profile sets none. */
	readonly budget: number | undefined;
	readonly level: BudgetLevel;
};

/** A breach that lasted long enough to warn; kept after it ends, in a bounded history. */
export type BudgetWarning = {
	/** Unique within one BudgetState's lifetime; a stable key for lists. */
	readonly id: number;
	readonly kind: BudgetKind;
	/** undefined: the stack total. */
	readonly service: string | undefined;
	/** startup warnings: the container that was slow. */
	readonly container: string | undefined;
	/** Bytes, percent or (startup) milliseconds. */
	readonly budget: number;
	/** Epoch ms when the breach began (startup: when the container started), before the warning was raised. */
	readonly startedAt: number;
	/** Highest value during the breach; startup: the longest wait for healthy. */
	readonly peak: number;
	/** Until now while active, until endedAt after. */
	readonly durationMs: number;
	/** Epoch ms of the first evaluation that no longer saw the breach; undefined while active. */
	readonly endedAt: number | undefined;
};

/** A breach in progress, warned about yet or not. */
export type Breach = {
	readonly startedAt: number;
	readonly peak: number;
	readonly warningId: number | undefined;
};

/** Everything the evaluator keeps between evaluations; replaced, never mutated. */
export type BudgetState = {
	/** The stack first, then services by name; memory before CPU. */
	readonly meters: readonly BudgetMeter[];
	/** Oldest first; active ones are never dropped, ended ones beyond the history limit are. */
	readonly warnings: readonly BudgetWarning[];
	readonly nextWarningId: number;
	/** Breaches in progress by key (kind, subject, container run). */
	readonly breaches: ReadonlyMap<string, Breach>;
	/** Container id → StartedAt of its run that became healthy: later unhealthy is not a startup matter. */
	readonly healthyRuns: ReadonlyMap<string, string>;
};

export type BudgetInput = {
	/** Epoch ms of this evaluation. */
	readonly now: number;
	readonly state: StackState;
	readonly budgets: Budgets;
	/** Service of a container; defaults to its compose service label. */
	readonly serviceOf?: (id: string) => string | undefined;
	/** Fraction of a budget from which the level is `near`; 0.8 unless given. */
	readonly nearFraction?: number;
	/** Ended warnings kept; 200 unless given. */
	readonly historyLimit?: number;
	/** Containers with an action sent on purpose and not finished (restarting…): their breaches hold, no warning is raised. */
	readonly deliberateIds?: ReadonlySet<string>;
};

export const defaultNearFraction = 0.8;
export const defaultHistoryLimit = 200;

export function initialBudgetState(): BudgetState {
	return {meters: [], warnings: [], nextWarningId: 1, breaches: new Map(), healthyRuns: new Map()};
}
