import http from 'node:http';
import test from 'ava';
import {StackWatcher} from '../../source/stack/watcher.js';
import {connectForTests, createService, dockerCli, eventually, newProjectName, removeProject} from '../helpers/engine.js';

const connection = await connectForTests();
const {docker} = connection;
const projects: string[] = [];

function project(topic: string): string {
	const name = newProjectName(topic);
	projects.push(name);
	return name;
}

test.after.always(async () => {
	await Promise.all(projects.map(async name => removeProject(docker, name)));
});

function stateOf(watcher: StackWatcher, id: string) {
	return watcher.state.containers.get(id);
}

test('start, stop, restart and kill are seen through events within a second', async t => {
	const name = project('lifecycle');
	const container = await createService(docker, {project: name, service: 'web', isStarted: false});
	const watcher = new StackWatcher(docker, name);
	t.teardown(() => watcher.stop());
	watcher.start();
	await watcher.waitFor(state => state.isListed, 5000);
	t.is(stateOf(watcher, container.id)?.state, 'created');

	await dockerCli(['start', container.id]);
	t.true((await eventually(() => stateOf(watcher, container.id)?.state === 'running', 1000, 'running')) < 1000);

	const firstStart = await eventually(() => stateOf(watcher, container.id)?.startedAt !== undefined, 1000, 'startedAt');
	t.true(firstStart < 1000);
	const startedAt = stateOf(watcher, container.id)?.startedAt;
	await dockerCli(['restart', '-t', '1', container.id]);
	// Podman's inspect can show the new StartedAt a moment before the state is running again.
	await eventually(() => stateOf(watcher, container.id)?.startedAt !== startedAt && stateOf(watcher, container.id)?.state === 'running', 1000, 'a new startedAt and running after restart');

	await dockerCli(['stop', '-t', '1', container.id]);
	await eventually(() => stateOf(watcher, container.id)?.state === 'exited', 1000, 'exited after stop');

	await dockerCli(['start', container.id]);
	await eventually(() => stateOf(watcher, container.id)?.state === 'running', 1000, 'running again');
	await dockerCli(['kill', container.id]);
	await eventually(() => stateOf(watcher, container.id)?.state === 'exited', 1000, 'exited after kill');
	t.is(stateOf(watcher, container.id)?.exitCode, 137);
});

test('a health flip healthy → unhealthy → healthy is seen', async t => {
	const name = project('health');
	const container = await createService(docker, {project: name, service: 'api', hasHealthcheck: true});
	const watcher = new StackWatcher(docker, name);
	t.teardown(() => watcher.stop());
	watcher.start();
	await watcher.waitFor(state => state.isListed, 5000);
	const health = () => stateOf(watcher, container.id)?.health;

	await dockerCli(['exec', container.id, 'touch', '/tmp/healthy']);
	await eventually(() => health() === 'healthy', 5000, 'healthy');
	await dockerCli(['exec', container.id, 'rm', '/tmp/healthy']);
	await eventually(() => health() === 'unhealthy', 5000, 'unhealthy');
	await dockerCli(['exec', container.id, 'touch', '/tmp/healthy']);
	await eventually(() => health() === 'healthy', 5000, 'healthy again');
	t.is(health(), 'healthy');
});

/** Sockets handed out by Node's shared agent and not yet released: open requests and streams. */
function socketsInUse(): number {
	return Object.values(http.globalAgent.sockets).reduce((total, sockets) => total + (sockets?.length ?? 0), 0);
}

test.serial('a replaced container is followed and the old streams are closed', async t => {
	const name = project('replace');
	const before = socketsInUse();
	const old = await createService(docker, {project: name, service: 'worker'});
	const watcher = new StackWatcher(docker, name);
	watcher.start();
	await watcher.waitFor(state => state.stats.has(old.id), 5000);
	// The events stream and one stats stream.
	t.is(socketsInUse() - before, 2);
	t.deepEqual(watcher.statsStreamIds, [old.id]);

	await dockerCli(['rm', '-f', old.id]);
	const replacement = await createService(docker, {project: name, service: 'worker'});
	await eventually(() => watcher.state.stats.has(replacement.id), 5000, 'samples of the new container');
	t.false(watcher.state.containers.has(old.id));
	t.deepEqual(watcher.statsStreamIds, [replacement.id]);
	await eventually(() => socketsInUse() - before === 2, 2000, 'the old stats socket to close');

	watcher.stop();
	await eventually(() => socketsInUse() === before, 2000, 'every socket to close after stop');
	t.is(socketsInUse(), before);
});
