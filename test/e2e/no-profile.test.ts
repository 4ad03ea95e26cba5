import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import test from 'ava';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests} from '../helpers/engine.js';
import {TmuxTerminal} from '../helpers/tmux.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// tsx reads the tsconfig of the directory it runs in: name stacktui's, for its JSX settings.
const stacktui = `TSX_TSCONFIG_PATH=${root}/tsconfig.json node --import=${root}/node_modules/tsx/dist/esm/index.mjs ${root}/source/bin.ts`;
const {docker} = await connectForTests();
const parent = mkdtempSync(path.join(tmpdir(), 'stt-no-profile-'));
// A directory of the user's own: compose names the project after it.
const project = `stt-np-${randomBytes(3).toString('hex')}`;
const directory = path.join(parent, project);
const empty = path.join(parent, 'empty');
const terminal = new TmuxTerminal(140, 60);

test.before(async () => {
	mkdirSync(directory);
	mkdirSync(empty);
	writeFileSync(path.join(directory, 'docker-compose.yml'), 'services:\n  web:\n    image: stacktui-test/busybox:1\n    command: [idle]\n  db:\n    image: stacktui-test/busybox:1\n    command: [idle]\n');
	await run('docker-compose', ['up', '-d'], {cwd: directory});
	await terminal.start({TERM: 'xterm-256color'});
});

test.after.always(async () => {
	await terminal.stop();
	await removeComposeProject(docker, project);
	rmSync(parent, {recursive: true, force: true});
});

async function containerIds(): Promise<string[]> {
	const containers = await docker.listContainers({all: true, filters: {label: [`com.docker.compose.project=${project}`]}});
	return containers.map(container => container.Id).sort();
}

const rowOf = (screen: string, service: string) => screen.split('\n').find(line => new RegExp(`^[> ] ${service}\\s`).test(line)) ?? '';

test.serial('stacktui in the directory of a project docker-compose started shows its services live, with no profile', async t => {
	await terminal.type(`cd ${directory} && ${stacktui}`);
	await terminal.enter();
	const screen = await terminal.waitFor(text => ['web', 'db'].every(service => /running .*\d+\.\d\d%/.test(rowOf(text, service))), 40_000, 'web and db running with CPU values');
	t.regex(screen, new RegExp(`stacktui\\s+${project}`), 'the header names the project as compose named it');
	t.notRegex(screen, /missing/);
	t.notRegex(screen, /\bdemo\b/);

	// docker-compose made these containers: u asks before it recreates them.
	const before = await containerIds();
	await terminal.keys('u');
	await terminal.waitFor(/web, db run with another configuration .* press u again to recreate|db, web run with another configuration .* press u again to recreate/, 20_000, 'the question');
	t.deepEqual(await containerIds(), before, 'nothing was recreated');
	await terminal.keys('q');
	await terminal.waitFor(/^\$\s*$/m, 10_000, 'the shell prompt');
});

test.serial('stacktui in an empty directory shows the picker; choosing the project opens it', async t => {
	await terminal.type(`clear; cd ${empty} && ${stacktui}`);
	await terminal.enter();
	const screen = await terminal.waitFor(text => text.includes('Compose projects on the engine') && text.includes(project) && /Profiles[\s\S]*demo/.test(text), 30_000, 'the picker');
	t.regex(screen, /nothing to open/);
	const lines = screen.split('\n');
	const projectLine = lines.findIndex(line => line.includes(project));
	const selectedLine = lines.findIndex(line => /^[>❯▶]/.test(line.trimStart()) || line.startsWith('>'));
	for (let step = 0; step < projectLine - selectedLine; step++) {
		await terminal.keys('j');
	}

	await terminal.waitFor(text => (text.split('\n').find(line => line.includes(project)) ?? '').trimStart().startsWith('>'), 10_000, 'the project selected');
	await terminal.enter();
	await terminal.waitFor(text => ['web', 'db'].every(service => /running/.test(rowOf(text, service))), 40_000, 'the chosen project\'s rows');
	await terminal.keys('q');
	await terminal.waitFor(/^\$\s*$/m, 10_000, 'the shell prompt');
});
