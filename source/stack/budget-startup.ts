import type {Budgets} from '../profile/types.js';
import type {Observation} from './budget-breaches.js';
import type {StackState} from './model.js';

/**
 * Startup checks: each run of a running container is a breach from its start until it is
 * first healthy (running counts as healthy without a healthcheck), and warns once it has
 * lasted the service's startup budget. A run that became healthy once is done, even if it
 * turns unhealthy later; a stopped container or a new run ends the breach.
 */
export function observeStartups(
	state: StackState,
	budgets: Budgets,
	serviceOf: (id: string) => string | undefined,
	previousHealthyRuns: ReadonlyMap<string, string>,
	now: number,
): {observations: Observation[]; healthyRuns: ReadonlyMap<string, string>} {
	const observations: Observation[] = [];
	const healthyRuns = new Map<string, string>();
	for (const container of state.containers.values()) {
		const {startedAt} = container;
		if (container.state !== 'running' || startedAt === undefined) {
			continue;
		}

		const wasHealthy = previousHealthyRuns.get(container.id) === startedAt;
		const isHealthy = wasHealthy || container.health === 'healthy' || container.health === 'none';
		if (isHealthy) {
			healthyRuns.set(container.id, startedAt);
		}

		const service = serviceOf(container.id) ?? container.service;
		const budget = budgets.services[service]?.startupMs ?? budgets.startupMs;
		const started = Date.parse(startedAt);
		if (budget === undefined || Number.isNaN(started)) {
			continue;
		}

		observations.push({
			key: `startup:${container.id}:${startedAt}`,
			kind: 'startup',
			service,
			container: container.name,
			budget,
			verdict: isHealthy ? 'clear' : 'breached',
			value: Math.max(0, now - started),
			since: started,
			sustainMs: budget,
		});
	}

	return {observations, healthyRuns};
}
