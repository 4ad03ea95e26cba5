import type {Profile} from '../profile/types.js';
import {planBudgets} from './budget-plan.js';
import type {BudgetMeter, BudgetResource, BudgetState, BudgetWarning} from './budget-types.js';
import {BudgetEvaluator} from './evaluator.js';

export * from './budget-types.js';
export {levelOf} from './budget-usage.js';
export {BudgetEvaluator, type EvaluatorInput} from './evaluator.js';
export {planBudgets, type PlannedBudget} from './budget-plan.js';

/** The evaluator of a profile's budgets, probes and steps, for the services expected to run. */
export function evaluatorFor(profile: Pick<Profile, 'budgets' | 'probes' | 'soak'>, services: readonly string[]): BudgetEvaluator {
	const plan = planBudgets({budgets: profile.budgets, probes: profile.probes, steps: profile.soak.steps, services});
	return new BudgetEvaluator(plan, profile.budgets, services);
}

/** Warnings not ended yet, oldest first. */
export function activeWarnings(state: BudgetState): BudgetWarning[] {
	return state.warnings.filter(warning => warning.endedAt === undefined);
}

/** The meter of one service (or, with undefined, the stack) for one resource. */
export function meterOf(state: BudgetState, service: string | undefined, resource: BudgetResource): BudgetMeter | undefined {
	return state.meters.find(meter => meter.service === service && meter.resource === resource);
}
