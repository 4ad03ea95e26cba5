import {readFileSync} from 'node:fs';
import test from 'ava';
import {parseEvent} from '../../source/engine/events.js';
import type {ContainerInfo, EngineEvent, StatsSample} from '../../source/engine/types.js';
import {type StackState, initialState, reduce, runningIds} from '../../source/stack/model.js';

function container(overrides: Partial<ContainerInfo> = {}): ContainerInfo {
	return {
		id: 'web1',
		name: 'fixture-web-1',
		service: 'web',
		project: 'fixture',
		number: 1,
		image: 'nginx:1',
		state: 'running',
		health: 'healthy',
		startedAt: '2024-05-01T10:00:00Z',
		finishedAt: undefined,
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: false,
		labels: {},
		...overrides,
	};
}

function sample(cpuPercent: number | undefined = 12.5): StatsSample {
	return {
		read: '2024-05-01T10:00:05Z',
		cpuPercent,
		memoryBytes: 1024,
		memoryLimitBytes: 4096,
		memoryPercent: 25,
		networkRxBytes: 0,
		networkTxBytes: 0,
		blockReadBytes: 0,
		blockWriteBytes: 0,
		pids: 3,
	};
}

function event(id: string, action: string, extra: Partial<EngineEvent> = {}): EngineEvent {
	return {id, action, health: undefined, exitCode: undefined, service: 'web', project: 'fixture', timeNano: 1n, ...extra};
}

/** A listed, connected stack of these containers, each running one with a stats sample. */
function stack(...containers: ContainerInfo[]): StackState {
	let state = reduce(reduce(initialState('fixture'), {type: 'engine-connected'}), {type: 'containers-listed', containers});
	for (const item of containers) {
		state = reduce(state, {type: 'stats-sampled', id: item.id, sample: sample()});
	}

	return state;
}

function apply(state: StackState, events: readonly EngineEvent[]): StackState {
	return events.reduce((current, item) => reduce(current, {type: 'engine-event', event: item}), state);
}

/** The kill → die → stop → start → restart of `docker restart`, as captured from the engine. */
const restartEvents = readFileSync(new URL('../fixtures/events/lifecycle.ndjson', import.meta.url), 'utf8')
	.split('\n')
	.map(line => parseEvent(line))
	.filter((item): item is EngineEvent => item !== undefined)
	.filter(item => ['kill', 'die', 'stop', 'start', 'restart'].includes(item.action))
	.slice(1, 6);
const capturedId = restartEvents[0]?.id ?? '';

test('the captured restart is kill, die, stop, start, restart', t => {
	t.deepEqual(restartEvents.map(item => item.action), ['kill', 'die', 'stop', 'start', 'restart']);
});

test('a restart ends running with health starting over, the old sample dropped', t => {
	const before = stack(container({id: capturedId, health: 'healthy'}));
	const after = apply(before, restartEvents);
	t.like(after.containers.get(capturedId), {state: 'running', health: 'starting', exitCode: undefined});
	t.false(after.stats.has(capturedId), 'no CPU of the previous run is shown for the new one');
	t.deepEqual(runningIds(after), [capturedId]);
});

test('in the middle of a restart the container shows exited with the exit code', t => {
	const middle = apply(stack(container({id: capturedId})), restartEvents.slice(0, 2));
	t.like(middle.containers.get(capturedId), {state: 'exited', exitCode: 0});
	t.deepEqual(runningIds(middle), []);
});

test('a restart of a container without healthcheck keeps health none', t => {
	const after = apply(stack(container({id: capturedId, health: 'none'})), restartEvents);
	t.like(after.containers.get(capturedId), {state: 'running', health: 'none'});
});

test('die sets exited and the exit code, and drops only that container\'s sample', t => {
	const state = apply(stack(container(), container({id: 'db1', service: 'db'})), [event('web1', 'die', {exitCode: 137})]);
	t.like(state.containers.get('web1'), {state: 'exited', exitCode: 137});
	t.false(state.stats.has('web1'));
	t.true(state.stats.has('db1'));
});

