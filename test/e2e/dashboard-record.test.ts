import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {readRecordLines} from '../../source/soak/read-lines.js';
import {runCli} from '../helpers/cli.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';
import {TmuxTerminal} from '../helpers/tmux.js';

// The soak fixture stack (no published ports): the dashboard with --record, its soak panel, the
// keys it records, and a second session resuming the same record.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const profile = path.join(root, 'test/fixtures/soak/stack/soak.yaml');
const {docker} = await connectForTests();
const project = newProjectName('record');
const directory = mkdtempSync(path.join(os.tmpdir(), 'stt-dashboard-record-'));
const terminal = new TmuxTerminal(140, 40);

test.before(async () => {
	const up = await runCli(['up', '--profile', profile, '--project', project]);
	if (up.code !== 0) throw new Error(`stacktui up failed:\n${up.stdout}\n${up.stderr}`);
	await terminal.start({TERM: 'xterm-256color'});
});

// A test that fails with the dashboard open leaves it for the next: close it whatever happened.
test.afterEach.always(async () => {
	if (/^\$\s*$/m.test(await terminal.screen())) return;
	await terminal.keys('q');
	await terminal.waitFor(/^\$\s*$/m, 20_000, 'the shell prompt').catch(() => undefined);
});

test.after.always(async () => {
	await terminal.stop();
	await removeComposeProject(docker, project);
	rmSync(directory, {recursive: true, force: true});
});

async function openDashboard(): Promise<void> {
	await terminal.type(`cd ${root} && node --import=tsx source/bin.ts --profile ${profile} --project ${project} --record ${directory}`);
	await terminal.enter();
	await terminal.waitFor(/victim/, 30_000, 'the dashboard');
}

async function quit(): Promise<void> {
	await terminal.keys('q');
	await terminal.waitFor(/^\$\s*$/m, 20_000, 'the shell prompt after quitting');
}

test.serial('--record shows where in the header; S opens the soak panel; keys are recorded; quitting writes the end, verdict and reports', async t => {
	await openDashboard();
	const header = await terminal.waitFor(/rec \/tmp\/stt-dashboard-record-/, 10_000, 'the record path in the header');
	t.regex(header, /soak-test/);
	await terminal.keys('S');
	const panel = await terminal.waitFor(
		text => /Soak\s+phase - +elapsed \d+s/.test(text) && /SERVICE\s+MEM PEAK\s+MEM \(RUN\)\s+CPU PEAK\s+LEAK/.test(text) && /web-ok +100\.0% of \d+/.test(text) && /^\s+web +[\d.]+[KMG]?i?B/m.test(text),
		30_000,
		'the soak panel with numbers and a probe result',
	);
	t.regex(panel, /PROBE\s+SUCCESS/);
	t.regex(panel, /web-ok\s+/);
	for (const service of ['grow', 'spike', 'victim', 'web']) t.regex(panel, new RegExp(`^\\s+${service}\\s+[\\d.]+[KMG]?i?B`, 'm'), service);
	await terminal.keys('w');
	await terminal.waitFor(/Budgets and warnings/, 10_000, 'the warnings panel');
	await quit();
	const lines = readRecordLines(directory);
	t.like(lines[0], {type: 'run', command: 'dashboard', session: 1});
	t.deepEqual(
		lines.filter(line => line.type === 'action').map(line => line.type === 'action' && [line.key, line.command]),
		[['S', 'soak'], ['w', 'warnings'], ['q', 'quit']],
	);
	t.true(lines.some(line => line.type === 'samples'));
	t.like(lines.at(-1), {type: 'end', reason: 'quit'});
	for (const file of ['verdict.json', 'report.html', 'report.json']) t.true(existsSync(path.join(directory, file)), file);
});

test.serial('opening the dashboard again with the same --record resumes the run into it', async t => {
	await openDashboard();
	await terminal.waitFor(/rec \/tmp\/stt-dashboard-record-/, 10_000, 'the record path');
	await quit();
	const runs = readRecordLines(directory).filter(line => line.type === 'run');
	t.deepEqual(runs.map(line => line.type === 'run' && line.session), [1, 2]);
	t.is(new Set(runs.map(line => line.type === 'run' && line.runId)).size, 1);
});
