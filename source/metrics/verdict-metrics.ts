import type {BudgetStatus, BudgetUnit, BudgetVerdict, ServiceHealth, Verdict} from '../soak/verdict-types.js';
import type {MetricFamily, Sample} from './exposition.js';

const statuses: readonly BudgetStatus[] = ['held', 'breached', 'not-evaluated'];
const healths: readonly ServiceHealth[] = ['healthy', 'starting', 'unhealthy', 'running', 'down', 'missing'];

/** Each budget unit as an OpenMetrics unit suffix, and the factor into it (ms are exposed as seconds). */
const units: Record<BudgetUnit, {readonly suffix: string; readonly factor: number}> = {
	bytes: {suffix: 'bytes', factor: 1},
	percent: {suffix: 'percent', factor: 1},
	ms: {suffix: 'seconds', factor: 0.001},
	ratio: {suffix: 'ratio', factor: 1},
	count: {suffix: 'count', factor: 1},
	'bytes-per-hour': {suffix: 'bytes_per_hour', factor: 1},
};

function budgetLabels(budget: BudgetVerdict): Record<string, string> {
	return {budget: budget.id, kind: budget.kind, subject: budget.subject, ...(budget.phase === null ? {} : {phase: budget.phase})};
}

/**
 * The live verdict as metric families: every budget of the profile (all kinds: memory, CPU,
 * startup, uptime, restarts, leaks, probes, recovery) with its limit, current value and status,
 * and per service what the evaluator tracks over the run (restarts, OOM kills, uptime, slope).
 */
export function verdictFamilies(verdict: Verdict): MetricFamily[] {
	const perUnit = (field: 'limit' | 'current', help: string): MetricFamily[] =>
		Object.entries(units).map(([unit, {suffix, factor}]) => ({
			name: `stacktui_budget_${field}_${suffix}`,
			type: 'gauge',
			unit: suffix,
			help,
			samples: verdict.budgets
				.filter(budget => budget.unit === unit && budget[field] !== null)
				.map(budget => ({labels: budgetLabels(budget), value: (budget[field] ?? 0) * factor})),
		}));
	const services = (value: (service: Verdict['services'][number]) => number | null): Sample[] =>
		verdict.services.flatMap(service => {
			const number = value(service);
			return number === null ? [] : [{labels: {service: service.service}, value: number}];
		});
	return [
		...perUnit('limit', 'A budget of the profile: the limit as configured (at most or at least, per the comparison label of stacktui_budget_status).'),
		...perUnit('current', 'The latest value a budget is checked against; absent when there is none (a stopped service).'),
		{
			name: 'stacktui_budget_status',
			type: 'gauge',
			help: 'Budget verdict so far (held, breached, not-evaluated): 1 for the current one, 0 for the others.',
			samples: verdict.budgets.flatMap(budget =>
				statuses.map(status => ({labels: {...budgetLabels(budget), comparison: budget.comparison, status}, value: budget.status === status ? 1 : 0})),
			),
		},
		{
			name: 'stacktui_budget_breaches',
			type: 'counter',
			help: 'Breach spans of a budget since the run started.',
			samples: verdict.budgets.map(budget => ({labels: budgetLabels(budget), value: budget.breaches.length})),
		},
		{
			name: 'stacktui_service_health',
			type: 'gauge',
			help: 'Health of a service, the worst of its containers: 1 for the current one, 0 for the others.',
			samples: verdict.services.flatMap(service => healths.map(health => ({labels: {service: service.service, health}, value: service.health === health ? 1 : 0}))),
		},
		{name: 'stacktui_service_restarts', type: 'counter', help: 'Container starts of a service after its first, any cause, since the run started.', samples: services(service => service.restarts)},
		{name: 'stacktui_service_oom_kills', type: 'counter', help: 'Containers of a service killed for lack of memory since the run started.', samples: services(service => service.oomKills)},
		{name: 'stacktui_service_uptime_ratio', type: 'gauge', unit: 'ratio', help: 'Share of observed time the service was running and healthy (planned downtime left out).', samples: services(service => service.uptimeRatio)},
		{
			name: 'stacktui_service_memory_slope_bytes_per_hour',
			type: 'gauge',
			unit: 'bytes_per_hour',
			help: 'Robust (Theil-Sen) slope of the service memory over the leak window.',
			samples: services(service => service.leak?.slopeBytesPerHour ?? null),
		},
		{
			name: 'stacktui_verdict_breached',
			type: 'gauge',
			help: 'Whether any budget was breached so far in this run (1) or not (0).',
			samples: [{labels: {run: verdict.run.runId}, value: verdict.status === 'breached' ? 1 : 0}],
		},
	];
}
