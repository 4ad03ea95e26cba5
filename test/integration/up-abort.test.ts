import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {loadComposeProject} from '../../source/compose/index.js';
import {abortSummary} from '../../source/up/abort-summary.js';
import {runUp} from '../../source/up/up.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';
import {slowAbortLine, slowHealthServices} from '../helpers/slow-stack.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const {docker} = await connectForTests();
const directory = mkdtempSync(path.join(tmpdir(), 'stt-up-abort-'));
const projects: string[] = [];

/** A project of `slowHealthServices`, with a profile. */
function writeStack(project: string): {profile: string; compose: string} {
	projects.push(project);
	const folder = path.join(directory, project);
	mkdirSync(folder, {recursive: true});
	const compose = path.join(folder, 'docker-compose.yml');
	writeFileSync(compose, `services:${slowHealthServices}`);
	const profile = path.join(folder, 'stacktui.yaml');
	writeFileSync(profile, `name: ${project}\ncompose: docker-compose.yml\n`);
	return {profile, compose};
}

test.after.always(async () => {
	for (const project of projects) await removeComposeProject(docker, project);
	rmSync(directory, {recursive: true, force: true});
});

test('an aborted up stops waiting at once and says what it left half-done', async t => {
	const project = newProjectName('up-abort');
	const {compose} = writeStack(project);
	const model = loadComposeProject({files: [compose], projectName: project});
	const controller = new AbortController();
	let abortedAt = 0;
	const result = await runUp(docker, model, ['slow', 'api'], {
		signal: controller.signal,
		onChange(state) {
			if (abortedAt === 0 && state.services['slow']?.phase === 'running') {
				abortedAt = Date.now();
				controller.abort();
			}
		},
	});
	const afterAbortMs = Date.now() - abortedAt;
	t.log(`runUp returned ${afterAbortMs} ms after the abort (its own timeout: 5 minutes; slow's start period: 5 minutes)`);
	t.true(result.isAborted);
	t.false(result.isSuccess);
	t.true(afterAbortMs < 5000, 'it does not wait for health any longer');
	t.is(abortSummary(result.state), slowAbortLine);
	const api = await docker.listContainers({all: true, filters: {label: [`com.docker.compose.project=${project}`, 'com.docker.compose.service=api']}});
	t.is(api[0]?.State, 'created', 'api was never started');
});

test('ctrl-c on stacktui up aborts the same way: the line on stderr, exit 130', async t => {
	const project = newProjectName('up-sigint');
	const {profile} = writeStack(project);
	const child = spawn(process.execPath, ['--import=tsx', path.join(root, 'source/bin.ts'), 'up', '--profile', profile], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
		if (/^slow: running/m.test(stdout) && child.exitCode === null && !child.killed) child.kill('SIGINT');
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const sent = Date.now();
	const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
	t.log(`stacktui up exited ${Date.now() - sent} ms after it was started; stdout:\n${stdout}`);
	t.is(code, 130, stderr);
	t.true(stderr.includes(`stacktui: ${slowAbortLine}\n`), stderr);
});
