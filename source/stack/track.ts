import type {PlannedBudget} from './budget-plan.js';
import type {BudgetSpec} from './budget-spec.js';
import type {BudgetTrack, BudgetWarning} from './budget-types.js';
import {formatBudgetValue, formatClock} from './format.js';
import type {ThresholdSettings, ThresholdState} from './threshold.js';

/** The evaluator's working state of one budget. */
export type Track = {
	readonly budget: PlannedBudget;
	readonly settings: ThresholdSettings;
	threshold: ThresholdState;
	/** Oldest first; the first and the last 99 are kept. */
	readonly breaches: Array<{from: number; to: number | null; peak: number}>;
	observed: number | undefined;
	current: number | undefined;
	evaluatedMs: number;
	note: string;
	warningId: number | undefined;
	container: string | undefined;
};

function isPast(spec: BudgetSpec, value: number): boolean {
	return spec.comparison === 'at-most' ? value > spec.limit : value < spec.limit;
}

/** A snapshot of a track for views and verdicts. */
export function trackView(track: Track, isFinal: boolean): BudgetTrack {
	const {budget} = track;
	const isEvaluated = track.evaluatedMs > 0 || track.observed !== undefined || track.breaches.length > 0;
	const status = !isEvaluated
		? 'not-evaluated'
		: isFinal
			? track.observed !== undefined && isPast(budget, track.observed)
				? 'breached'
				: 'held'
			: track.breaches.length > 0
				? 'breached'
				: 'held';
	const {id, kind, subject, subjectKind, phase, limit, unit, comparison, written, description} = budget;
	return {
		id,
		kind,
		subject,
		subjectKind,
		phase,
		limit,
		unit,
		comparison,
		written,
		description,
		status,
		level: track.threshold.level,
		observed: track.observed,
		current: track.current,
		breaches: track.breaches.map(span => ({...span})),
		evaluatedMs: track.evaluatedMs,
		note: track.note || (isEvaluated ? '' : 'no data yet'),
	};
}

/** `postgres memory while idle at most 200MB: 230.4MiB now, peak 240.1MiB, since 14:03:27`. */
export function warningMessage(budget: BudgetSpec, warning: Omit<BudgetWarning, 'message'>): string {
	const current = warning.current === undefined ? 'unknown now' : `${formatBudgetValue(budget.unit === 'ratio' || budget.kind === 'leak' || budget.kind === 'recovery' ? unitOf(budget) : budget.unit, warning.current)} now`;
	const peak = `${warning.endedAt === undefined ? 'worst' : 'worst was'} ${formatBudgetValue(unitOf(budget), warning.peak)}`;
	const ended = warning.endedAt === undefined ? '' : `, ended ${formatClock(warning.endedAt)}`;
	return `${budget.description}: ${current}, ${peak}, since ${formatClock(warning.startedAt)}${ended}`;
}

/** Leak and recovery budgets track a flag; their numbers are a slope and a time. */
function unitOf(budget: BudgetSpec): BudgetSpec['unit'] {
	if (budget.kind === 'leak') return 'bytes-per-hour';
	return budget.kind === 'recovery' ? 'ms' : budget.unit;
}
