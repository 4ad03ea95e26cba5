import type {BudgetLevel} from './budget-types.js';
import type {StackState} from './model.js';

export type Totals = {memory: number | undefined; cpu: number | undefined};

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
