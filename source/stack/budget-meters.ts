import type {PlannedBudget} from './budget-plan.js';
import type {BudgetLevel, BudgetMeter, BudgetResource, BudgetTrack} from './budget-types.js';
import type {sumUsage} from './budget-usage.js';
import {levelOf} from './budget-usage.js';

const resources: readonly BudgetResource[] = ['memory', 'cpu'];

/**
 * Meters for the stack and every service with containers or a budget: usage against the
 * strictest memory / CPU budget in force now (phase budgets only in their phase).
 */
export function metersOf(usage: ReturnType<typeof sumUsage>, plan: readonly PlannedBudget[], tracks: readonly BudgetTrack[], phase: string | null, nearFraction: number): BudgetMeter[] {
	const inForce = plan.filter(budget => (budget.kind === 'memory' || budget.kind === 'cpu') && (budget.phase === null || budget.phase === phase));
	const serviceNames = [...new Set([...usage.services.keys(), ...inForce.map(budget => budget.subject).filter(subject => subject !== 'stack')])].sort((left, right) => left.localeCompare(right));
	const meters: BudgetMeter[] = [];
	for (const service of [undefined, ...serviceNames]) {
		const totals = service === undefined ? usage.stack : usage.services.get(service) ?? {memory: 0, cpu: 0};
		for (const resource of resources) {
			const budgets = inForce.filter(budget => budget.kind === resource && budget.subject === (service ?? 'stack'));
			const strictest = budgets.sort((left, right) => left.limit - right.limit)[0];
			const value = totals[resource];
			const trackLevel = tracks.find(track => track.id === strictest?.id)?.level;
			const level: BudgetLevel = trackLevel === 'breach' || trackLevel === 'over' ? 'over' : levelOf(value, strictest?.limit, nearFraction);
			meters.push({service, resource, value, budget: strictest?.limit, ...(strictest === undefined ? {} : {written: strictest.written}), level});
		}
	}

	return meters;
}
