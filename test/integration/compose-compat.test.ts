import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import test from 'ava';
import {loadComposeProject} from '../../source/compose/index.js';
import type {ComposeProject} from '../../source/compose/types.js';
import {runDown} from '../../source/up/down.js';
import {runUp} from '../../source/up/up.js';
import {runCli} from '../helpers/cli.js';
import {writeTwoServiceCompose} from '../helpers/compose-files.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

const run = promisify(execFile);
const {docker} = await connectForTests();
const projects: string[] = [];
const {directory, composeFile, remove} = writeTwoServiceCompose('stt-compat-');

test.after.always(async () => {
	await Promise.all(projects.map(async name => removeComposeProject(docker, name)));
	remove();
});

/** The compose file above, read by stacktui's loader under a project name of its own. */
function stack(): ComposeProject {
	const name = newProjectName('up-compat');
	projects.push(name);
	return loadComposeProject({files: [composeFile], projectName: name, environment: {}});
}

async function compose(project: string, ...args: string[]): Promise<{stdout: string; stderr: string}> {
	return run('docker-compose', ['-p', project, '-f', composeFile, ...args], {cwd: directory});
}

async function labelsOf(kind: 'container' | 'network' | 'volume', name: string): Promise<Record<string, string>> {
	const inspect = kind === 'container' ? await docker.getContainer(name).inspect() : kind === 'network' ? await docker.getNetwork(name).inspect() : await docker.getVolume(name).inspect();
	const labels = ('Config' in inspect ? inspect.Config.Labels : inspect.Labels) ?? {};
	return Object.fromEntries(Object.entries(labels).filter(([key]) => key.startsWith('com.docker.compose.')));
}

test('docker-compose ps lists what stacktui made, and docker-compose up accepts its network and volume', async t => {
	const project = stack();
	t.true((await runUp(docker, project, ['db', 'web'])).isSuccess);
	const {stdout} = await compose(project.name, 'ps');
	t.regex(stdout, new RegExp(`${project.name}_db_1\\s+idle\\s+Up`));
	t.regex(stdout, new RegExp(`${project.name}_web_1\\s+idle\\s+Up`));
	t.is((await compose(project.name, 'ps', '-q')).stdout.trim().split('\n').length, 2);

	const up = await compose(project.name, 'up', '-d');
	t.notRegex(up.stderr, /not created by Docker Compose|ERROR/);
	t.is((await compose(project.name, 'ps', '--services', '--filter', 'status=running')).stdout.trim().split('\n').sort().join(','), 'db,web');
});

test('stacktui labels containers, networks and volumes exactly as docker-compose does', async t => {
	const ours = stack();
	t.true((await runUp(docker, ours, ['db', 'web'])).isSuccess);
	const theirs = newProjectName('up-compat');
	projects.push(theirs);
	await compose(theirs, 'up', '-d');

	const hash = 'com.docker.compose.config-hash';
	const ourContainer = await labelsOf('container', `${ours.name}_web_1`);
	const theirContainer = await labelsOf('container', `${theirs}_web_1`);
	t.regex(ourContainer[hash] ?? '', /^[\da-f]{64}$/);
	const withoutHash = (labels: Record<string, string>, project: string) =>
		JSON.parse(JSON.stringify({...labels, [hash]: undefined}).replaceAll(project, 'PROJECT')) as Record<string, string>;
	t.deepEqual(withoutHash(ourContainer, ours.name), withoutHash(theirContainer, theirs));
	t.deepEqual(
		withoutHash(await labelsOf('network', `${ours.name}_default`), ours.name),
		withoutHash(await labelsOf('network', `${theirs}_default`), theirs),
	);
	t.deepEqual(
		withoutHash(await labelsOf('volume', `${ours.name}_data`), ours.name),
		withoutHash(await labelsOf('volume', `${theirs}_data`), theirs),
	);
	const aliases = (await docker.getContainer(`${ours.name}_web_1`).inspect()).NetworkSettings.Networks[`${ours.name}_default`]?.Aliases;
	t.true(aliases?.includes('web'));
});

test('stacktui status shows what docker-compose made, and stacktui down --volumes removes it all', async t => {
	const theirs = newProjectName('up-compat');
	projects.push(theirs);
	await compose(theirs, 'up', '-d');

	const status = await runCli(['status', '--project', theirs, '--json']);
	t.is(status.code, 0, status.stderr);
	const report = JSON.parse(status.stdout) as {services: Array<{service: string; state: string}>};
	t.deepEqual(report.services.map(service => `${service.service}:${service.state}`).sort(), ['db:running', 'web:running']);

	const down = await runDown(docker, theirs, undefined, {removeVolumes: true});
	t.deepEqual(down.errors, []);
	t.deepEqual([...down.containers].sort(), [`${theirs}_db_1`, `${theirs}_web_1`]);
	t.deepEqual(down.networks, [`${theirs}_default`]);
	t.deepEqual(down.volumes, [`${theirs}_data`]);
	t.is((await compose(theirs, 'ps', '-q')).stdout.trim(), '');
});
