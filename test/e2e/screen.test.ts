import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {rowOf, selectRow as selectRowOf} from '../helpers/dashboard-screen.js';
import {connectForTests, dockerCli, newProjectName} from '../helpers/engine.js';
import {TmuxTerminal} from '../helpers/tmux.js';

/**
 * The screen a user sees, from the real binary in tmux: logs shown once however often the pane
 * opens, a long line wrapped on W, a paused flood that keeps its lines, a secret masked in the
 * log, budgets as written, flat sparklines, and an OOM kill in the row and the warnings.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const {docker} = await connectForTests();
const project = newProjectName('screen');
const directory = mkdtempSync(path.join(tmpdir(), 'stt-screen-'));
const profile = path.join(directory, 'stacktui.yaml');
const password = 'pa55-w0rd-e2e-7x';
const url = `https://${'4b1c-203-0-113-7'.repeat(8)}.ngrok-free.app/with/a/long/path`;
writeFileSync(path.join(directory, '.env'), `DB_PASSWORD=${password}\n`);
writeFileSync(
	profile,
	`name: screen\nproject: ${project}\ncompose: docker-compose.yml\nbudgets:\n  stack: { memory: 4GB }\n  services:\n    ready: { memory: 200MB, cpu: 50% }\n`,
);
writeFileSync(
	path.join(directory, 'docker-compose.yml'),
	`services:
  ready:
    image: stacktui-test/busybox:1
    command: ["sh", "-c", "for n in 1 2 3 4; do echo \\"ready $$n\\"; done; echo \\"t=1 url=${url}\\"; exec idle"]
    network_mode: none
  secret:
    image: stacktui-test/busybox:1
    environment:
      DB_PASSWORD: \${DB_PASSWORD}
    command: ["sh", "-c", "echo \\"connecting with $$DB_PASSWORD\\"; exec idle"]
    network_mode: none
  flood:
    image: stacktui-test/busybox:1
    command: ["sh", "-c", "n=0; while :; do n=$$((n+1)); echo \\"flood $$n\\"; done"]
    network_mode: none
    cpus: 0.3
  hog:
    image: stacktui-test/busybox:1
    command: ["sh", "-c", "until [ -e /tmp/go ]; do sleep 0.2; done; exec hold 64"]
    network_mode: none
    mem_limit: 16m
`,
);
const terminal = new TmuxTerminal(150, 40);
const services = ['flood', 'hog', 'ready', 'secret'];
const selectRow = async (service: string) => selectRowOf(terminal, services, service);

test.before(async () => {
	const up = await runCli(['up', '--profile', profile]);
	if (up.code !== 0) throw new Error(`stacktui up failed:\n${up.stdout}\n${up.stderr}`);
	await terminal.start({TERM: 'xterm-256color'});
	await terminal.type(`cd ${root} && node --import=tsx source/bin.ts --profile ${profile}`);
	await terminal.enter();
	await terminal.waitFor(text => /\d+\.\d\d%/.test(rowOf(text, 'ready')), 30_000, 'the dashboard with numbers');
});

test.after.always(async () => {
	await terminal.keys('q').catch(() => undefined);
	await terminal.stop();
	await removeComposeProject(docker, project);
	rmSync(directory, {recursive: true, force: true});
});

const readyLines = (screen: string) => screen.split('\n').filter(line => /^ready \d$/.test(line.trim()));

test.serial('the log pane shows each line once, however often it is closed and opened, and after visiting another service', async t => {
	await selectRow('ready');
	await terminal.keys('l');
	const first = await terminal.waitFor(text => readyLines(text).length === 4, 10_000, 'the four lines');
	t.deepEqual(readyLines(first), ['ready 1', 'ready 2', 'ready 3', 'ready 4']);
	for (let round = 0; round < 3; round += 1) {
		await terminal.keys('l');
		await terminal.waitFor(text => !text.includes('Logs: ready'), 5000, 'the pane closed');
		await terminal.keys('l');
		await terminal.waitFor(text => text.includes('Logs: ready'), 5000, 'the pane open again');
		await new Promise(resolve => setTimeout(resolve, 700));
		t.deepEqual(readyLines(await terminal.screen()), ['ready 1', 'ready 2', 'ready 3', 'ready 4'], `once each after reopening ${round + 1}×`);
	}

	// In the pane j and k scroll the log: the table picks the service.
	await terminal.keys('l');
	await selectRow('hog');
	await terminal.keys('l');
	await terminal.waitFor(text => text.includes('Logs: hog'), 5000, 'the pane on another service');
	await terminal.keys('l');
	await selectRow('ready');
	await terminal.keys('l');
	const back = await terminal.waitFor(text => text.includes('Logs: ready') && readyLines(text).length > 0, 5000, 'back on ready');
	await new Promise(resolve => setTimeout(resolve, 700));
	const screen = await terminal.screen();
	t.deepEqual(readyLines(screen), ['ready 1', 'ready 2', 'ready 3', 'ready 4'], 'as docker logs has them, once');
	const printed = (await dockerCli(['logs', `${project}_ready_1`])).split('\n').filter(line => line.startsWith('ready'));
	t.deepEqual(readyLines(back).length, printed.length);
});

test.serial('a long line is cut until W wraps it and the whole URL shows', async t => {
	const cut = await terminal.screen();
	t.false(cut.replaceAll('\n', '').includes(url));
	await terminal.keys('W');
	const wrapped = await terminal.waitFor(text => text.includes('wrapped'), 5000, 'the wrapped view');
	const lines = wrapped.split('\n');
	const start = lines.findIndex(line => line.startsWith('t=1 url='));
	t.true(start > 0, wrapped);
	t.true(lines.slice(start, start + 3).map(line => line.padEnd(150)).join('').includes(url), 'the URL read across the rows');
	await terminal.keys('W');
	await terminal.keys('l');
	await terminal.waitFor(text => !text.includes('Logs: ready'), 5000, 'the pane closed');
});

test.serial('a service echoing its secret from the .env shows it masked in the log pane', async t => {
	await selectRow('secret');
	await terminal.keys('l');
	const screen = await terminal.waitFor(text => text.includes('Logs: secret') && text.includes('connecting with'), 10_000, 'the secret service\'s log');
	t.true(screen.includes('connecting with ••••••'));
	t.false(screen.includes(password));
	t.true((await dockerCli(['logs', `${project}_secret_1`])).includes(password), 'the container did print it');
	await terminal.keys('l');
	await terminal.waitFor(text => !text.includes('Logs: secret'), 5000, 'the pane closed');
});

test.serial('space on a flooding service keeps the lines on screen and counts the new ones', async t => {
	await selectRow('flood');
	await terminal.keys('l');
	// Pause once the pane has lines to keep (under load the first batch can be a single line).
	await terminal.waitFor(text => text.includes('Logs: flood') && text.split('\n').filter(line => /^flood \d+$/.test(line)).length >= 5, 10_000, 'the flood in the pane');
	await terminal.keys('Space');
	const paused = await terminal.waitFor(text => /paused, [\d,]+ new/.test(text), 5000, 'the pause');
	const shown = paused.split('\n').filter(line => /^flood \d+$/.test(line));
	t.true(shown.length >= 5, paused);
	await new Promise(resolve => setTimeout(resolve, 1500));
	const later = await terminal.screen();
	t.deepEqual(later.split('\n').filter(line => /^flood \d+$/.test(line)), shown, 'the same lines 1.5 s later');
	const count = (text: string) => Number((/paused, ([\d,]+) new/.exec(text)?.[1] ?? '0').replaceAll(',', ''));
	t.true(count(later) > count(paused), `${count(paused)} then ${count(later)} new lines`);
	await terminal.keys('Space');
	await terminal.keys('l');
	await terminal.waitFor(text => !text.includes('Logs: flood'), 5000, 'the pane closed');
});

test.serial('budgets show as written, and sparklines sit beside their numbers', async t => {
	const screen = await terminal.waitFor(text => /\/ 200MB/.test(rowOf(text, 'ready')), 10_000, 'the budget as written');
	t.regex(rowOf(screen, 'ready'), /\d+(\.\d+)?kB \/ 200MB|\d+(\.\d+)?MB \/ 200MB/);
	t.regex(screen, /mem [\d.]+MB \/ 4GB/, 'the stack budget in the header');
	t.regex(screen, /CPU % CPU 5min/);
	t.regex(rowOf(screen, 'secret'), /\d\.\d\d% ▁+ /, 'an idle service draws low bars');
});

test.serial('an OOM-killed service says so in its row and in the warnings panel', async t => {
	await dockerCli(['exec', `${project}_hog_1`, 'touch', '/tmp/go']);
	const screen = await terminal.waitFor(text => rowOf(text, 'hog').includes('OOM killed'), 30_000, 'hog OOM-killed');
	t.regex(screen.split('\n')[0] ?? '', /[1-9] warnings?/);
	t.is((await dockerCli(['inspect', '-f', '{{.State.OOMKilled}} {{.State.ExitCode}}', `${project}_hog_1`])).trim(), 'true 137');
	await terminal.keys('w');
	const panel = await terminal.waitFor(/OOM killed hog/, 5000, 'the incident in the warnings panel');
	t.regex(panel, /OOM killed hog\s+\d\d:\d\d:\d\d ×1\s+out of memory, exit 137/);
	await terminal.keys('Escape');
});
