import type {BudgetKind, BudgetSpec, BudgetStatus, BudgetUnit} from './budget-spec.js';
import type {Level} from './threshold.js';

export type {BudgetKind, BudgetSpec, BudgetStatus, BudgetUnit} from './budget-spec.js';

/** ok below the near fraction of the budget, near from there up to the budget, over past it. */
export type BudgetLevel = 'ok' | 'near' | 'over';

export type BudgetResource = 'memory' | 'cpu';

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
	/** Bytes or percent in force now (the phase's when stricter); undefined when the profile sets none. */
	readonly budget: number | undefined;
	/** The budget as the profile wrote it. */
	readonly written?: string;
	readonly level: BudgetLevel;
};

/** A breach that lasted long enough to warn; kept after it ends, in a bounded history. */
export type BudgetWarning = {
	/** Unique within one evaluator's lifetime; a stable key for lists. */
	readonly id: number;
	readonly budgetId: string;
	readonly kind: BudgetKind;
	readonly unit: BudgetUnit;
	/** The service; undefined for the stack, the host, a probe or a step (see subject). */
	readonly service: string | undefined;
	/** A service, `stack`, `host`, a probe or a step name. */
	readonly subject: string;
	/** startup warnings: the container that was slow. */
	readonly container: string | undefined;
	readonly phase: string | null;
	/** The limit, in `unit`. */
	readonly budget: number;
	/** The limit as the profile wrote it. */
	readonly written: string;
	/** Epoch ms when the breach began, before the warning was raised. */
	readonly startedAt: number;
	/** Worst value during the breach. */
	readonly peak: number;
	/** Latest value; undefined when unknown (a stopped service). */
	readonly current: number | undefined;
	/** Until now while active, until endedAt after. */
	readonly durationMs: number;
	/** Epoch ms the breach cleared (past the hysteresis line); undefined while active. */
	readonly endedAt: number | undefined;
	/** What, which subject, since when, peak, current, budget: one line. */
	readonly message: string;
};

/** One budget's state now: the spec and how it fares. */
export type BudgetTrack = BudgetSpec & {
	readonly status: BudgetStatus;
	/** ok / near / over (past the limit, not yet sustained) / breach. */
	readonly level: Level;
	readonly observed: number | undefined;
	readonly current: number | undefined;
	readonly breaches: ReadonlyArray<{readonly from: number; readonly to: number | null; readonly peak: number}>;
	readonly evaluatedMs: number;
	readonly note: string;
};

/** Stack startup as the header shows it: `stack healthy in 12 s / 60 s`. */
export type StackStartup = {
	readonly from: number;
	readonly cause: 'up' | 'restart' | 'first-seen';
	readonly healthyAt: number | undefined;
	readonly elapsedMs: number;
	readonly limitMs: number | undefined;
};

/** What the dashboard and the soak show of the budgets after one evaluation; a new object each time. */
export type BudgetState = {
	/** The stack first, then services by name; memory before CPU. */
	readonly meters: readonly BudgetMeter[];
	/** Oldest first; active ones are never dropped, ended ones beyond the history limit are. */
	readonly warnings: readonly BudgetWarning[];
	/** Every planned budget, in plan order. */
	readonly tracks: readonly BudgetTrack[];
	readonly phase: string | null;
	readonly stackStartup: StackStartup | undefined;
	readonly evaluatedAt: number;
};

export const defaultHistoryLimit = 200;

export function initialBudgetState(): BudgetState {
	return {meters: [], warnings: [], tracks: [], phase: null, stackStartup: undefined, evaluatedAt: 0};
}
