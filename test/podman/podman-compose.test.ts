import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import test from 'ava';
import {loadComposeProject} from '../../source/compose/index.js';
import {runUp} from '../../source/up/up.js';
import {runCli} from '../helpers/cli.js';
import {writeTwoServiceCompose} from '../helpers/compose-files.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

// Run by the Podman pass only (ava.podman.config.js): podman-compose drives Podman's own storage.
const run = promisify(execFile);
const connection = await connectForTests();
const {docker} = connection;
const projects: string[] = [];
const {directory, composeFile, remove} = writeTwoServiceCompose('stt-podman-compose-');

test.after.always(async () => {
	await Promise.all(projects.map(async name => removeComposeProject(docker, name)));
	remove();
});

function newProject(): string {
	const name = newProjectName('podman-compose');
	projects.push(name);
	return name;
}

async function podmanCompose(project: string, ...args: string[]): Promise<string> {
	const {stdout} = await run('podman-compose', ['-p', project, '-f', composeFile, ...args], {cwd: directory});
	return stdout;
}

test('the engine under test is Podman', t => {
	t.is(connection.capabilities.product, 'Podman');
});

test('podman-compose ps lists what stacktui up made, and podman-compose down removes it', async t => {
	const name = newProject();
	const project = loadComposeProject({files: [composeFile], projectName: name, environment: {}});
	t.true((await runUp(docker, project, ['db', 'web'])).isSuccess);
	const listed = await podmanCompose(name, 'ps');
	t.regex(listed, new RegExp(`${name}_db_1`));
	t.regex(listed, new RegExp(`${name}_web_1`));

	await podmanCompose(name, 'down');
	const left = await docker.listContainers({all: true, filters: {label: [`com.docker.compose.project=${name}`]}});
	t.deepEqual(left.map(container => container.Names), []);
});

test('stacktui status shows what podman-compose made, and stacktui down --volumes removes it all', async t => {
	const name = newProject();
	await podmanCompose(name, 'up', '-d');
	const status = await runCli(['status', '--project', name, '--json']);
	t.is(status.code, 0, status.stderr);
	const report = JSON.parse(status.stdout) as {services: Array<{service: string; state: string}>};
	t.deepEqual(report.services.map(service => `${service.service}:${service.state}`).sort(), ['db:running', 'web:running']);

	const down = await runCli(['down', '--volumes', '--project', name]);
	t.is(down.code, 0, down.stderr);
	t.regex(down.stdout + down.stderr, /removed 2 containers, 1 network, 1 volume/);
	// podman-compose also prints the podman commands it runs: only container ids count.
	t.deepEqual((await podmanCompose(name, 'ps', '-q')).split('\n').filter(line => /^[\da-f]{12,64}$/.test(line.trim())), []);
});
