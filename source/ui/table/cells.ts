import {fitCell} from '../format/fit.js';
import {formatPercentCell, formatUptime, formatUsage, missing} from '../format/numbers.js';
import {formatSparkline} from '../format/sparkline.js';
import {formatBudgetStatus, formatHealth, formatState, isCleanExit, shownHealth} from '../format/status.js';
import type {Color, Theme} from '../theme.js';
import type {ColumnId, PlacedColumn} from './columns.js';
import type {SortKey, TableRow} from './rows.js';

/** One cell, fitted to its column's width. */
export type Cell = {readonly id: ColumnId; readonly text: string; readonly color: Color};

const sortColumns: Readonly<Record<SortKey, ColumnId>> = {name: 'name', cpu: 'cpu', memory: 'memory', state: 'state'};

/** The title line: the sorted column carries `↓`. */
export function headerCells(columns: readonly PlacedColumn[], sortKey: SortKey): Cell[] {
	return columns.map(column => {
		const title = sortColumns[sortKey] === column.id ? `${column.title}↓` : column.title;
		return {id: column.id, text: fitCell(title, column.width, column.align), color: undefined};
	});
}

/** The cells of one row in column order; a row near or over its budget is colored whole. */
export function rowCells(row: TableRow, columns: readonly PlacedColumn[], isScaled: boolean, theme: Theme): Cell[] {
	const rowColor = budgetColor(row, theme);
	return columns.map(column => {
		const [text, color] = cellValue(column, row, isScaled, theme);
		const shownColor = rowColor ?? (text === missing ? theme.status.muted : color);
		return {id: column.id, text: fitCell(text, column.width, column.align), color: shownColor};
	});
}

function budgetColor(row: TableRow, theme: Theme): Color {
	if (row.isStale === true) return theme.status.muted;
	if (row.budgetStatus === 'over') return theme.status.error;
	if (row.budgetStatus === 'near') return theme.status.warning;
	return undefined;
}

function cellValue(column: PlacedColumn, row: TableRow, isScaled: boolean, theme: Theme): [string, Color] {
	const {status} = row;
	switch (column.id) {
		case 'name': {
			return [isScaled ? `${status.service} #${status.replica}` : status.service, undefined];
		}

		case 'state': {
			const text = formatState({...status, pendingAction: row.pendingAction});
			if (row.pendingAction !== undefined) return [text, theme.status.warning];
			if (isCleanExit(status)) return [text, theme.status.muted];
			const isIncident = status.isOomKilled || status.hasOomKill || (status.exitCode !== null && status.exitCode !== 0);
			return [text, isIncident ? theme.status.error : theme.state[status.state]];
		}

		case 'health': {
			// No events reach us while the engine is lost: the health shown would be a guess.
			if (row.isStale === true) return ['? stale', theme.status.muted];
			const health = shownHealth({...status, pendingAction: row.pendingAction});
			return health === undefined ? [missing, theme.status.muted] : [formatHealth(health), theme.health[health]];
		}

		case 'uptime': {
			return [formatUptime(status.uptimeSeconds), undefined];
		}

		case 'restarts': {
			if (status.state === 'missing') return [missing, undefined];
			return [String(status.restarts), status.restarts > 0 ? theme.status.warning : undefined];
		}

		case 'cpu': {
			return [formatPercentCell(status.cpuPercent), undefined];
		}

		case 'cpuHistory': {
			return [sparkline(row.cpuHistory, column.width, row.cpuScale), theme.accent];
		}

		case 'memory': {
			return [formatUsage(status.memoryBytes, row.memoryBudgetBytes, status.memoryLimitBytes, row.memoryBudgetText), undefined];
		}

		case 'memoryHistory': {
			return [sparkline(row.memoryHistory, column.width, row.memoryScale), theme.accent];
		}

		case 'budget': {
			const budget = row.budgetStatus ?? 'none';
			return [formatBudgetStatus(budget), budget === 'ok' ? theme.status.ok : undefined];
		}

		case 'ports': {
			return [row.ports === undefined || row.ports.length === 0 ? missing : row.ports.join(', '), undefined];
		}
	}
}

/** One character per sample, the newest at the right, beside its number; the scale sets the full-bar height. */
function sparkline(values: readonly number[] | undefined, width: number, maximum: number | undefined): string {
	if (values === undefined || values.length === 0 || maximum === undefined) return '';
	return formatSparkline(values.slice(-width), {width, maximum});
}
