import type {Budgets, Profile} from '../profile/types.js';
import {activeWarnings, type BudgetLevel, type BudgetState} from '../stack/budgets.js';
import {groupIncidents} from '../stack/incident-groups.js';
import type {StackHistory} from '../stack/history.js';
import type {SessionView} from '../stack/session.js';
import {missingServiceOf, toServiceStatuses, withMissingServices} from '../stack/snapshot.js';
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
	return withMissingServices(toServiceStatuses(view.state, view.now), serviceNames).map(status => {
		const pendingAction = view.pending.get(status.id);
		if (status.state === 'missing') return {status, pendingAction, budgetStatus: 'none'};
		const budget = profile.budgets.services[status.service];
		const container = view.state.containers.get(status.id);
		return {
			status,
			pendingAction,
			budgetStatus: budgetStatusOf(view.budgets, status.service),
			memoryBudgetBytes: budget?.memoryBytes,
			memoryBudgetText: budget?.memoryText,
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

/**
 * The selected row: the one with `selectedId`; when that was a missing row whose container has
 * since appeared, the service's first row; else the first row.
 */
export function findSelected(arranged: readonly TableRow[], selectedId: string | undefined): TableRow | undefined {
	const service = missingServiceOf(selectedId);
	return arranged.find(row => row.status.id === selectedId) ?? arranged.find(row => service !== undefined && row.status.service === service) ?? arranged[0];
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
export function stackTotals(view: SessionView, budgets?: Budgets): StackTotals {
	const meters = view.budgets.meters.filter(meter => meter.service === undefined);
	const samples = [...view.state.stats.values()];
	return {
		cpuPercent: samples.length === 0 ? null : samples.reduce((total, sample) => total + (sample.cpuPercent ?? 0), 0),
		memoryBytes: samples.length === 0 ? null : samples.reduce((total, sample) => total + sample.memoryBytes, 0),
		cpuBudgetPercent: meters.find(meter => meter.resource === 'cpu')?.budget,
		memoryBudgetBytes: meters.find(meter => meter.resource === 'memory')?.budget,
		memoryBudgetText: budgets?.stack.memoryText,
		budgetStatus: budgetStatusOf(view.budgets, undefined),
	};
}
