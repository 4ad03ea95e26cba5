import type {BudgetKind, BudgetState, BudgetWarning, Breach} from './budget-types.js';

/** One check of one subject at one evaluation: the input of the breach tracker. */
export type Observation = {
	/** Identifies the subject across evaluations; a new key is a new breach. */
	readonly key: string;
	readonly kind: BudgetKind;
	readonly service: string | undefined;
	readonly container: string | undefined;
	readonly budget: number;
	/** `unknown` keeps a breach as it is: no data is no news. */
	readonly verdict: 'breached' | 'clear' | 'unknown';
	readonly value: number;
	/** When the breach began if it is older than this evaluation (startup: the container's start). */
	readonly since?: number;
	/** How long a breach must last before it warns. */
	readonly sustainMs: number;
};

type Tracked = Pick<BudgetState, 'warnings' | 'nextWarningId' | 'breaches'>;

/**
 * Advances breaches and warnings by one evaluation: a breach starts when first seen,
 * warns once it has lasted `sustainMs` (exactly that long counts), keeps its peak, and
 * ends — with its warning — at the first evaluation that no longer sees it.
 */
export function trackBreaches(previous: Tracked, observations: readonly Observation[], now: number, historyLimit: number): Tracked {
	const breaches = new Map<string, Breach>();
	const updates = new Map<number, Partial<BudgetWarning>>();
	const raised: BudgetWarning[] = [];
	let {nextWarningId} = previous;
	for (const observation of observations) {
		const before = previous.breaches.get(observation.key);
		if (observation.verdict === 'unknown') {
			if (before !== undefined) {
				breaches.set(observation.key, before);
			}

			continue;
		}

		if (observation.verdict === 'clear') {
			continue; // Ended below, with every breach not carried over.
		}

		const startedAt = before?.startedAt ?? observation.since ?? now;
		const peak = Math.max(before?.peak ?? observation.value, observation.value);
		let warningId = before?.warningId;
		if (warningId === undefined && now - startedAt >= observation.sustainMs) {
			warningId = nextWarningId++;
			raised.push({
				id: warningId,
				kind: observation.kind,
				service: observation.service,
				container: observation.container,
				budget: observation.budget,
				startedAt,
				peak,
				durationMs: now - startedAt,
				endedAt: undefined,
			});
		} else if (warningId !== undefined) {
			updates.set(warningId, {peak, durationMs: now - startedAt});
		}

		breaches.set(observation.key, {startedAt, peak, warningId});
	}

	for (const [key, breach] of previous.breaches) {
		if (!breaches.has(key) && breach.warningId !== undefined) {
			updates.set(breach.warningId, {endedAt: now, durationMs: now - breach.startedAt});
		}
	}

	if (updates.size === 0 && raised.length === 0) {
		return {warnings: previous.warnings, nextWarningId, breaches};
	}

	const warnings = [
		...previous.warnings.map(warning => {
			const update = updates.get(warning.id);
			return update === undefined ? warning : {...warning, ...update};
		}),
		...raised,
	];
	return {warnings: trimHistory(warnings, historyLimit), nextWarningId, breaches};
}

/** Drops the oldest ended warnings beyond the limit; active warnings always stay. */
function trimHistory(warnings: readonly BudgetWarning[], limit: number): readonly BudgetWarning[] {
	let excess = warnings.length - limit;
	if (excess <= 0) {
		return warnings;
	}

	return warnings.filter(warning => {
		if (excess > 0 && warning.endedAt !== undefined) {
			excess--;
			return false;
		}

		return true;
	});
}
