import {trackBreaches} from './budget-breaches.js';
import {holdDeliberate} from './budget-deliberate.js';
import {observeStartups} from './budget-startup.js';
import {
	type BudgetInput,
	type BudgetMeter,
	type BudgetResource,
	type BudgetState,
	type BudgetWarning,
	defaultHistoryLimit,
	defaultNearFraction,
} from './budget-types.js';
import {measure} from './budget-usage.js';

export * from './budget-types.js';
export {levelOf} from './budget-usage.js';

/**
 * Evaluates the profile's budgets against the stack as it is at `now`: meters with a level
 * per service (replicas summed) and for the stack total (every running container summed;
 * CPU % adds up as `docker stats` rows do, so 200 = two cores busy), and warnings for
 * breaches that lasted `sustainMs` and for services not healthy within their startup budget.
 * Pure: call it on every new StackState and on a clock tick, so durations and the sustain
 * and startup deadlines advance even when no sample arrives.
 */
export function evaluateBudgets(previous: BudgetState, input: BudgetInput): BudgetState {
	const {now, state, budgets} = input;
	const serviceOf = input.serviceOf ?? ((id: string) => state.containers.get(id)?.service);
	const {meters, observations} = measure(state, budgets, serviceOf, previous.meters, input.nearFraction ?? defaultNearFraction);
	const startups = observeStartups(state, budgets, serviceOf, previous.healthyRuns, now);
	const checked = holdDeliberate([...observations, ...startups.observations], state, input.deliberateIds ?? new Set());
	const tracked = trackBreaches(previous, checked, now, input.historyLimit ?? defaultHistoryLimit);
	return {meters, ...tracked, healthyRuns: startups.healthyRuns};
}

/** Warnings not ended yet, oldest first. */
export function activeWarnings(state: BudgetState): BudgetWarning[] {
	return state.warnings.filter(warning => warning.endedAt === undefined);
}

/** The meter of one service (or, with undefined, the stack) for one resource. */
export function meterOf(state: BudgetState, service: string | undefined, resource: BudgetResource): BudgetMeter | undefined {
	return state.meters.find(meter => meter.service === service && meter.resource === resource);
}
