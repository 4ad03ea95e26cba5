import {readFileSync} from 'node:fs';
import test from 'ava';
import type Docker from 'dockerode';
import {type ContainerDetails, inspectDetails, toDetails} from '../../source/engine/details.js';
import {numberLabel, projectLabel, serviceLabel} from '../../source/engine/types.js';
import {connectForTests, dockerCli, newProjectName, removeProject, testImage, testLabel} from '../helpers/engine.js';

const connection = await connectForTests();
const {docker} = connection;
const project = newProjectName('details');
const mebibyte = 1024 ** 2;

test.after.always(async () => {
	await removeProject(docker, project);
});

test('inspectDetails reads health checks, limits, environment, policy and labels of a real container', async t => {
	const container = await docker.createContainer({
		name: `${project}-web-1`,
		Image: testImage,
		Cmd: ['idle'],
		Env: ['PASSWORD=hunter2-real', 'GREETING=hello=world'],
		Labels: {[projectLabel]: project, [serviceLabel]: 'web', [numberLabel]: '1', [testLabel]: project, 'org.example.team': 'storefront'},
		// Prints a line (and a trailing newline) on every check; healthy once /tmp/healthy exists.
		Healthcheck: {Test: ['CMD-SHELL', String.raw`printf '  probe\n  done\n'; healthy`], Interval: 300_000_000, Timeout: 2_000_000_000, Retries: 10, StartPeriod: 0},
		HostConfig: {NetworkMode: 'none', Memory: 64 * mebibyte, NanoCpus: 500_000_000, PidsLimit: 64, RestartPolicy: {Name: 'on-failure', MaximumRetryCount: 3}},
	});
	await container.start();
	/** Inspects every 100 ms until the details satisfy `isDone`. */
	const readUntil = async (isDone: (details: ContainerDetails) => boolean, what: string): Promise<ContainerDetails> => {
		const started = Date.now();
		for (;;) {
			const details = await inspectDetails(docker, container.id);
			if (details === undefined) throw new Error('container not found');
			if (isDone(details)) return details;
			if (Date.now() - started > 15_000) throw new Error(`no ${what} after 15 s`);
			await new Promise(resolve => setTimeout(resolve, 100));
		}
	};

	const failing = await readUntil(details => details.healthLog.length >= 2, 'two health checks');
	t.true(failing.healthLog.every(check => check.exitCode === 1), 'no /tmp/healthy yet: the checks fail');
	await dockerCli(['exec', container.id, 'touch', '/tmp/healthy']);
	const details = await readUntil(details => details.healthLog.at(-1)?.exitCode === 0, 'passing health check');

	const last = details.healthLog.at(-1)!;
	t.is(last.output, 'probe done', 'output trimmed, its lines joined');
	t.false(Number.isNaN(Date.parse(last.start)));
	t.true(Date.parse(last.start) >= Date.parse(details.healthLog[0]!.start), 'oldest first');
	t.deepEqual(details.limits, {memoryBytes: 64 * mebibyte, cpus: 0.5, pids: 64});
	// Podman adds container=podman, HOME, HOSTNAME and TERM to every container's environment: they are shown, as they are there.
	const added = new Set(['PATH', ...connection.capabilities.addedEnvironment]);
	// Podman keeps the environment sorted by name; Docker keeps the order it was given.
	t.deepEqual(details.environment.filter(pair => !added.has(pair.key)).sort((left, right) => left.key.localeCompare(right.key)), [
		{key: 'GREETING', value: 'hello=world'},
		{key: 'PASSWORD', value: 'hunter2-real'},
	]);
	t.is(details.restartPolicy, 'on-failure:3');
	t.is(details.service, 'web');
	t.is(details.name, `${project}-web-1`);
	t.deepEqual(details.command, ['idle']);
	// Podman names a loaded image localhost/NAME, and shows that name.
	t.is(details.image.name, connection.capabilities.product === 'Podman' ? `localhost/${testImage}` : testImage);
	t.regex(details.image.id, /^[\da-f]{12}$/);
	t.is(details.state, 'running');
	t.is(details.exitCode, undefined);
	t.is(details.labels['org.example.team'], 'storefront');
	t.is(details.labels[projectLabel], undefined, 'compose bookkeeping labels are left out');
	t.deepEqual(details.networks.map(network => network.name), ['none']);
});

test('a container that is gone reads as undefined', async t => {
	t.is(await inspectDetails(docker, 'stacktui-no-such-container-0f0f0f'), undefined);
});

test('toDetails on a captured payload: unlimited means undefined, exposed and published ports, aliases without the id', t => {
	const inspect = JSON.parse(readFileSync(new URL('../fixtures/inspect/web-2-healthy.json', import.meta.url), 'utf8')) as Docker.ContainerInspectInfo;
	const id = inspect.Id;
	inspect.NetworkSettings.Ports = {'80/tcp': [{HostIp: '127.0.0.1', HostPort: '8080'}, {HostIp: '::', HostPort: '8080'}], '443/tcp': null as never};
	inspect.NetworkSettings.Networks = {shop_default: {...inspect.NetworkSettings.Networks['none']!, IPAddress: '172.18.0.3', Aliases: ['web', id.slice(0, 12)]}};
	inspect.HostConfig = {...inspect.HostConfig, CpuQuota: 150_000, CpuPeriod: 100_000};
	const details = toDetails(inspect);
	t.deepEqual(details.ports, ['127.0.0.1:8080→80/tcp', '8080→80/tcp', '443/tcp']);
	t.deepEqual(details.networks, [{name: 'shop_default', ipAddress: '172.18.0.3', aliases: ['web']}]);
	t.deepEqual(details.limits, {memoryBytes: undefined, cpus: 1.5, pids: undefined});
	t.is(details.healthLog.length, 3);
	t.is(details.finishedAt, undefined, 'a running container has no finish time');
	t.is(details.restartPolicy, 'no');
});
