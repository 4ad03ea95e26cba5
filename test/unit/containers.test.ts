import {readFileSync} from 'node:fs';
import test from 'ava';
import type Docker from 'dockerode';
import {fromInspect, toHealth, toState} from '../../source/engine/containers.js';

/**
 * GET /containers/ID/json from engine 20.10 of a container labelled as replica 2 of service "web"
 * of compose project "fixture", with a healthcheck: once running and healthy, once stopped.
 */
function inspectFixture(name: string): Docker.ContainerInspectInfo {
	return JSON.parse(readFileSync(new URL(`../fixtures/inspect/${name}`, import.meta.url), 'utf8')) as Docker.ContainerInspectInfo;
}

const healthy = inspectFixture('web-2-healthy.json');
const exited = inspectFixture('web-2-exited.json');

function withState(base: Docker.ContainerInspectInfo, state: Partial<Docker.ContainerInspectInfo['State']>): Docker.ContainerInspectInfo {
	return {...base, State: {...base.State, ...state}};
}

function withLabels(base: Docker.ContainerInspectInfo, labels: Record<string, string>): Docker.ContainerInspectInfo {
	return {...base, Config: {...base.Config, Labels: labels}};
}

test('a running, healthy compose container reads as its service and replica', t => {
	const info = fromInspect(healthy);
	t.like(info, {
		id: 'db200e293829c95ae8b487700710b83096bf881774b3ead5a0928ce9dd2187da',
		name: 'stacktui-fixture-events',
		service: 'web',
		project: 'fixture',
		number: 2,
		image: 'stacktui-test/busybox:1',
		state: 'running',
		health: 'healthy',
		startedAt: '2026-11-22T03:12:54.333263087Z',
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: false,
	});
	t.is(info.labels['com.docker.compose.service'], 'web');
});

test('the engine\'s zero time means "never": a running container has no finishedAt', t => {
	t.is(healthy.State.FinishedAt, '0001-01-01T00:00:00Z');
	t.is(fromInspect(healthy).finishedAt, undefined);
});

test('a stopped container has its exit code, finish time and last health', t => {
	t.like(fromInspect(exited), {
		state: 'exited',
		exitCode: 0,
		health: 'unhealthy',
		startedAt: '2026-11-22T03:13:04.08566299Z',
		finishedAt: '2026-11-22T03:13:04.691938899Z',
	});
});

test('a killed container keeps its exit code, and OOMKilled is reported', t => {
	const killed = withState(exited, {ExitCode: 137, OOMKilled: true});
	t.like(fromInspect(killed), {exitCode: 137, isOomKilled: true});
});

test('a created container that never started has no start time and no health', t => {
	const created = withState(healthy, {
		Status: 'created',
		Running: false,
		StartedAt: '0001-01-01T00:00:00Z',
		Health: undefined,
	});
	t.like(fromInspect(created), {state: 'created', startedAt: undefined, finishedAt: undefined, health: 'none'});
});

test('without compose labels the name stands for the service, replica 1, no project', t => {
	t.like(fromInspect(withLabels(healthy, {})), {service: 'stacktui-fixture-events', project: '', number: 1});
});

test('a replica number that is not a number reads as 1', t => {
	const labels = {...healthy.Config.Labels, 'com.docker.compose.container-number': 'two'};
	t.is(fromInspect(withLabels(healthy, labels)).number, 1);
});

test('the restart count comes from the engine\'s restart policy count', t => {
	t.is(fromInspect({...healthy, RestartCount: 4}).restartCount, 4);
});

test('CPU and memory limits come from the host config: --cpus, a CFS quota, or none', t => {
	const limited = (host: Record<string, number>) => fromInspect({...healthy, HostConfig: {...healthy.HostConfig, ...host}});
	t.like(limited({NanoCpus: 250_000_000, Memory: 64 * 1024 * 1024}), {cpuLimitPercent: 25, memoryLimitBytes: 64 * 1024 * 1024});
	t.like(limited({NanoCpus: 0, CpuQuota: 150_000, CpuPeriod: 100_000, Memory: 0}), {cpuLimitPercent: 150, memoryLimitBytes: undefined});
	t.like(limited({NanoCpus: 0, CpuQuota: 0, Memory: 0}), {cpuLimitPercent: undefined, memoryLimitBytes: undefined});
});

test('toState keeps every engine state and reads anything else as dead', t => {
	for (const state of ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const) {
		t.is(toState(state), state);
	}

	t.is(toState(undefined), 'dead');
	t.is(toState('Running'), 'dead');
	t.is(toState('removed'), 'dead', 'removed is stacktui\'s own state, never the engine\'s');
});

test('toHealth keeps the engine\'s health and reads anything else as none', t => {
	for (const health of ['starting', 'healthy', 'unhealthy'] as const) {
		t.is(toHealth(health), health);
	}

	t.is(toHealth(undefined), 'none');
	t.is(toHealth(''), 'none');
	t.is(toHealth('none'), 'none');
	t.is(toHealth('sleepy'), 'none');
});

test('health failures before the first success of this run count for first-try health; the start period and older runs do not', t => {
	t.is(fromInspect(healthy).healthFailures, 1, 'the captured run failed once, then passed');
	const withStartPeriod = {...healthy, Config: {...healthy.Config, Healthcheck: {...healthy.Config.Healthcheck, StartPeriod: 5_000_000_000}}} as Docker.ContainerInspectInfo;
	t.is(fromInspect(withStartPeriod).healthFailures, 0, 'a failure within the start period is not counted, as the engine does not');
	t.is(fromInspect(withState(healthy, {StartedAt: '2026-11-22T03:12:56.000000000Z'})).healthFailures, 0, 'checks of an earlier run are not this run');
	t.is(fromInspect(withState(healthy, {Health: undefined})).healthFailures, undefined);
});

test('Podman 4.3 inspect of a container without healthcheck (Health.Log null) reads as running, no health', t => {
	// GET /v1.41/containers/ID/json from Podman 4.3.1: a null Log made every listing of a Podman project throw.
	const info = fromInspect(inspectFixture('podman-web-1-no-healthcheck.json'));
	t.like(info, {name: 'stt-fixture-podman-web-1', service: 'web', state: 'running', health: 'none'});
	t.is(info.healthFailures, undefined);
});

test('Podman\'s own states read as the Docker state they are: stopping is still running, stopped has exited', t => {
	t.is(toState('stopping'), 'running');
	t.is(toState('stopped'), 'exited');
	t.is(toState('configured'), 'created');
	t.is(toState('initialized'), 'created');
});
