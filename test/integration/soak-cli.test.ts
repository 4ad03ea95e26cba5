import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {readRecordLines} from '../../source/soak/read-lines.js';
import {readRecord} from '../../source/soak/read-record.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

const {docker} = await connectForTests();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const profile = path.join(root, 'test/fixtures/soak/stack/soak.yaml');
const project = newProjectName('soak');
const directory = mkdtempSync(path.join(os.tmpdir(), 'stt-soak-'));

// A failed test leaves its soak running: a live child would keep ava's worker from exiting.
const children = new Set<ChildProcess>();

test.after.always(async () => {
	for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	await removeComposeProject(docker, project);
	rmSync(directory, {recursive: true, force: true});
});

type Finished = {readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: string; readonly stderr: string};

function soak(): {child: ChildProcess; finished: Promise<Finished>} {
	const child = spawn(process.execPath, ['--import=tsx', path.join(root, 'source/bin.ts'), 'soak', profile, '--project', project, '--up', '--record', directory], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
	children.add(child);
	let stdout = '';
	let stderr = '';
	child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	const finished = new Promise<Finished>(resolve => child.on('close', (code, signal) => resolve({code, signal, stdout, stderr})));
	return {child, finished};
}

async function waitForLine(predicate: (line: ReturnType<typeof readRecordLines>[number]) => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (readRecordLines(directory).some(line => predicate(line))) return;
		await new Promise(resolve => setTimeout(resolve, 500));
	}

	throw new Error('timed out waiting for a record line');
}

test.serial('a soak flags the steady leak and not the spike, checks the killed service\'s recovery, catches the failing probe and exits 1; its record survives kill -9 and the resumed run continues it', async t => {
	// The plan (test/fixtures/soak/stack/soak.yaml): 150 s; kill victim at 15 s; web's probe fails from 25 s to 60 s.
	const first = soak();
	await waitForLine(line => line.type === 'step' && line.name === 'kill-victim' && line.state === 'passed', 90_000);
	await waitForLine(line => line.type === 'step' && line.name === 'break-web' && line.state === 'passed', 30_000);
	const killedAt = Date.now();
	first.child.kill('SIGKILL');
	const killed = await first.finished;
	t.is(killed.signal, 'SIGKILL');
	const before = readRecordLines(directory);
	t.false(before.some(line => line.type === 'end'), 'a killed run writes no end line');
	const lastBefore = Math.max(...before.map(line => line.at));
	t.true(killedAt - lastBefore <= 2500, `the record was at most 2 s behind the kill (${killedAt - lastBefore} ms)`);

	const second = soak();
	const result = await second.finished;
	t.is(result.code, 1, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
	t.regex(result.stdout, /resumed, session 2/);
	t.regex(result.stdout, /step kill-victim: passed before the resume, not run again/);
	t.regex(result.stdout, /breached {2}leak:grow/);
	t.regex(result.stdout, /breached {2}probe-success:web-ok/);

	const lines = readRecordLines(directory);
	const runs = lines.filter(line => line.type === 'run');
	t.deepEqual(runs.map(line => line.type === 'run' && [line.session, line.runId]), [[1, runs[0]?.type === 'run' ? runs[0].runId : ''], [2, runs[0]?.type === 'run' ? runs[0].runId : '']]);
	const resumedAt = runs[1]?.at ?? 0;
	t.true(lines.some(line => line.type === 'samples' && line.at > resumedAt), 'samples go on after the resume');
	t.is(lines.filter(line => line.type === 'step' && line.name === 'kill-victim' && line.state === 'started').length, 1, 'the kill step ran once');
	t.true(lines.some(line => line.type === 'step' && line.name === 'mend-web' && line.state === 'passed' && line.at > resumedAt), 'a later step ran in the resumed session');

	const run = await readRecord(directory);
	const budget = (id: string) => run.verdict.budgets.find(item => item.id === id);
	t.is(run.verdict.status, 'breached');
	t.is(run.verdict.run.sessions, 2);
	t.true(run.verdict.run.observedMs < run.verdict.run.elapsedMs, 'the gap is not observed time');
	t.is(run.gaps.length, 1);
	t.is(budget('leak:grow')?.status, 'breached');
	t.true((budget('leak:grow')?.observed ?? 0) > 100 * 1024 * 1024, `grow leaks ${(budget('leak:grow')?.observed ?? 0) / 1024 / 1024} MiB/h`);
	t.is(budget('leak:spike')?.status, 'held', 'one spike is no leak');
	t.true((budget('memory:spike')?.observed ?? 0) > 40 * 1024 * 1024, 'the spike was seen');
	t.is(budget('recovery:kill-victim')?.status, 'held');
	t.regex(budget('recovery:kill-victim')?.note ?? '', /victim healthy again in [\d.]+ s \/ 20 s; the others stayed healthy/);
	t.is(budget('uptime:victim')?.status, 'held', 'the planned kill is not downtime');
	t.is(budget('restarts:victim')?.status, 'held');
	const probe = budget('probe-success:web-ok');
	t.is(probe?.status, 'breached');
	t.true((probe?.observed ?? 1) > 0.4 && (probe?.observed ?? 1) < 0.95, `web-ok succeeded ${probe?.observed}`);
	t.is(run.verdict.steps.find(step => step.name === 'kill-victim')?.status, 'passed');
	for (const file of ['report.json', 'report.md', 'report.junit.xml', 'report.html']) t.true(existsSync(path.join(directory, file)), file);
});

test.serial('Ctrl-C ends a soak early and it still writes the verdict and the reports', async t => {
	const interrupted = path.join(directory, 'interrupted');
	const child = spawn(process.execPath, ['--import=tsx', path.join(root, 'source/bin.ts'), 'soak', profile, '--project', project, '--duration', '10m', '--record', interrupted], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
	children.add(child);
	let stdout = '';
	child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	const finished = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
	const deadline = Date.now() + 60_000;
	while (!readRecordLines(interrupted).some(line => line.type === 'samples') && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 500));
	child.kill('SIGINT');
	const code = await finished;
	t.true(code === 0 || code === 1, `exit ${code}\n${stdout}`);
	t.regex(stdout, /soak ended early \(interrupted\); the report covers the time it ran/);
	t.like(readRecordLines(interrupted).at(-1), {type: 'end', reason: 'interrupted'});
	const run = await readRecord(interrupted);
	t.is(run.verdict.run.endReason, 'interrupted');
	t.true(run.verdict.run.elapsedMs < 60_000);
	for (const file of ['verdict.json', 'report.json', 'report.md', 'report.junit.xml', 'report.html']) t.true(existsSync(path.join(interrupted, file)), file);
});
