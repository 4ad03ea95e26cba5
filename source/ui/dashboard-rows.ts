import type {Profile} from '../profile/types.js';
import {writtenSize} from '../config/units.js';
import {activeWarnings, type BudgetLevel, type BudgetState} from '../stack/budgets.js';
import {groupIncidents} from '../stack/incident-groups.js';
import type {StackHistory} from '../stack/history.js';
import type {SessionView} from '../stack/session.js';
import {toServiceStatuses, withMissingServices} from '../stack/snapshot.js';
import type {StackTotals} from './format/header-lines.js';
import {cpuScale, memoryScale} from './format/sparkline.js';
import type {BudgetStatus} from './format/status.js';
import type {TableRow} from './table/rows.js';

const rank: Record<BudgetLevel, number> = {ok: 0, near: 1, over: 2};

/**
 * The services table's rows: each container's status with its pending action, budget and history,
 * plus a `missing` row for each of `serviceNames` (the active compose services) without a container.
 */
export function dashboardRows(view: SessionView, profile: Profile, history: StackHistory, serviceNames: readonly string[] = []): TableRow[] {
	// Until the engine is back and the containers listed again, rows show what was known: stale.
	const isStale = view.state.engine !== 'connected' || !view.state.isListed;
	return withMissingServices(toServiceStatuses(view.state, view.now), serviceNames).map(status => {
		const pendingAction = view.pending.get(status.id);
		if (status.state === 'missing') return {status, pendingAction, budgetStatus: 'none', isStale};
		const budget = profile.budgets.services[status.service];
		const container = view.state.containers.get(status.id);
		return {
			status,
			pendingAction,
			budgetStatus: budgetStatusOf(view.budgets, status.service),
			memoryBudgetBytes: budget?.memoryBytes,
			memoryBudgetText: writtenSize(budget?.written?.['memory']),
			cpuBudgetPercent: budget?.cpuPercent,
			cpuScale: cpuScale({budgetPercent: budget?.cpuPercent, limitPercent: container?.cpuLimitPercent}),
			memoryScale: memoryScale({
				budgetBytes: budget?.memoryBytes,
				limitBytes: container?.memoryLimitBytes ?? status.memoryLimitBytes ?? undefined,
				hostBytes: view.host.memoryTotalBytes,
			}),
			cpuHistory: history.cpu(status.id, view.now),
			memoryHistory: history.memory(status.id, view.now),
			ports: container?.ports?.map(shortPort),
			isStale,
		};
	});
}

/** True for the row of a service that has no container yet. */
export function isMissingRow(row: TableRow | undefined): boolean {
	return row?.status.state === 'missing';
}

/** What the status line and the panels say about a service without a container. */
export function noContainerText(service: string): string {
	return `${service} has no container yet: press u to bring up missing services`;
}

/** A row's place in the table, kept across a container's removal and recreation: its service and replica. */
export function rowKey(status: {readonly service: string; readonly replica: number}): string {
	return `${status.service}#${status.replica}`;
}

/**
 * The selected row: the one with `selectedKey`; else the first row of that service (a replica
 * that went away); else the first row.
 */
export function findSelected(arranged: readonly TableRow[], selectedKey: string | undefined): TableRow | undefined {
	const service = selectedKey?.slice(0, selectedKey.lastIndexOf('#'));
	return arranged.find(row => rowKey(row.status) === selectedKey) ?? arranged.find(row => row.status.service === service) ?? arranged[0];
}

/** The worse of a service's memory and CPU levels; `none` when it has no budget. */
export function budgetStatusOf(budgets: BudgetState, service: string | undefined): BudgetStatus {
	const meters = budgets.meters.filter(meter => meter.service === service && meter.budget !== undefined);
	if (meters.length === 0) return 'none';
	return meters.reduce<BudgetLevel>((worst, meter) => (rank[meter.level] > rank[worst] ? meter.level : worst), 'ok');
}

/** `127.0.0.1:14080→8080/tcp` reads as `14080→8080`: loopback and tcp are the usual case; other addresses and udp stay. */
export function shortPort(port: string): string {
	return port.replace(/^127\.0\.0\.1:/, '').replace(/\/tcp$/, '');
}

/** What the header counts as warnings: budget warnings still active, and each container's OOM kills and crashes. */
export function warningCount(view: SessionView): number {
	return activeWarnings(view.budgets).length + groupIncidents(view.state.lifecycle.incidents).length;
}

/** The header's stack line: sums over the running containers, against the stack budget (as the profile wrote it). */
export function stackTotals(view: SessionView): StackTotals {
	const meters = view.budgets.meters.filter(meter => meter.service === undefined);
	const memory = meters.find(meter => meter.resource === 'memory');
	const samples = [...view.state.stats.values()];
	return {
		cpuPercent: samples.length === 0 ? null : samples.reduce((total, sample) => total + (sample.cpuPercent ?? 0), 0),
		memoryBytes: samples.length === 0 ? null : samples.reduce((total, sample) => total + sample.memoryBytes, 0),
		cpuBudgetPercent: meters.find(meter => meter.resource === 'cpu')?.budget,
		memoryBudgetBytes: memory?.budget,
		memoryBudgetText: writtenSize(memory?.written),
		budgetStatus: budgetStatusOf(view.budgets, undefined),
	};
}
