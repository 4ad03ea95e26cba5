import test from 'ava';
import type {ContainerInfo, StatsSample} from '../../source/engine/types.js';
import type {Budgets} from '../../source/profile/types.js';
import {type BudgetState, activeWarnings, evaluateBudgets, initialBudgetState, meterOf} from '../../source/stack/budgets.js';
import type {StackState} from '../../source/stack/model.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

const mib = 1024 * 1024;

type Running = {readonly id: string; readonly service: string; readonly memory?: number; readonly cpu?: number; readonly state?: ContainerInfo['state']};

function container(id: string, service: string, state: ContainerInfo['state'] = 'running'): ContainerInfo {
	return {
		id,
		name: `demo-${id}`,
		service,
		project: 'demo',
		number: 1,
		image: 'busybox',
		state,
		health: 'none',
		startedAt: '2024-05-01T10:00:00Z',
		finishedAt: undefined,
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: false,
		labels: {},
	};
}

function sample(memory: number, cpu: number | undefined): StatsSample {
	return {
		read: '2024-05-01T10:00:05Z',
		cpuPercent: cpu,
		memoryBytes: memory,
		memoryLimitBytes: 0,
		memoryPercent: 0,
		networkRxBytes: 0,
		networkTxBytes: 0,
		blockReadBytes: 0,
		blockWriteBytes: 0,
		pids: 1,
	};
}

/** A stack state; a container without memory has no sample yet. */
function stack(...containers: Running[]): StackState {
	return {
		project: 'demo',
		engine: 'connected',
		engineError: undefined,
		isListed: true,
		containers: new Map(containers.map(item => [item.id, container(item.id, item.service, item.state)])),
		stats: new Map(containers.filter(item => item.memory !== undefined).map(item => [item.id, sample(item.memory ?? 0, item.cpu ?? 0)])),
		lifecycle: initialLifecycle(),
	};
}

function budgets(overrides: Partial<Budgets> = {}): Budgets {
	return {sustainMs: 10_000, startupMs: undefined, stack: {}, services: {db: {memoryBytes: 100 * mib}}, ...overrides};
}

/** Runs the evaluator over (time, state) steps and returns every state it produced. */
function run(steps: ReadonlyArray<readonly [number, StackState]>, profile = budgets(), extra: {nearFraction?: number; historyLimit?: number} = {}): BudgetState[] {
	const states: BudgetState[] = [];
	let current = initialBudgetState();
	for (const [now, state] of steps) {
		current = evaluateBudgets(current, {now, state, budgets: profile, ...extra});
		states.push(current);
	}

	return states;
}

const db = (memory: number | undefined) => stack({id: 'db1', service: 'db', memory: memory === undefined ? undefined : memory * mib});

test('a breach warns exactly when it has lasted the sustain time, not a millisecond earlier', t => {
	const states = run([
		[1000, db(150)],
		[10_999, db(150)],
		[11_000, db(150)],
	]);
	t.is(meterOf(states[0]!, 'db', 'memory')?.level, 'over');
	t.deepEqual(states[0]!.warnings, []);
	t.deepEqual(states[1]!.warnings, []);
	t.deepEqual(states[2]!.warnings, [
		{id: 1, kind: 'memory', service: 'db', container: undefined, budget: 100 * mib, startedAt: 1000, peak: 150 * mib, durationMs: 10_000, endedAt: undefined},
	]);
});

test('a brief spike does not warn, and a new breach starts its own sustain clock', t => {
	const states = run([
		[0, db(150)],
		[5000, db(90)],
		[6000, db(150)],
		[15_999, db(150)],
		[16_000, db(150)],
	]);
	t.is(meterOf(states[1]!, 'db', 'memory')?.level, 'near');
	t.deepEqual(states[3]!.warnings, []);
	t.is(states[4]!.warnings.length, 1);
	t.is(states[4]!.warnings[0]!.startedAt, 6000);
});

test('the peak covers the whole breach, before and after the warning is raised', t => {
	const states = run([
		[0, db(150)],
		[4000, db(300)],
		[8000, db(200)],
		[10_000, db(180)],
		[12_000, db(400)],
		[14_000, db(250)],
	]);
	t.is(states[3]!.warnings[0]!.peak, 300 * mib);
	t.is(states[5]!.warnings[0]!.peak, 400 * mib);
	t.is(states[5]!.warnings[0]!.durationMs, 14_000);
});

test('a breach ends at the first evaluation under budget; the next breach is a new warning', t => {
	const states = run([
		[0, db(150)],
		[10_000, db(150)],
		[20_000, db(150)],
		[21_000, db(99)],
		[25_000, db(120)],
		[35_000, db(130)],
	]);
	t.deepEqual(activeWarnings(states[2]!).map(warning => warning.id), [1]);
	const ended = states[3]!.warnings[0]!;
	t.is(ended.endedAt, 21_000);
	t.is(ended.durationMs, 21_000);
	t.deepEqual(activeWarnings(states[3]!), []);
	const last = states[5]!;
	t.deepEqual(last.warnings[0], ended, 'an ended warning no longer changes');
	t.like(last.warnings[1], {id: 2, startedAt: 25_000, peak: 130 * mib, endedAt: undefined});
});

