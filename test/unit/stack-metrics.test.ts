import test from 'ava';
import {formatExposition} from '../../source/metrics/exposition.js';
import {stackMetrics} from '../../source/metrics/stack-metrics.js';
import type {StackState} from '../../source/stack/model.js';
import {budgets as budgetsOf, container, mib, run, sample} from '../helpers/budget-fixture.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

const containers = [
	{...container({id: 'db-1', service: 'db', health: 'healthy'}), restartCount: 3},
	{...container({id: 'web-1', service: 'web', state: 'exited', isOomKilled: true}), exitCode: 137},
	container({id: 'cache-1', service: 'cache', health: 'healthy'}),
];
const state: StackState = {
	project: 'demo',
	engine: 'connected',
	engineError: undefined,
	isListed: true,
	containers: new Map(containers.map(item => [item.id, item])),
	lifecycle: initialLifecycle(),
	stats: new Map([
		['db-1', {...sample(150 * mib, 12.5), memoryLimitBytes: 512 * mib}],
		['cache-1', sample(10 * mib, undefined)],
	]),
};
const plan = {
	budgets: budgetsOf({sustainMs: 1000, stack: {memoryBytes: 1024 * mib}, services: {db: {memoryBytes: 100 * mib, cpuPercent: 50, written: {memory: '100MiB', cpu: '50%'}}}}),
	services: ['cache', 'db', 'web'],
};
const evaluated = run(plan, [[0, state], [5000, state]]).at(-1)!;
const text = formatExposition(stackMetrics({state, budgets: evaluated, startedAt: 1_714_557_600_000, now: 1_714_557_610_000}), 'openmetrics');
const lines = new Set(text.split('\n'));

test('per container: CPU and memory as sampled, the limit when there is one, restarts as a counter', t => {
	t.true(lines.has('stacktui_container_cpu_percent{service="db",container="demo-db-1"} 12.5'));
	t.true(lines.has(`stacktui_container_memory_bytes{service="db",container="demo-db-1"} ${150 * mib}`));
	t.true(lines.has(`stacktui_container_memory_limit_bytes{service="db",container="demo-db-1"} ${512 * mib}`));
	t.false(text.includes('stacktui_container_memory_limit_bytes{service="cache"'), 'no limit, no sample');
	t.true(lines.has('stacktui_container_restarts_total{service="db",container="demo-db-1"} 3'));
	t.true(lines.has('stacktui_container_start_time_seconds{service="db",container="demo-db-1"} 1714557600'));
});

test('no CPU sample while it is unknown (first reading) or the container is not running', t => {
	t.false(text.includes('stacktui_container_cpu_percent{service="cache"'));
	t.false(text.includes('stacktui_container_cpu_percent{service="web"'));
	t.false(text.includes('stacktui_container_memory_bytes{service="web"'));
});

test('state and health as one-hot gauges, OOM kills flagged', t => {
	t.true(lines.has('stacktui_container_state{service="web",container="demo-web-1",state="exited"} 1'));
	t.true(lines.has('stacktui_container_state{service="web",container="demo-web-1",state="running"} 0'));
	t.true(lines.has('stacktui_container_health{service="db",container="demo-db-1",health="healthy"} 1'));
	t.true(lines.has('stacktui_container_health{service="web",container="demo-web-1",health="none"} 1'));
	t.true(lines.has('stacktui_container_oom_killed{service="web",container="demo-web-1"} 1'));
	t.is(text.match(/^stacktui_container_health\{service="db".*\} 1$/gm)?.length, 1, 'exactly one current health');
});

test('budget state: every budget with its limit and current value in its unit, its verdict and level now', t => {
	t.true(lines.has(`stacktui_budget_limit_bytes{budget="memory:db",kind="memory",subject="db"} ${100 * mib}`));
	t.true(lines.has(`stacktui_budget_current_bytes{budget="memory:db",kind="memory",subject="db"} ${150 * mib}`));
	t.true(lines.has(`stacktui_budget_limit_bytes{budget="memory:stack",kind="memory",subject="stack"} ${1024 * mib}`));
	t.true(lines.has('stacktui_budget_limit_percent{budget="cpu:db",kind="cpu",subject="db"} 50'));
	t.true(lines.has('stacktui_budget_current_percent{budget="cpu:db",kind="cpu",subject="db"} 12.5'));
	t.true(lines.has('stacktui_budget_status{budget="memory:db",kind="memory",subject="db",comparison="at-most",status="breached"} 1'));
	t.true(lines.has('stacktui_budget_status{budget="cpu:db",kind="cpu",subject="db",comparison="at-most",status="held"} 1'));
	t.true(lines.has('stacktui_budget_level{budget="memory:db",kind="memory",subject="db",level="breach"} 1'));
	t.true(lines.has('stacktui_budget_level{budget="memory:db",kind="memory",subject="db",level="over"} 0'));
	t.true(lines.has('stacktui_budget_breaches_total{budget="memory:db",kind="memory",subject="db"} 1'));
	t.is(text.match(/^stacktui_budget_level\{budget="cpu:db".*\} 1$/gm)?.length, 1, 'exactly one level now');
});

test('the engine connection and the start time', t => {
	t.true(lines.has('stacktui_engine_connected{project="demo"} 1'));
	t.true(lines.has('stacktui_start_time_seconds 1714557600'));
	t.true(text.endsWith('# EOF\n'));
});

test('with a run verdict: per-service totals over the run', async t => {
	const {verdict} = await import('../fixtures/soak-report/recorded-run.js');
	const withVerdict = new Set(formatExposition(stackMetrics({state, budgets: evaluated, startedAt: 0, now: 0, verdict}), 'openmetrics').split('\n'));
	t.true(withVerdict.has(`stacktui_service_memory_slope_bytes_per_hour{service="redis"} ${30 * mib}`));
	t.true(withVerdict.has('stacktui_service_restarts_total{service="postgres"} 1'));
	t.true(withVerdict.has('stacktui_service_uptime_ratio{service="web"} 1'));
	t.true(withVerdict.has('stacktui_service_health{service="web",health="healthy"} 1'));
	t.true(withVerdict.has('stacktui_verdict_breached{run="run-fixture"} 1'));
});
