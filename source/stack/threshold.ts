/**
 * A limit crossed for long enough, with hysteresis: a value past the limit is `over`; over for
 * `sustainMs` it is a `breach`; a breach ends only once the value stayed past the clear line
 * (the limit less `hysteresis` of it) for `clearMs`, so a value hovering at the limit is one
 * breach, not many.
 */

export type Comparison = 'at-most' | 'at-least';

export type ThresholdSettings = {
	readonly limit: number;
	readonly comparison: Comparison;
	readonly sustainMs: number;
	readonly clearMs: number;
	/** Fraction of the limit (0.05). */
	readonly hysteresis: number;
	/** Fraction of the limit from which the level is near (0.8). */
	readonly nearFraction: number;
};

export type Level = 'ok' | 'near' | 'over' | 'breach';

export type ThresholdState = {
	readonly level: Level;
	/** over / breach: when the value first crossed the limit. */
	readonly since: number | undefined;
	/** A breach clearing: when the value first fell past the clear line. */
	readonly clearingSince: number | undefined;
	/** Worst value since `since`. */
	readonly peak: number | undefined;
};

/** What one step did: a breach began (sustained just now) or ended (its span is since..endedAt). */
export type ThresholdChange = {readonly began?: boolean; readonly endedAt?: number};

export const initialThreshold: ThresholdState = {level: 'ok', since: undefined, clearingSince: undefined, peak: undefined};

/** Worse of two values for this comparison. */
export function worse(comparison: Comparison, left: number, right: number): number {
	return comparison === 'at-most' ? Math.max(left, right) : Math.min(left, right);
}

function isPast(settings: ThresholdSettings, value: number, line: number): boolean {
	return settings.comparison === 'at-most' ? value > line : value < line;
}

/** The level of a value on its own, without duration: ok, near or over. */
export function levelOfValue(settings: ThresholdSettings, value: number): Level {
	if (isPast(settings, value, settings.limit)) return 'over';
	const near = settings.comparison === 'at-most' ? settings.limit * settings.nearFraction : settings.limit / settings.nearFraction;
	// A floor (at least) is near only strictly above it: a share at 100 % of a 100 % budget is fine.
	const isNear = settings.comparison === 'at-most' ? value >= near : value < near;
	return isNear ? 'near' : 'ok';
}

/**
 * One evaluation; `value` undefined (no data) keeps the state as it is. `startedAt` dates a
 * new excursion earlier than now when the value says when it began (a wait since a start).
 */
export function stepThreshold(state: ThresholdState, settings: ThresholdSettings, value: number | undefined, now: number, startedAt = now): {state: ThresholdState; change: ThresholdChange} {
	if (value === undefined) return {state, change: {}};
	const isOver = isPast(settings, value, settings.limit);
	const clearLine = settings.comparison === 'at-most' ? settings.limit * (1 - settings.hysteresis) : settings.limit * (1 + settings.hysteresis);
	const isClear = !isPast(settings, value, clearLine);
	const peak = state.peak === undefined ? value : worse(settings.comparison, state.peak, value);
	if (state.level === 'breach') {
		if (!isClear) return {state: {...state, peak: isOver ? peak : state.peak, clearingSince: undefined}, change: {}};
		const clearingSince = state.clearingSince ?? now;
		if (now - clearingSince >= settings.clearMs) {
			return {state: {...initialThreshold, level: levelOfValue(settings, value)}, change: {endedAt: clearingSince}};
		}

		return {state: {...state, clearingSince}, change: {}};
	}

	if (!isOver) return {state: {...initialThreshold, level: levelOfValue(settings, value)}, change: {}};
	const since = state.since ?? startedAt;
	if (now - since >= settings.sustainMs) {
		return {state: {level: 'breach', since, clearingSince: undefined, peak}, change: {began: true}};
	}

	return {state: {level: 'over', since, clearingSince: undefined, peak}, change: {}};
}

/** Ends a breach or an excursion now (its phase ended, or the subject went away). */
export function endThreshold(state: ThresholdState, now: number): {state: ThresholdState; change: ThresholdChange} {
	return {state: initialThreshold, change: state.level === 'breach' ? {endedAt: state.clearingSince ?? now} : {}};
}
