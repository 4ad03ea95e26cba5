import type {ContainerState, Health} from '../engine/types.js';
import type {Verdict} from '../soak/verdict-types.js';
import type {StackState} from '../stack/model.js';
import {toServiceStatuses} from '../stack/snapshot.js';
import {budgetFamilies, type BudgetMetricsInput} from './budget-metrics.js';
import type {MetricFamily, Sample} from './exposition.js';
import {verdictFamilies} from './verdict-metrics.js';

/** What a scrape reads: the session's current view, nothing fetched for it. */
export type MetricsInput = BudgetMetricsInput & {
	readonly state: StackState;
	/** Epoch ms stacktui started watching. */
	readonly startedAt: number;
	readonly now: number;
	/** The live verdict of a recorded run or soak: every budget kind, and per-service run totals. */
	readonly verdict?: Verdict | undefined;
};

const states: readonly ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const healths: readonly Health[] = ['none', 'starting', 'healthy', 'unhealthy'];

/** Every metric family stacktui exposes, from one view of the stack. Pure. */
export function stackMetrics(input: MetricsInput): MetricFamily[] {
	const statuses = toServiceStatuses(input.state, input.now);
	const rows = statuses.map(status => ({status, labels: {service: status.service, container: status.container}}));
	const gauge = (name: string, help: string, samples: Sample[], unit?: string): MetricFamily => ({name, type: 'gauge', help, samples, ...(unit === undefined ? {} : {unit})});
	const known = (values: ReadonlyArray<{labels: Record<string, string>; value: number | null}>): Sample[] =>
		values.filter((entry): entry is {labels: Record<string, string>; value: number} => entry.value !== null && Number.isFinite(entry.value));
	return [
		gauge('stacktui_engine_connected', 'Whether stacktui is connected to the container engine (1) or not (0).', [
			{labels: {project: input.state.project}, value: input.state.engine === 'connected' ? 1 : 0},
		]),
		gauge('stacktui_start_time_seconds', 'When stacktui started watching the stack, in seconds since the epoch.', [{labels: {}, value: input.startedAt / 1000}], 'seconds'),
		gauge(
			'stacktui_container_cpu_percent',
			'CPU use as docker stats shows it: 100 is one core busy. Absent until two samples were read and while not running.',
			known(rows.map(({status, labels}) => ({labels, value: status.cpuPercent}))),
			'percent',
		),
		gauge(
			'stacktui_container_memory_bytes',
			'Memory use as docker stats shows it (usage minus inactive file cache).',
			known(rows.map(({status, labels}) => ({labels, value: status.memoryBytes}))),
			'bytes',
		),
		gauge(
			'stacktui_container_memory_limit_bytes',
			'Memory limit of the container; absent when it has none.',
			known(rows.map(({status, labels}) => ({labels, value: status.memoryLimitBytes ? status.memoryLimitBytes : null}))),
			'bytes',
		),
		gauge(
			'stacktui_container_state',
			'The container state: 1 for the current one, 0 for the others.',
			rows.flatMap(({status, labels}) => states.map(state => ({labels: {...labels, state}, value: status.state === state ? 1 : 0}))),
		),
		gauge(
			'stacktui_container_health',
			'The health check status (none when the container has no health check): 1 for the current one, 0 for the others.',
			rows.flatMap(({status, labels}) => healths.map(health => ({labels: {...labels, health}, value: status.health === health ? 1 : 0}))),
		),
		{
			name: 'stacktui_container_restarts',
			type: 'counter',
			help: 'Restarts the engine made under the restart policy (RestartCount) since the container was created.',
			samples: rows.map(({status, labels}) => ({labels, value: status.restarts})),
		},
		gauge(
			'stacktui_container_oom_killed',
			'Whether the last run of the container was killed for lack of memory (1) or not (0).',
			rows.map(({status, labels}) => ({labels, value: status.isOomKilled ? 1 : 0})),
		),
		gauge(
			'stacktui_container_start_time_seconds',
			'When the current (or last) run of the container started, in seconds since the epoch.',
			known(rows.map(({status, labels}) => ({labels, value: status.startedAt === null ? null : Date.parse(status.startedAt) / 1000}))),
			'seconds',
		),
		...budgetFamilies(input),
		...(input.verdict === undefined ? [] : verdictFamilies(input.verdict)),
	];
}
