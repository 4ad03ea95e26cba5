import {formatBytes} from '../../stack/format.js';
import type {BudgetUnit, BudgetVerdict, Verdict} from '../verdict-types.js';

/** A value in a budget's unit, as people read it: 128MiB, 12.50%, 12.3 s, 99.95%, 3, 12MiB/h. */
export function formatInUnit(value: number | null, unit: BudgetUnit): string {
	if (value === null || !Number.isFinite(value)) return '–';
	switch (unit) {
		case 'bytes': {
			return formatBytes(value);
		}

		case 'percent': {
			return `${value.toFixed(2)}%`;
		}

		case 'ms': {
			return formatMilliseconds(value);
		}

		case 'ratio': {
			return formatRatio(value);
		}

		case 'count': {
			return String(Math.round(value));
		}

		case 'bytes-per-hour': {
			return `${value < 0 ? '-' : '+'}${formatBytes(Math.abs(value))}/h`;
		}
	}
}

/** 0.9995 → 99.95%, 1 → 100%, 0.99999 → 99.99% (never rounded up to a full 100 %). */
export function formatRatio(ratio: number): string {
	const percent = ratio * 100;
	for (const digits of [0, 1, 2]) {
		const text = percent.toFixed(digits);
		if (Math.abs(Number(text) - percent) < 1e-9) return `${text}%`;
	}

	const text = percent.toFixed(2);
	return text === '100.00' && percent < 100 ? '99.99%' : `${text}%`;
}

/** 850 ms, 12.3 s, 4m05s, 2h10m, 3d04h. */
export function formatMilliseconds(milliseconds: number): string {
	if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
	if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(1)} s`;
	const totalSeconds = Math.floor(milliseconds / 1000);
	const days = Math.floor(totalSeconds / 86_400);
	const hours = Math.floor((totalSeconds % 86_400) / 3600);
	const minutes = Math.floor((totalSeconds % 3600) / 60);
	const rest = totalSeconds % 60;
	const pad = (value: number) => String(value).padStart(2, '0');
	if (days > 0) return `${days}d${pad(hours)}h`;
	if (hours > 0) return `${hours}h${pad(minutes)}m`;
	return `${minutes}m${pad(rest)}s`;
}

/** ISO 8601 in UTC to the second: reports are the same wherever they are made. */
export function formatTime(epochMs: number): string {
	return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Total time a budget was in breach (open spans up to `end`). */
export function breachedMs(budget: BudgetVerdict, end: number): number {
	return budget.breaches.reduce((total, span) => total + ((span.to ?? end) - span.from), 0);
}

/** Budgets breached first, then held, then not evaluated; profile order within each. */
export function budgetsByStatus(verdict: Verdict): BudgetVerdict[] {
	const rank = {breached: 0, held: 1, 'not-evaluated': 2} as const;
	return [...verdict.budgets].sort((left, right) => rank[left.status] - rank[right.status]);
}

export type BudgetCounts = {readonly total: number; readonly held: number; readonly breached: number; readonly notEvaluated: number};

export function countBudgets(verdict: Verdict): BudgetCounts {
	const count = (status: BudgetVerdict['status']) => verdict.budgets.filter(budget => budget.status === status).length;
	return {total: verdict.budgets.length, held: count('held'), breached: count('breached'), notEvaluated: count('not-evaluated')};
}

/** `HELD`, `BREACHED`, `NOT EVALUATED`. */
export function statusWord(status: Verdict['status']): string {
	return status.replace('-', ' ').toUpperCase();
}
