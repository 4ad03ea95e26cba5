import test from 'ava';
import type {DependsOnCondition} from '../../source/compose/types.js';
import {watchEvents} from '../../source/engine/events.js';
import type {EngineEvent} from '../../source/engine/types.js';
import {runUp} from '../../source/up/up.js';
import {composeProject, composeService, fileHealthcheck, removeComposeProject} from '../helpers/compose-project.js';
import {recordHealth} from '../helpers/health-recorder.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

const {docker} = await connectForTests();
const projects: string[] = [];

test.after.always(async () => {
	await Promise.all(projects.map(async name => removeComposeProject(docker, name)));
});

function project(topic: string): string {
	const name = newProjectName(`up-${topic}`);
	projects.push(name);
	return name;
}

const depends = (condition: DependsOnCondition) => ({condition, isRequired: true});
const shell = (script: string) => ['sh', '-c', script];

/** db healthy after ~1 s → migrate runs to exit 0 → api (healthy at once) → web once api is healthy. */
function graph(name: string, migrateExit = 0) {
	return composeProject(name, [
		composeService('db', {command: shell('sleep 1; touch /tmp/healthy; exec idle'), healthcheck: {...fileHealthcheck, startPeriodNs: 10e9}}),
		composeService('migrate', {command: shell(`sleep 0.3; exit ${migrateExit}`), dependsOn: {db: depends('service_healthy')}}),
		composeService('api', {
			command: shell('touch /tmp/healthy; exec idle'),
			healthcheck: fileHealthcheck,
			dependsOn: {db: depends('service_healthy'), migrate: depends('service_completed_successfully')},
		}),
		composeService('web', {dependsOn: {api: depends('service_healthy')}}),
	]);
}

/** Records the project's container events while the body runs. */
async function recordEvents<T>(name: string, body: () => Promise<T>, isComplete: (events: readonly EngineEvent[]) => boolean = () => true): Promise<{result: T; events: EngineEvent[]}> {
	const events: EngineEvent[] = [];
	const controller = new AbortController();
	await new Promise<void>(resolve => {
		void watchEvents(docker, {project: name, signal: controller.signal, onEvent: event => events.push(event), onConnection: () => resolve()});
	});
	try {
		const result = await body();
		// Events can trail the up (Podman under load): wait for what the test reads, then a little more.
		for (let waited = 0; waited < 3000 && !isComplete(events); waited += 50) await new Promise(resolve => setTimeout(resolve, 50));
		await new Promise(resolve => setTimeout(resolve, 200));
		return {result, events};
	} finally {
		controller.abort();
	}
}

function timeOf(events: readonly EngineEvent[], service: string, action: string, health?: string): bigint {
	const found = events.find(event => event.service === service && event.action === action && (health === undefined || event.health === health));
	if (found === undefined) {
		throw new Error(`no ${action}${health ? ` ${health}` : ''} event of ${service}`);
	}

	return found.timeNano;
}

test('up starts a 4-service graph in dependency order, each service once its conditions hold', async t => {
	const name = project('order');
	const started = Date.now();
	// Health from outside stacktui, read from the containers' health logs: Podman sends no health events that say it.
	const health = recordHealth(docker, name);
	t.teardown(() => health.stop());
	const allStarted = (events: readonly EngineEvent[]) => ['db', 'migrate', 'api', 'web'].every(service => events.some(event => event.service === service && event.action === 'start'));
	const {result, events} = await recordEvents(name, async () => runUp(docker, graph(name), ['db', 'migrate', 'api', 'web']), allStarted);
	t.log(`up of 4 services: ${Date.now() - started} ms`);
	t.true(result.isSuccess);
	t.deepEqual(
		result.state.order.map(service => result.state.services[service]?.phase),
		['healthy', 'completed', 'healthy', 'running'],
	);

	const dbHealthy = health.firstHealthy('db');
	t.true(timeOf(events, 'migrate', 'start') > dbHealthy, 'migrate waits for db healthy');
	const migrateDone = events.find(event => event.service === 'migrate' && event.action === 'die');
	t.is(migrateDone?.exitCode, 0);
	t.true(timeOf(events, 'api', 'start') > migrateDone!.timeNano, 'api waits for migrate to complete');
	t.true(timeOf(events, 'web', 'start') > health.firstHealthy('api'), 'web waits for api healthy');
	for (const service of ['migrate', 'api', 'web']) {
		t.true(timeOf(events, service, 'create') < dbHealthy, `${service} is created without waiting`);
	}
});

