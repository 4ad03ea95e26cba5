import test from 'ava';
import type {ContainerInfo, Health} from '../../source/engine/types.js';
import type {Budgets} from '../../source/profile/types.js';
import {type BudgetState, activeWarnings, evaluateBudgets, initialBudgetState} from '../../source/stack/budgets.js';
import type {StackState} from '../../source/stack/model.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

const started = Date.parse('2024-05-01T10:00:00Z');

type Item = {readonly id: string; readonly service: string; readonly health: Health; readonly state?: ContainerInfo['state']; readonly startedAt?: string};

function stack(...items: Item[]): StackState {
	const containers = items.map((item): ContainerInfo => ({
		id: item.id,
		name: `demo-${item.service}-1`,
		service: item.service,
		project: 'demo',
		number: 1,
		image: 'busybox',
		state: item.state ?? 'running',
		health: item.health,
		startedAt: item.startedAt ?? '2024-05-01T10:00:00Z',
		finishedAt: undefined,
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: false,
		labels: {},
	}));
	return {project: 'demo', engine: 'connected', engineError: undefined, isListed: true, containers: new Map(containers.map(item => [item.id, item])), stats: new Map(), lifecycle: initialLifecycle()};
}

const profile: Budgets = {sustainMs: 15_000, startupMs: 60_000, stack: {}, services: {clickhouse: {startupMs: 40_000}}};

function run(steps: ReadonlyArray<readonly [number, StackState]>, budgets = profile): BudgetState[] {
	const states: BudgetState[] = [];
	let current = initialBudgetState();
	for (const [offset, state] of steps) {
		current = evaluateBudgets(current, {now: started + offset, state, budgets});
		states.push(current);
	}

	return states;
}

test('a service not healthy within its startup budget warns; the per-service override wins', t => {
	const starting = stack({id: 'pg', service: 'postgres', health: 'starting'}, {id: 'ch', service: 'clickhouse', health: 'starting'});
	const states = run([
		[39_999, starting],
		[40_000, starting],
		[59_999, starting],
		[60_000, starting],
	]);
	t.deepEqual(states[0]!.warnings, []);
	t.deepEqual(states[1]!.warnings, [
		{id: 1, kind: 'startup', service: 'clickhouse', container: 'demo-clickhouse-1', budget: 40_000, startedAt: started, peak: 40_000, durationMs: 40_000, endedAt: undefined},
	]);
	t.deepEqual(activeWarnings(states[2]!).map(warning => warning.service), ['clickhouse']);
	t.deepEqual(activeWarnings(states[3]!).map(warning => warning.service), ['clickhouse', 'postgres']);
});

test('the startup warning ends when the service becomes healthy, and its wait is the peak', t => {
	const states = run([
		[60_000, stack({id: 'pg', service: 'postgres', health: 'unhealthy'})],
		[75_000, stack({id: 'pg', service: 'postgres', health: 'healthy'})],
	]);
	t.like(states[1]!.warnings[0], {endedAt: started + 75_000, durationMs: 75_000, peak: 60_000});
	t.deepEqual(activeWarnings(states[1]!), []);
});

test('healthy in time never warns; without a healthcheck, running counts as healthy', t => {
	const states = run([
		[10_000, stack({id: 'pg', service: 'postgres', health: 'healthy'}, {id: 'web', service: 'web', health: 'none'})],
		[120_000, stack({id: 'pg', service: 'postgres', health: 'unhealthy'}, {id: 'web', service: 'web', health: 'none'})],
	]);
	t.deepEqual(states[1]!.warnings, [], 'unhealthy after being healthy is not a startup breach');
});

test('a new run starts a new startup clock, and a stopped container ends its warning', t => {
	const later = '2024-05-01T10:05:00Z';
	const laterOffset = Date.parse(later) - started;
	const states = run([
		[60_000, stack({id: 'pg', service: 'postgres', health: 'starting'})],
		[laterOffset, stack({id: 'pg', service: 'postgres', health: 'starting', startedAt: later})],
		[laterOffset + 59_999, stack({id: 'pg', service: 'postgres', health: 'starting', startedAt: later})],
		[laterOffset + 60_000, stack({id: 'pg', service: 'postgres', health: 'starting', startedAt: later})],
		[laterOffset + 61_000, stack({id: 'pg', service: 'postgres', health: 'starting', state: 'exited', startedAt: later})],
	]);
	t.is(states[1]!.warnings[0]!.endedAt, started + laterOffset, 'the restart ends the first run\'s warning');
	t.is(activeWarnings(states[2]!).length, 0);
	t.like(activeWarnings(states[3]!)[0], {id: 2, startedAt: started + laterOffset});
	t.is(states[4]!.warnings[1]!.endedAt, started + laterOffset + 61_000);
});

test('without a startup budget nothing is checked', t => {
	const states = run([[600_000, stack({id: 'pg', service: 'postgres', health: 'starting'})]], {...profile, startupMs: undefined, services: {}});
	t.deepEqual(states[0]!.warnings, []);
});
