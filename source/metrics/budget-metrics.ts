import type {BudgetState, BudgetStatus, BudgetTrack, BudgetUnit} from '../stack/budgets.js';
import type {Level} from '../stack/threshold.js';
import type {MetricFamily} from './exposition.js';

export type BudgetMetricsInput = {
	/** The evaluator's state: every planned budget (`tracks`), the same in the dashboard and a soak. */
	readonly budgets: BudgetState;
};

const statuses: readonly BudgetStatus[] = ['held', 'breached', 'not-evaluated'];
const levels: readonly Level[] = ['ok', 'near', 'over', 'breach'];

/** Each budget unit as an OpenMetrics unit suffix, and the factor into it (ms are exposed as seconds). */
const units: Record<BudgetUnit, {readonly suffix: string; readonly factor: number}> = {
	bytes: {suffix: 'bytes', factor: 1},
	percent: {suffix: 'percent', factor: 1},
	ms: {suffix: 'seconds', factor: 0.001},
	ratio: {suffix: 'ratio', factor: 1},
	count: {suffix: 'count', factor: 1},
	'bytes-per-hour': {suffix: 'bytes_per_hour', factor: 1},
};

function labelsOf(track: BudgetTrack): Record<string, string> {
	return {budget: track.id, kind: track.kind, subject: track.subject, ...(track.phase === null ? {} : {phase: track.phase})};
}

/**
 * Every budget of the profile (memory, CPU, host, startup, uptime, restarts, OOM, leaks,
 * probes, recovery): its limit and current value in its unit, its verdict so far, its level now
 * and how many breach spans it had.
 */
export function budgetFamilies({budgets}: BudgetMetricsInput): MetricFamily[] {
	const {tracks} = budgets;
	const perUnit = (field: 'limit' | 'current', help: string): MetricFamily[] =>
		Object.entries(units).map(([unit, {suffix, factor}]) => ({
			name: `stacktui_budget_${field}_${suffix}`,
			type: 'gauge',
			unit: suffix,
			help,
			samples: tracks
				.filter(track => track.unit === unit && track[field] !== undefined)
				.map(track => ({labels: labelsOf(track), value: (track[field] ?? 0) * factor})),
		}));
	return [
		...perUnit('limit', 'A budget of the profile: its limit (at most or at least: see the comparison label of stacktui_budget_status).'),
		...perUnit('current', 'The latest value a budget is checked against; absent while unknown (a stopped service).'),
		{
			name: 'stacktui_budget_status',
			type: 'gauge',
			help: 'Verdict of a budget so far (held, breached, not-evaluated): 1 for the current one, 0 for the others.',
			samples: tracks.flatMap(track => statuses.map(status => ({labels: {...labelsOf(track), comparison: track.comparison, status}, value: track.status === status ? 1 : 0}))),
		},
		{
			name: 'stacktui_budget_level',
			type: 'gauge',
			help: 'Level of a budget now (ok; near: close to the limit; over: past it, not yet for long enough; breach): 1 for the current one, 0 for the others.',
			samples: tracks.flatMap(track => levels.map(level => ({labels: {...labelsOf(track), level}, value: track.level === level ? 1 : 0}))),
		},
		{
			name: 'stacktui_budget_breaches',
			type: 'counter',
			help: 'Breach spans of a budget since stacktui started.',
			samples: tracks.map(track => ({labels: labelsOf(track), value: track.breaches.length})),
		},
	];
}
