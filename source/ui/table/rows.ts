import type {RowState, RowStatus} from '../../stack/snapshot.js';
import type {BudgetStatus, PendingAction} from '../format/status.js';

/** One row of the services table: a container's status (or a missing service's) plus what other parts of the app know of it. */
export type TableRow = {
	readonly status: RowStatus;
	/** An action sent and not yet confirmed by events: shown as `restarting…`. */
	readonly pendingAction?: PendingAction | undefined;
	readonly budgetStatus?: BudgetStatus | undefined;
	readonly memoryBudgetBytes?: number | undefined;
	/** The memory budget as the profile wrote it (`200MB`); the used value then shows in its unit system. */
	readonly memoryBudgetText?: string | undefined;
	readonly cpuBudgetPercent?: number | undefined;
	/** The values of a full sparkline bar (budget, limit, one core or the host's memory); no bars without one. */
	readonly cpuScale?: number | undefined;
	readonly memoryScale?: number | undefined;
	/** Oldest first (from StackHistory). */
	readonly cpuHistory?: readonly number[] | undefined;
	readonly memoryHistory?: readonly number[] | undefined;
	/** Published ports, e.g. `8080→80/tcp`. */
	readonly ports?: readonly string[] | undefined;
	/** The engine is lost (or not listed again yet): the row is what was known before, not live. */
	readonly isStale?: boolean | undefined;
};

export type SortKey = 'name' | 'cpu' | 'memory' | 'state';

/** The order `o` cycles through. */
export const sortKeys: readonly SortKey[] = ['name', 'cpu', 'memory', 'state'];

export function nextSortKey(current: SortKey): SortKey {
	return sortKeys[(sortKeys.indexOf(current) + 1) % sortKeys.length] ?? 'name';
}

/** Running first, then the states that need attention (a service without a container among them), then the rest. */
const stateOrder: readonly RowState[] = ['running', 'restarting', 'paused', 'created', 'exited', 'dead', 'missing', 'removing', 'removed'];

/** The rows the table shows, in its order: filtered (case-insensitive, on service, container and image), then sorted. */
export function arrangeRows(rows: readonly TableRow[], sortKey: SortKey, filterText = ''): TableRow[] {
	const needle = filterText.trim().toLowerCase();
	const kept = needle === '' ? [...rows] : rows.filter(row => matches(row, needle));
	return kept.sort((left, right) => compare(left, right, sortKey) || byName(left, right));
}

function matches(row: TableRow, needle: string): boolean {
	const {service, container, image} = row.status;
	return [service, container, image].some(text => text.toLowerCase().includes(needle));
}

function compare(left: TableRow, right: TableRow, sortKey: SortKey): number {
	switch (sortKey) {
		case 'name': {
			return 0;
		}

		case 'cpu': {
			return descending(left.status.cpuPercent, right.status.cpuPercent);
		}

		case 'memory': {
			return descending(left.status.memoryBytes, right.status.memoryBytes);
		}

		case 'state': {
			return stateOrder.indexOf(left.status.state) - stateOrder.indexOf(right.status.state);
		}
	}
}

/** Largest first; unknown values last. */
function descending(left: number | null, right: number | null): number {
	if (left === null || right === null) return (left === null ? 1 : 0) - (right === null ? 1 : 0);
	return right - left;
}

function byName(left: TableRow, right: TableRow): number {
	return left.status.service.localeCompare(right.status.service) || left.status.replica - right.status.replica;
}

/**
 * The first visible row of a window of `height` rows over `count`, scrolled as little as possible
 * from `start` so the selected row is in view.
 */
export function scrollWindow(start: number, selectedIndex: number, height: number, count: number): number {
	const visible = Math.max(1, height);
	let first = start;
	if (selectedIndex >= 0) {
		if (selectedIndex < first) first = selectedIndex;
		if (selectedIndex >= first + visible) first = selectedIndex - visible + 1;
	}

	return Math.max(0, Math.min(first, count - visible));
}