test('a running container without a sample keeps the breach going rather than ending it', t => {
	const states = run([
		[0, db(150)],
		[5000, db(undefined)],
		[10_000, db(150)],
	]);
	t.is(meterOf(states[1]!, 'db', 'memory')?.value, 150 * mib, 'the last known value stays on the meter');
	t.is(states[2]!.warnings[0]?.startedAt, 0);
});

test('replicas of a service are summed for memory and CPU', t => {
	const profile = budgets({services: {web: {memoryBytes: 100 * mib, cpuPercent: 60}}});
	const both = stack({id: 'web1', service: 'web', memory: 85 * mib, cpu: 30}, {id: 'web2', service: 'web', memory: 50 * mib, cpu: 40});
	const [state] = run([[0, both]], profile);
	t.like(meterOf(state!, 'web', 'memory'), {value: 135 * mib, budget: 100 * mib, level: 'over'});
	t.like(meterOf(state!, 'web', 'cpu'), {value: 70, budget: 60, level: 'over'});
	const one = stack({id: 'web1', service: 'web', memory: 85 * mib, cpu: 30}, {id: 'web2', service: 'web', state: 'exited'});
	const [alone] = run([[0, one]], profile);
	t.like(meterOf(alone!, 'web', 'memory'), {value: 85 * mib, level: 'near'});
	t.like(meterOf(alone!, 'web', 'cpu'), {value: 30, level: 'ok'});
});

test('the stack total sums running containers only, CPU as docker stats adds it (200 = two cores)', t => {
	const profile = budgets({stack: {memoryBytes: 1000 * mib, cpuPercent: 200}, services: {}});
	const busy = stack(
		{id: 'a', service: 'api', memory: 300 * mib, cpu: 150},
		{id: 'b', service: 'worker', memory: 400 * mib, cpu: 80},
		{id: 'c', service: 'old', memory: 900 * mib, cpu: 90, state: 'exited'},
	);
	const [state] = run([[0, busy]], profile);
	t.like(meterOf(state!, undefined, 'cpu'), {value: 230, budget: 200, level: 'over'});
	t.like(meterOf(state!, undefined, 'memory'), {value: 700 * mib, level: 'ok'});
	t.is(state!.meters[0]?.service, undefined, 'the stack comes first');
	const [sustained] = run([[0, busy], [10_000, busy]], profile).slice(1);
	t.deepEqual(activeWarnings(sustained!).map(warning => [warning.kind, warning.service]), [['cpu', undefined]]);
});

test('near starts at the configured fraction of the budget', t => {
	const profile = budgets({stack: {cpuPercent: 200}, services: {}});
	const at = (cpu: number) => stack({id: 'a', service: 'api', memory: 1, cpu});
	t.is(meterOf(run([[0, at(159)]], profile)[0]!, undefined, 'cpu')?.level, 'ok');
	t.is(meterOf(run([[0, at(160)]], profile)[0]!, undefined, 'cpu')?.level, 'near');
	t.is(meterOf(run([[0, at(200)]], profile)[0]!, undefined, 'cpu')?.level, 'near', 'at the budget is not over it');
	t.is(meterOf(run([[0, at(140)]], profile, {nearFraction: 0.7})[0]!, undefined, 'cpu')?.level, 'near');
});

test('history keeps the last 200 warnings by default, and never drops an active one', t => {
	const steps: Array<[number, StackState]> = [];
	for (let index = 0; index < 250; index++) {
		steps.push([index * 100_000, db(150)], [index * 100_000 + 10_000, db(150)], [index * 100_000 + 20_000, db(10)]);
	}

	const last = run(steps).at(-1)!;
	t.is(last.warnings.length, 200);
	t.is(last.warnings[0]!.id, 51);
	t.is(last.warnings.at(-1)!.id, 250);

	const profile = budgets({services: {db: {memoryBytes: 100 * mib}, web: {memoryBytes: 100 * mib}}});
	const both = (database: number, web: number) => stack({id: 'db1', service: 'db', memory: database * mib}, {id: 'web1', service: 'web', memory: web * mib});
	const small = run(
		[
			[0, both(150, 10)],
			[10_000, both(150, 150)],
			[20_000, both(150, 150)],
			[25_000, both(150, 10)],
			[30_000, both(150, 150)],
			[40_000, both(150, 150)],
			[45_000, both(150, 10)],
		],
		profile,
		{historyLimit: 2},
	).at(-1)!;
	t.deepEqual(
		small.warnings.map(warning => [warning.service, warning.endedAt]),
		[
			['db', undefined],
			['web', 45_000],
		],
	);
});

test('evaluating does not change the previous state', t => {
	const first = evaluateBudgets(initialBudgetState(), {now: 0, state: db(150), budgets: budgets()});
	const copy = structuredClone(first);
	evaluateBudgets(first, {now: 20_000, state: db(10), budgets: budgets()});
	t.deepEqual(first, copy);
});