test('a dependency that exits non-zero blocks its dependents, which stay created, with the reason', async t => {
	const name = project('fail');
	const result = await runUp(docker, graph(name, 3), ['db', 'migrate', 'api', 'web']);
	t.false(result.isSuccess);
	t.is(result.state.services['migrate']?.phase, 'failed');
	t.is(result.state.services['migrate']?.reason, 'exited with code 3');
	t.is(result.state.services['api']?.phase, 'blocked');
	t.is(result.state.services['api']?.reason, 'migrate failed: exited with code 3');
	t.is(result.state.services['web']?.reason, 'api did not start: migrate failed: exited with code 3');
	const [api] = await docker.listContainers({all: true, filters: {label: [`com.docker.compose.project=${name}`, 'com.docker.compose.service=api']}});
	t.is(api?.State, 'created');
});

test('an unhealthy dependency blocks its dependent with the probe named', async t => {
	const name = project('unhealthy');
	const stack = composeProject(name, [
		composeService('db', {healthcheck: {...fileHealthcheck, retries: 2}}),
		composeService('api', {dependsOn: {db: depends('service_healthy')}}),
	]);
	const started = Date.now();
	const result = await runUp(docker, stack, ['db', 'api']);
	t.log(`unhealthy detected after ${Date.now() - started} ms`);
	t.false(result.isSuccess);
	t.is(result.state.services['db']?.phase, 'failed');
	t.regex(result.state.services['db']?.reason ?? '', /^unhealthy/);
	t.regex(result.state.services['api']?.reason ?? '', /^db failed: unhealthy/);
});

test('a second up creates nothing; a changed service is recreated, the others kept', async t => {
	const name = project('again');
	const stack = graph(name);
	t.true((await runUp(docker, stack, ['db', 'api', 'migrate', 'web'])).isSuccess);

	const started = Date.now();
	const {result, events} = await recordEvents(name, async () => runUp(docker, stack, ['db', 'migrate', 'api', 'web']));
	t.log(`second up: ${Date.now() - started} ms`);
	t.true(result.isSuccess);
	t.deepEqual(events.filter(event => event.action === 'create' || event.action === 'destroy'), []);
	t.deepEqual(
		stack.services.map(service => result.state.services[service.name]?.action),
		['kept', 'kept', 'kept', 'kept'],
	);

	const changed = {...stack, services: stack.services.map(service => (service.name === 'web' ? {...service, environment: {MODE: 'two'}} : service))};
	const third = await recordEvents(name, async () => runUp(docker, changed, ['db', 'migrate', 'api', 'web']));
	t.true(third.result.isSuccess);
	t.deepEqual([...new Set(third.events.filter(event => event.action === 'create').map(event => event.service))], ['web']);
	t.is(third.result.state.services['web']?.action, 'recreated');
});

test('network_mode service:NAME joins the other service\'s container, which starts first', async t => {
	const name = project('netmode');
	const stack = composeProject(name, [
		composeService('app', {networkMode: 'service:vpn', networks: {}}),
		composeService('vpn'),
	]);
	const result = await runUp(docker, stack, ['app', 'vpn']);
	t.true(result.isSuccess);
	const vpnId = result.state.services['vpn']?.containerIds[0];
	const app = await docker.getContainer(`${name}_app_1`).inspect();
	t.is(app.HostConfig.NetworkMode, `container:${vpnId}`);
	t.true((result.state.services['vpn']?.phaseTimes.running ?? Infinity) <= (result.state.services['app']?.phaseTimes.starting ?? 0));
});

test('a service without stop_grace_period is stopped with SIGTERM first (Podman\'s API alone would give it 0 s: killed at once)', async t => {
	const name = project('grace');
	const app = composeService('app', {command: shell('trap "echo got-term; exit 0" TERM; echo up; while :; do sleep 0.2; done')});
	const result = await runUp(docker, composeProject(name, [app]), ['app']);
	t.true(result.isSuccess);
	const id = result.state.services['app']?.containerIds[0] ?? '';
	const inspect = await docker.getContainer(id).inspect();
	t.not((inspect.Config as {StopTimeout?: number}).StopTimeout, 0, 'a grace period the engine waits');
	// Without a `t`, as `docker stop` and `podman stop` send it: the container's own StopTimeout applies.
	await docker.getContainer(id).stop();
	// The trap exits 0; a kill would leave 137. (Its log line may reach the engine's log a moment later.)
	t.is((await docker.getContainer(id).inspect()).State.ExitCode, 0, 'the trap ran: the container was asked to stop, not killed');
	const logs = async () => (await docker.getContainer(id).logs({stdout: true, stderr: true})).toString('utf8');
	for (let tries = 0; tries < 50 && !(await logs()).includes('got-term'); tries++) await new Promise(resolve => setTimeout(resolve, 100));
	t.regex(await logs(), /got-term/, 'the trap\'s line in the log');
});
