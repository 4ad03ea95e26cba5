import type {Observation} from './budget-breaches.js';
import type {StackState} from './model.js';

/**
 * Observations of containers that are being restarted, stopped or started on purpose (an action
 * stacktui sent and the engine has not finished): `unknown`, which holds a breach as it is. A
 * container restarting on purpose raises no warning, and an ongoing breach is not ended by the
 * gap and raised again as a new row. The stack's own observations hold while any of them does.
 */
export function holdDeliberate(observations: readonly Observation[], state: StackState, deliberateIds: ReadonlySet<string>): Observation[] {
	if (deliberateIds.size === 0) return [...observations];
	const containers = [...deliberateIds].flatMap(id => {
		const container = state.containers.get(id);
		return container === undefined ? [] : [container];
	});
	const names = new Set(containers.map(container => container.name));
	const services = new Set(containers.map(container => container.service));
	const isHeld = (observation: Observation) =>
		observation.container === undefined ? observation.service === undefined ? containers.length > 0 : services.has(observation.service) : names.has(observation.container);
	return observations.map(observation => (isHeld(observation) ? {...observation, verdict: 'unknown'} : observation));
}
