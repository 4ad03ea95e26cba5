import type {PhaseDefinition} from '../profile/types.js';

/**
 * The phase at `elapsedMs` into a run: the first definition whose conditions all hold (from,
 * until, while its step runs); one with no condition always holds. null: none holds.
 */
export function phaseAt(phases: readonly PhaseDefinition[], elapsedMs: number, runningSteps: ReadonlySet<string>): string | null {
	const phase = phases.find(
		definition =>
			(definition.fromMs === undefined || elapsedMs >= definition.fromMs) &&
			(definition.untilMs === undefined || elapsedMs < definition.untilMs) &&
			(definition.whileStep === undefined || runningSteps.has(definition.whileStep)),
	);
	return phase?.name ?? null;
}
