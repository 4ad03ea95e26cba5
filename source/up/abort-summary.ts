import {hasReachedTarget, type ServiceRun, type UpState} from './model.js';

/** Where an aborted service was left, in words a user can act on. */
function leftAt(run: ServiceRun): string {
	if (hasReachedTarget(run)) return run.phase;
	switch (run.phase) {
		case 'waiting': {
			return 'not created';
		}

		case 'pulling':
		case 'building': {
			return `not created (${run.phase === 'pulling' ? 'pull' : 'build'} interrupted)`;
		}

		case 'creating': {
			return 'creation interrupted';
		}

		case 'created': {
			return 'created, not started';
		}

		case 'starting': {
			return 'start interrupted';
		}

		case 'running': {
			return `started, not ${run.target ?? 'ready'} yet`;
		}

		case 'failed':
		case 'blocked': {
			return run.phase;
		}

		case 'healthy':
		case 'completed': {
			return run.phase;
		}
	}
}

/**
 * One line saying what an aborted `up` left half-done, services with the same outcome grouped:
 * `up aborted: db healthy; api created, not started; web, worker not created`.
 */
export function abortSummary(state: UpState): string {
	const groups = new Map<string, string[]>();
	for (const name of state.order) {
		const run = state.services[name];
		if (run === undefined) continue;
		const where = leftAt(run);
		groups.set(where, [...(groups.get(where) ?? []), name]);
	}

	return `up aborted: ${[...groups].map(([where, names]) => `${names.join(', ')} ${where}`).join('; ')}`;
}
