import test from 'ava';
import type {ComposeProject} from '../../source/compose/types.js';
import {watchEvents} from '../../source/engine/events.js';
import type {EngineEvent} from '../../source/engine/types.js';
import {runDown} from '../../source/up/down.js';
import {stopOrRestart} from '../../source/up/stop.js';
import {runUp} from '../../source/up/up.js';
import {composeProject, composeService, removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

const {docker} = await connectForTests();
const projects: string[] = [];

test.after.always(async () => {
	await Promise.all(projects.map(async name => removeComposeProject(docker, name)));
});

/** db with a named volume; web depends on db; slow ignores SIGTERM and has a 1 s grace period. */
function stack(topic: string): ComposeProject {
	const name = newProjectName(`up-${topic}`);
	projects.push(name);
	return composeProject(
		name,
		[
			composeService('db', {volumes: [{type: 'volume', source: 'data', target: '/data', isReadOnly: false}]}),
			composeService('web', {dependsOn: {db: {condition: 'service_started', isRequired: true}}}),
			composeService('slow', {command: ['sh', '-c', 'trap "" TERM; while :; do sleep 1; done'], stopGracePeriodMs: 1000}),
		],
		{volumes: {data: {name: `${name}_data`, isExternal: false, driver: undefined, labels: {}}}},
	);
}

async function inventory(project: string) {
	const filters = {label: [`com.docker.compose.project=${project}`]};
	const containers = await docker.listContainers({all: true, filters});
	const networks = await docker.listNetworks({filters});
	const {Volumes: volumes} = await docker.listVolumes({filters});
	return {containers: containers.length, networks: networks.map(network => network.Name), volumes: (volumes ?? []).map(volume => volume.Name)};
}

async function recordEvents(project: string, body: () => Promise<unknown>): Promise<EngineEvent[]> {
	const events: EngineEvent[] = [];
	const controller = new AbortController();
	await new Promise<void>(resolve => {
		void watchEvents(docker, {project, signal: controller.signal, onEvent: event => events.push(event), onConnection: () => resolve()});
	});
	await body();
	await new Promise(resolve => setTimeout(resolve, 200));
	controller.abort();
	return events;
}

test('down removes containers and network but keeps volumes; down --volumes removes them too', async t => {
	const project = stack('down');
	t.true((await runUp(docker, project, ['db', 'web', 'slow'])).isSuccess);
	t.deepEqual(await inventory(project.name), {containers: 3, networks: [`${project.name}_default`], volumes: [`${project.name}_data`]});

	const started = Date.now();
	const report = await runDown(docker, project.name, project, {removeVolumes: false});
	const elapsed = Date.now() - started;
	t.log(`down of 3 containers (one waits its 1 s grace period): ${elapsed} ms`);
	t.deepEqual(report.errors, []);
	t.true(elapsed >= 900 && elapsed < 8000, `stop_grace_period 1s honoured, not the engine's 10 s (${elapsed} ms)`);
	t.deepEqual(await inventory(project.name), {containers: 0, networks: [], volumes: [`${project.name}_data`]});

	t.true((await runUp(docker, project, ['db'])).isSuccess);
	const second = await runDown(docker, project.name, project, {removeVolumes: true});
	t.deepEqual(second.volumes, [`${project.name}_data`]);
	t.deepEqual(await inventory(project.name), {containers: 0, networks: [], volumes: []});
});

test('stop goes in reverse dependency order, restart in dependency order', async t => {
	const project = stack('order');
	t.true((await runUp(docker, project, ['db', 'web'])).isSuccess);

	// Docker signals with kill, then die and stop; Podman sends stop first and no kill: go by the first and last of them.
	const stopping = ['kill', 'die', 'stop'];
	const times = (events: EngineEvent[], service: string) => events.filter(event => event.service === service && stopping.includes(event.action)).map(event => event.timeNano);
	const restartEvents = await recordEvents(project.name, async () => stopOrRestart(docker, project, ['db', 'web'], 'restart'));
	const dbRestarted = restartEvents.find(event => event.service === 'db' && event.action === 'restart');
	const webSignalled = times(restartEvents, 'web')[0];
	t.truthy(dbRestarted);
	t.truthy(webSignalled);
	t.true(dbRestarted!.timeNano < webSignalled!, 'db is back before web restarts');

	const stopEvents = await recordEvents(project.name, async () => stopOrRestart(docker, project, [], 'stop'));
	const webStopped = times(stopEvents, 'web').at(-1);
	const dbSignalled = times(stopEvents, 'db')[0];
	t.truthy(webStopped);
	t.truthy(dbSignalled);
	t.true(webStopped! < dbSignalled!, 'web stops before db is signalled');
	const states = await docker.listContainers({all: true, filters: {label: [`com.docker.compose.project=${project.name}`]}});
	t.deepEqual(states.map(container => container.State), ['exited', 'exited']);
});

test('stop SERVICE stops only that service', async t => {
	const project = stack('one');
	t.true((await runUp(docker, project, ['db', 'web'])).isSuccess);
	const report = await stopOrRestart(docker, project, ['web'], 'stop');
	t.is(report.lines.length, 1);
	t.regex(report.lines[0] ?? '', /^web: stopped \(/);
	const running = await docker.listContainers({filters: {label: [`com.docker.compose.project=${project.name}`]}});
	t.deepEqual(running.map(container => container.Labels['com.docker.compose.service']), ['db']);
});