test('health_status, oom, pause and unpause change what they say', t => {
	let state = apply(stack(container()), [event('web1', 'health_status', {health: 'unhealthy'})]);
	t.is(state.containers.get('web1')?.health, 'unhealthy');
	state = apply(state, [event('web1', 'oom')]);
	t.true(state.lifecycle.runs.get('web1')?.hasOomKill, 'a process was OOM-killed…');
	t.like(state.containers.get('web1'), {state: 'running', isOomKilled: false}, '…while the container runs on');
	t.like(state.lifecycle.incidents.at(-1), {kind: 'oom', service: 'web', containerId: 'web1'});
	state = apply(state, [event('web1', 'pause')]);
	t.is(state.containers.get('web1')?.state, 'paused');
	state = apply(state, [event('web1', 'unpause')]);
	t.like(state.containers.get('web1'), {state: 'running', health: 'unhealthy'});
});

test('destroy removes the container and its sample', t => {
	const state = apply(stack(container(), container({id: 'db1', service: 'db'})), [event('web1', 'destroy')]);
	t.deepEqual([...state.containers.keys()], ['db1']);
	t.deepEqual([...state.stats.keys()], ['db1']);
});

test('a sample for a container that is not running is ignored', t => {
	const state = stack(container({state: 'exited'}));
	t.is(reduce(state, {type: 'stats-sampled', id: 'web1', sample: sample()}), state);
	t.is(reduce(state, {type: 'stats-sampled', id: 'unknown', sample: sample()}), state);
	t.is(state.stats.size, 0);
});

test('a sample for a running container replaces the previous one', t => {
	const state = reduce(stack(container()), {type: 'stats-sampled', id: 'web1', sample: sample(80)});
	t.is(state.stats.get('web1')?.cpuPercent, 80);
});

test('engine-lost clears samples and the listed flag, and says why', t => {
	const state = reduce(stack(container()), {type: 'engine-lost', error: 'connect ECONNREFUSED'});
	t.like(state, {engine: 'lost', engineError: 'connect ECONNREFUSED', isListed: false});
	t.is(state.stats.size, 0);
	const again = reduce(state, {type: 'engine-connected'});
	t.like(again, {engine: 'connected', engineError: undefined});
});

test('containers-listed replaces the containers and keeps samples of those still running', t => {
	const before = stack(container(), container({id: 'db1', service: 'db'}), container({id: 'old1', service: 'old'}));
	const after = reduce(before, {
		type: 'containers-listed',
		containers: [container({state: 'exited'}), container({id: 'db1', service: 'db'}), container({id: 'new1', service: 'new'})],
	});
	t.deepEqual([...after.containers.keys()], ['web1', 'db1', 'new1']);
	t.deepEqual([...after.stats.keys()], ['db1']);
	t.true(after.isListed);
});

test('container-inspected adds or replaces; container-gone removes', t => {
	let state = reduce(stack(), {type: 'container-inspected', container: container({state: 'created'})});
	t.is(state.containers.get('web1')?.state, 'created');
	state = reduce(state, {type: 'container-inspected', container: container({state: 'running'})});
	t.is(state.containers.get('web1')?.state, 'running');
	state = reduce(state, {type: 'container-gone', id: 'web1'});
	t.is(state.containers.size, 0);
});

test('ignored actions return the very same state', t => {
	const state = stack(container());
	for (const action of ['create', 'exec_die', 'rename']) {
		t.is(apply(state, [event('web1', action)]), state, action);
	}
});

test('events for unknown containers leave the state unchanged', t => {
	const state = stack(container());
	for (const action of ['start', 'die', 'health_status', 'destroy', 'oom']) {
		t.is(apply(state, [event('stranger', action, {exitCode: 1, health: 'healthy'})]), state, action);
	}

	t.is(reduce(state, {type: 'container-gone', id: 'stranger'}), state);
});
