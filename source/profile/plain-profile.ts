import {defaultRefreshMs} from './load-profile.js';
import {emptyBudgets} from './read-budgets.js';
import type {Profile} from './types.js';

/**
 * The profile of a compose project opened without one (`stacktui` beside a compose.yaml, `-f`,
 * or `-p NAME` alone): its name, its compose files, and no budgets, tunnels or links.
 */
export function plainProfile(project: string, composeFiles: readonly string[], composeProfiles: readonly string[] = []): Profile {
	return {
		file: undefined,
		name: project,
		description: undefined,
		project,
		composeFiles,
		composeProfiles,
		envFile: undefined,
		engine: undefined,
		refreshMs: defaultRefreshMs,
		budgets: emptyBudgets,
		tunnels: [],
		links: {},
		phases: [],
		probes: [],
		soak: {durationMs: undefined, steps: []},
	};
}
