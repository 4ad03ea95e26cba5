import test from 'ava';
import {groupServices} from '../../source/engine/services.js';
import type {ContainerInfo, StatsSample} from '../../source/engine/types.js';
import {formatDuration} from '../../source/stack/format.js';
import type {StackState} from '../../source/stack/model.js';
import {hasFullSamples, toServiceStatuses} from '../../source/stack/snapshot.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

function container(id: string, overrides: Partial<ContainerInfo> = {}): ContainerInfo {
	return {
		id,
		name: `fixture-${id}`,
		service: 'web',
		project: 'fixture',
		number: 1,
		image: 'nginx:1',
		state: 'running',
		health: 'none',
		startedAt: '2024-05-01T10:00:00.250Z',
		finishedAt: undefined,
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: false,
		labels: {},
		...overrides,
	};
}

function sample(cpuPercent: number | undefined): StatsSample {
	return {
		read: '2024-05-01T10:01:00Z',
		cpuPercent,
		memoryBytes: 50 * 1024 * 1024,
		memoryLimitBytes: 200 * 1024 * 1024,
		memoryPercent: 25,
		networkRxBytes: 1,
		networkTxBytes: 2,
		blockReadBytes: 3,
		blockWriteBytes: 4,
		pids: 5,
	};
}

function state(containers: readonly ContainerInfo[], stats: Record<string, StatsSample> = {}): StackState {
	return {
		project: 'fixture',
		engine: 'connected',
		engineError: undefined,
		isListed: true,
		containers: new Map(containers.map(item => [item.id, item])),
		stats: new Map(Object.entries(stats)),
		lifecycle: initialLifecycle(),
	};
}

const startedAt = Date.parse('2024-05-01T10:00:00.250Z');

test('groupServices sorts services by name and replicas by number, 10 after 2', t => {
	const groups = groupServices([
		container('w10', {number: 10}),
		container('db', {service: 'db'}),
		container('w2', {number: 2}),
		container('w1', {number: 1}),
	]);
	t.deepEqual(
		groups.map(group => [group.service, group.containers.map(item => item.id)]),
		[
			['db', ['db']],
			['web', ['w1', 'w2', 'w10']],
		],
	);
});

test('a scaled service lists its replicas in order, each with its replica number', t => {
	const statuses = toServiceStatuses(
		state([container('w3', {number: 3}), container('w1', {number: 1}), container('api', {service: 'api'}), container('w2', {number: 2})]),
		startedAt,
	);
	t.deepEqual(
		statuses.map(status => `${status.service}#${status.replica}:${status.id}`),
		['api#1:api', 'web#1:w1', 'web#2:w2', 'web#3:w3'],
	);
});

test('uptime is whole seconds since startedAt, only while running', t => {
	const now = startedAt + 3_725_999;
	const statuses = toServiceStatuses(
		state([
			container('up'),
			container('gone', {state: 'exited', exitCode: 137}),
			container('new', {state: 'created', startedAt: undefined}),
		]),
		now,
	);
	const byId = new Map(statuses.map(status => [status.id, status]));
	t.is(byId.get('up')?.uptimeSeconds, 3725);
	t.like(byId.get('gone'), {uptimeSeconds: null, exitCode: 137, startedAt: '2024-05-01T10:00:00.250Z'});
	t.like(byId.get('new'), {uptimeSeconds: null, startedAt: null, exitCode: null});
});

test('uptime never goes negative when the local clock is behind the engine', t => {
	t.is(toServiceStatuses(state([container('up')]), startedAt - 5000)[0]?.uptimeSeconds, 0);
});

test('CPU is null after only one sample, while memory already shows', t => {
	const [status] = toServiceStatuses(state([container('up')], {up: sample(undefined)}), startedAt);
	t.like(status, {cpuPercent: null, memoryBytes: 50 * 1024 * 1024, memoryPercent: 25, pids: 5});
});

test('with a second sample CPU shows; without any sample everything is null', t => {
	const statuses = toServiceStatuses(
		state([container('a', {service: 'a'}), container('b', {service: 'b'})], {a: sample(0)}),
		startedAt,
	);
	t.is(statuses[0]?.cpuPercent, 0, 'an idle 0 % is a value, not a gap');
	t.like(statuses[1], {cpuPercent: null, memoryBytes: null, memoryLimitBytes: null, networkRxBytes: null, pids: null});
});

test('hasFullSamples waits for a CPU value of every running container', t => {
	const containers = [container('a'), container('b'), container('off', {state: 'exited'})];
	t.false(hasFullSamples(state(containers, {a: sample(1)})), 'b has no sample yet');
	t.false(hasFullSamples(state(containers, {a: sample(1), b: sample(undefined)})), 'b has only its first sample');
	t.true(hasFullSamples(state(containers, {a: sample(1), b: sample(0)})), 'stopped containers are not waited for');
	t.true(hasFullSamples(state([])));
});

test('formatDuration is compact and drops the smaller unit past an hour', t => {
	t.is(formatDuration(0), '0s');
	t.is(formatDuration(45.9), '45s');
	t.is(formatDuration(192), '3m12s');
	t.is(formatDuration(3600), '1h00m');
	t.is(formatDuration(7500), '2h05m');
	t.is(formatDuration(3 * 86_400 + 4 * 3600 + 59), '3d04h');
	t.is(formatDuration(-3), '0s');
});
