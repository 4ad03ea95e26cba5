import type {Profile} from '../profile/types.js';
import type {BudgetLevel, BudgetState} from '../stack/budgets.js';
import type {StackHistory} from '../stack/history.js';
import type {SessionView} from '../stack/session.js';
import {toServiceStatuses} from '../stack/snapshot.js';
import type {BudgetStatus} from './format/status.js';
import type {TableRow} from './table/rows.js';

const rank: Record<BudgetLevel, number> = {ok: 0, near: 1, over: 2};

/** The services table's rows: each container's status with its pending action, budget and history. */
export function dashboardRows(view: SessionView, profile: Profile, history: StackHistory): TableRow[] {
	return toServiceStatuses(view.state, view.now).map(status => {
		const budget = profile.budgets.services[status.service];
		const container = view.state.containers.get(status.id);
		return {
			status,
			pendingAction: view.pending.get(status.id),
			budgetStatus: budgetStatusOf(view.budgets, status.service),
			memoryBudgetBytes: budget?.memoryBytes,
			cpuBudgetPercent: budget?.cpuPercent,
			cpuHistory: history.cpu(status.id, view.now),
			memoryHistory: history.memory(status.id, view.now),
			ports: container?.ports?.map(shortPort),
		};
	});
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
