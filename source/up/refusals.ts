import {ConfigError} from '../config/config-error.js';
import type {ComposeProject, Refusal} from '../compose/types.js';

/** How a user tells `up` to start services anyway, without the keys it cannot apply. */
export const allowUnsupportedFlag = '--allow-unsupported';

/**
 * The first key among the given services (and the project's top level) that stacktui cannot
 * give the engine: `up` refuses with it, and `check` reports the same line.
 */
export function firstRefusal(project: Pick<ComposeProject, 'refusals'>, services: readonly string[]): Refusal | undefined {
	return [...(project.refusals[''] ?? []), ...services.flatMap(service => project.refusals[service] ?? [])][0];
}

/** The refusal as the one-line error `up` and `check` exit with (code 2). */
export function refusalError(refusal: Refusal): ConfigError {
	return new ConfigError(refusal.location, `${refusal.reason}; ${allowUnsupportedFlag} starts the stack without it`);
}

/** Every refusal of the given services as a warning line, for a run with --allow-unsupported. */
export function refusalWarnings(project: Pick<ComposeProject, 'refusals'>, services: readonly string[]): string[] {
	return [...(project.refusals[''] ?? []), ...services.flatMap(service => project.refusals[service] ?? [])].map(refusal => `${refusal.line} (not applied: ${allowUnsupportedFlag})`);
}
