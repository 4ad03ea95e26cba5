import type {Budget, Budgets} from '../profile/types.js';
import type {Observation} from './budget-breaches.js';
import type {BudgetLevel, BudgetMeter, BudgetResource} from './budget-types.js';
import type {StackState} from './model.js';

type Totals = {memory: number | undefined; cpu: number | undefined};

const resources: readonly BudgetResource[] = ['memory', 'cpu'];

/** The level of a value against a budget; ok when either is unknown. */
export function levelOf(value: number | undefined, budget: number | undefined, nearFraction: number): BudgetLevel {
	if (value === undefined || budget === undefined) {
		return 'ok';
	}

	if (value > budget) {
		return 'over';
	}

	return value >= budget * nearFraction ? 'near' : 'ok';
}

/**
 * Sums memory and CPU over running containers, per service and for the stack. A running
 * container without a sample (or, for CPU, without a second reading yet) makes its sums
 * unknown rather than too low; a service with nothing running uses nothing.
 */
export function sumUsage(state: StackState, serviceOf: (id: string) => string | undefined): {stack: Totals; services: Map<string, Totals>} {
	const stack: Totals = {memory: 0, cpu: 0};
	const services = new Map<string, Totals>();
	for (const container of state.containers.values()) {
		const service = serviceOf(container.id) ?? container.service;
		const totals = services.get(service) ?? {memory: 0, cpu: 0};
		services.set(service, totals);
		if (container.state !== 'running') {
			continue;
		}

		const sample = state.stats.get(container.id);
		for (const target of [stack, totals]) {
			target.memory = add(target.memory, sample?.memoryBytes);
			target.cpu = add(target.cpu, sample?.cpuPercent);
		}
	}

	return {stack, services};
}

function add(total: number | undefined, value: number | undefined): number | undefined {
	return total === undefined || value === undefined ? undefined : total + value;
}

/**
 * Meters for the stack and for every service that has containers or a budget, plus the
 * observations the breach tracker needs for those with a budget. An unknown value keeps
 * the previous meter's value, so a restart's first sample does not blank a row.
 */
export function measure(
	state: StackState,
	budgets: Budgets,
	serviceOf: (id: string) => string | undefined,
	previous: readonly BudgetMeter[],
	nearFraction: number,
): {meters: BudgetMeter[]; observations: Observation[]} {
	const usage = sumUsage(state, serviceOf);
	const names = [...new Set([...usage.services.keys(), ...Object.keys(budgets.services)])].sort((left, right) => left.localeCompare(right));
	const subjects: Array<[string | undefined, Totals, Budget]> = [
		[undefined, usage.stack, budgets.stack],
		...names.map((name): [string, Totals, Budget] => [name, usage.services.get(name) ?? {memory: 0, cpu: 0}, budgets.services[name] ?? {}]),
	];
	const meters: BudgetMeter[] = [];
	const observations: Observation[] = [];
	for (const [service, totals, budget] of subjects) {
		for (const resource of resources) {
			const limit = resource === 'memory' ? budget.memoryBytes : budget.cpuPercent;
			const measured = totals[resource];
			const value = measured ?? previous.find(meter => meter.service === service && meter.resource === resource)?.value;
			meters.push({service, resource, value, budget: limit, level: levelOf(value, limit, nearFraction)});
			if (limit !== undefined) {
				observations.push({
					key: `${resource}:${service ?? ''}`,
					kind: resource,
					service,
					container: undefined,
					budget: limit,
					verdict: measured === undefined ? 'unknown' : measured > limit ? 'breached' : 'clear',
					value: measured ?? 0,
					sustainMs: budgets.sustainMs,
				});
			}
		}
	}

	return {meters, observations};
}
