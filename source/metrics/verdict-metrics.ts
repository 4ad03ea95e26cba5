import type {ServiceHealth, Verdict} from '../soak/verdict-types.js';
import type {MetricFamily, Sample} from './exposition.js';

const healths: readonly ServiceHealth[] = ['healthy', 'starting', 'unhealthy', 'running', 'down', 'missing'];

/**
 * What a run's verdict adds to the live budgets: per service what is tracked over the whole run
 * (health, restarts, OOM kills, uptime, memory slope) and whether any budget was breached.
 */
export function verdictFamilies(verdict: Verdict): MetricFamily[] {
	const services = (value: (service: Verdict['services'][number]) => number | null): Sample[] =>
		verdict.services.flatMap(service => {
			const number = value(service);
			return number === null ? [] : [{labels: {service: service.service}, value: number}];
		});
	return [
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
