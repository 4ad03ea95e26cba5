import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import type Docker from 'dockerode';
import {composeBinary} from '../conformance/harness.js';
import {runCli} from '../helpers/cli.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

const run = promisify(execFile);
const {docker} = await connectForTests();
const directory = path.resolve('test/fixtures/compose/real-stack');
const elsewhere = mkdtempSync(path.join(tmpdir(), 'stt-real-stack-'));
const ours = newProjectName('real');
const theirs = newProjectName('real-v2');
const environment = {API_KEY: 'k-123', WHO: 'stacktui'};

test.after.always(async () => {
	await removeComposeProject(docker, ours);
	await removeComposeProject(docker, theirs);
	rmSync(elsewhere, {recursive: true, force: true});
});

async function containerOf(project: string, service: string): Promise<Docker.ContainerInspectInfo> {
	const [found] = await docker.listContainers({all: true, filters: {label: [`com.docker.compose.project=${project}`, `com.docker.compose.service=${service}`]}});
	if (found === undefined) {
		throw new Error(`no ${service} container in ${project}`);
	}

	return docker.getContainer(found.Id).inspect();
}

async function shell(id: string, script: string): Promise<string> {
	const {stdout} = await run('docker', ['exec', id, 'sh', '-c', script]);
	return stdout;
}

/** What a container was given, in a form both tools' containers can be compared on. */
function given(inspect: Docker.ContainerInspectInfo) {
	const host = inspect.HostConfig as Docker.HostConfig & Record<string, unknown>;
	return {
		image: inspect.Config.Image,
		cmd: inspect.Config.Cmd,
		env: [...(inspect.Config.Env ?? [])].sort(),
		hostname: inspect.Config.Hostname === inspect.Id.slice(0, 12) ? 'id' : inspect.Config.Hostname,
		capAdd: host.CapAdd,
		capDrop: host.CapDrop,
		tmpfs: host['Tmpfs'],
		ulimits: host.Ulimits,
		sysctls: host['Sysctls'],
		init: host['Init'],
		readOnly: host['ReadonlyRootfs'],
		mounts: (inspect.Mounts ?? []).map(mount => `${mount.Type}:${path.basename(mount.Source ?? '')}:${mount.Destination}:${mount.RW ? 'rw' : 'ro'}`).sort(),
	};
}

test('include, extends, secrets, configs, an override file and links: stacktui up makes what Compose v2 makes', async t => {
	const up = await runCli(['up', '-p', ours], environment, 240_000, directory);
	t.is(up.code, 0, up.stderr + up.stdout);
	await run(composeBinary(), ['-p', theirs, 'up', '-d'], {cwd: directory, env: {...process.env, ...environment}});

	// Compose lists what stacktui made, from anywhere (labels only).
	const {stdout: listed} = await run(composeBinary(), ['-p', ours, 'ps', '--format', '{{.Service}} {{.State}}'], {cwd: elsewhere});
	t.deepEqual(listed.trim().split('\n').sort(), ['db running', 'web running']);

	for (const service of ['web', 'db']) {
		const [mine, reference] = [await containerOf(ours, service), await containerOf(theirs, service)];
		t.deepEqual(given(mine), given(reference), `${service}: what the container was given`);
	}

	const web = await containerOf(ours, 'web');
	t.is(await shell(web.Id, 'cat /run/secrets/token'), 's3cr3t-token\n', 'a file secret at /run/secrets/NAME');
	t.is(await shell(web.Id, 'cat /run/secrets/api.key; stat -c %a /run/secrets/api.key'), 'k-123400\n', 'an environment secret at its target with its mode');
	t.is(await shell(web.Id, 'cat /etc/greeting.txt; echo; cat /site'), 'hello stacktui\nserver_name example;\n', 'configs from content and from a file');
	t.is(await shell(web.Id, 'echo $FROM_BASE $FROM_OVERRIDE'), 'yes yes\n', 'extends and the override file');
	t.is(await shell((await containerOf(ours, 'db')).Id, 'echo $DB_TAG'), 'from-db-env\n', 'the included file reads its own .env');
	// The link is an endpoint link to the db container under its alias, as Compose v2 sets it
	// (this engine runs without iptables, so its embedded DNS cannot be asked from a container).
	const linksOf = (inspect: Docker.ContainerInspectInfo) => Object.values(inspect.NetworkSettings.Networks).flatMap(network => network.Links ?? []);
	const [db, theirDb] = [await containerOf(ours, 'db'), await containerOf(theirs, 'db')];
	t.true(linksOf(web).some(link => [db.Id, db.Name.slice(1)].includes(link.split(':')[0] ?? '') && link.endsWith(':database')), JSON.stringify(linksOf(web)));
	t.true(linksOf(await containerOf(theirs, 'web')).includes(`${theirDb.Name.slice(1)}:database`));
	const {stdout: psV1} = await run('docker-compose', ['-p', ours, 'ps', '--services'], {cwd: elsewhere}).catch((error: {stdout?: string}) => ({stdout: error.stdout ?? ''}));
	t.true(psV1 === '' || psV1.includes('web'), 'compose v1 has nothing to object to either');
});

test('check gives the line up refuses with, and both exit 2', async t => {
	const file = path.resolve('test/fixtures/compose/refused.yml');
	const check = await runCli(['check', '-f', file], {}, 60_000, elsewhere);
	const up = await runCli(['up', '-f', file, '-p', newProjectName('refused')], {}, 60_000, elsewhere);
	t.is(check.code, 2);
	t.is(up.code, 2);
	t.is(check.stderr, up.stderr);
	t.regex(check.stderr, /^stacktui: .*refused\.yml:7:9: services\.web\.networks\.back\.ipv4_address: is not supported by stacktui through the Engine API; --allow-unsupported starts the stack without it\n$/);
});
