import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, dockerCli, newProjectName} from '../helpers/engine.js';
import {slowAbortLine, slowHealthServices} from '../helpers/slow-stack.js';
import {TmuxTerminal} from '../helpers/tmux.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const {docker} = await connectForTests();
const directory = mkdtempSync(path.join(tmpdir(), 'stt-keys-'));
const terminal = new TmuxTerminal(120, 30);
// web fails its health check for the 3 s it takes to stop, as a server draining connections does;
// worker holds 8 MiB against a 4 MiB budget: a breach that lasts.
const stack = writeStack('keys', `
  api:
    image: stacktui-test/busybox:1
    command: idle
  web:
    image: stacktui-test/busybox:1
    command: ["sh", "-c", "trap 'rm -f /tmp/healthy; sleep 3; exit 0' TERM; touch /tmp/healthy; while :; do sleep 1; done"]
    healthcheck: {test: ["CMD", "healthy"], interval: 1s, retries: 1}
  worker:
    image: stacktui-test/busybox:1
    command: ["hold", "8"]
  flood:
    image: stacktui-test/busybox:1
    command: ["sh", "-c", "trap 'exit 0' TERM; while :; do seq 1 2000; sleep 0.5; done"]
`, 'links:\n  web: http://127.0.0.1:14080/\nbudgets:\n  sustain: 2s\n  services:\n    worker: { memory: 4MiB }\n');
const slow = writeStack('keys-slow', slowHealthServices);

function writeStack(topic: string, services: string, extra = ''): {project: string; profile: string} {
	const project = newProjectName(topic);
	const folder = path.join(directory, project);
	mkdirSync(folder);
	writeFileSync(path.join(folder, 'docker-compose.yml'), `services:${services}`);
	writeFileSync(path.join(folder, 'stacktui.yaml'), `name: ${project}\ncompose: docker-compose.yml\nrefresh: 1s\n${extra}`);
	return {project, profile: path.join(folder, 'stacktui.yaml')};
}

const dashboard = (profile: string, flags = '') => `cd ${root} && node --import=tsx source/bin.ts --profile ${profile} ${flags}`.trim();

test.before(async () => {
	const up = await runCli(['up', '--profile', stack.profile]);
	if (up.code !== 0) throw new Error(`stacktui up failed:\n${up.stdout}\n${up.stderr}`);
	await terminal.start({TERM: 'xterm-256color'});
});

test.after.always(async () => {
	await terminal.stop();
	await removeComposeProject(docker, stack.project);
	await removeComposeProject(docker, slow.project);
	rmSync(directory, {recursive: true, force: true});
});

function rowOf(screen: string, service: string): string {
	return screen.split('\n').find(line => new RegExp(`^[> ] ${service}\\s`).test(line)) ?? '';
}

async function startedAt(service: string): Promise<string> {
	const id = (await dockerCli(['ps', '-aq', '--filter', `label=com.docker.compose.project=${stack.project}`, '--filter', `label=com.docker.compose.service=${service}`])).trim();
	return (await dockerCli(['inspect', '-f', '{{.State.StartedAt}}', id])).trim();
}

/** Quits with q and waits until no stacktui process is left, so what is typed next goes to the shell. */
async function quitDashboard(): Promise<void> {
	await terminal.keys('q');
	await terminal.waitFor(text => !text.includes('SERVICE'), 10_000, 'the shell');
	const deadline = Date.now() + 5000;
	while ((await terminal.foregroundCount()) > 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
}

async function openDashboard(profile: string, flags = ''): Promise<string> {
	await terminal.type(`clear; ${dashboard(profile, flags)}`);
	await terminal.enter();
	return terminal.waitFor(text => /running/.test(rowOf(text, 'web')) && rowOf(text, 'api').startsWith('>'), 30_000, 'the dashboard with api selected');
}

test.serial('send-keys "/web" Enter "r" in one go restarts web, not the row selected before, and does nothing else', async t => {
	await openDashboard(stack.profile);
	const before = {api: await startedAt('api'), web: await startedAt('web'), worker: await startedAt('worker')};
	const sent = Date.now();
	await terminal.keys('/web', 'Enter', 'r');
	const screen = await terminal.waitFor(text => rowOf(text, 'web').startsWith('>') && /filter "web"|restart/.test(text), 10_000, 'web selected under the filter');
	t.log(`"/web" Enter "r" → web selected under the filter on screen after ${Date.now() - sent} ms (tmux capture polled every 100 ms)`);
	await terminal.waitFor(/restart \S+web\S*: done/, 20_000, 'the restart of web to be done');
	t.not(await startedAt('web'), before.web, 'web restarted');
	t.is(await startedAt('api'), before.api, 'api, the row selected before, did not');
	t.is(await startedAt('worker'), before.worker);
	t.is(rowOf(screen, 'api'), '', 'api is filtered out');
	t.notRegex(await terminal.screen(), /Warnings|Details|Logs:/, 'no panel opened by the letters of the filter');
	t.is(await terminal.paneValue('#{alternate_on}'), '1', 'no shell was opened');
});

test.serial('c copies the link of the selected service into tmux\'s buffer in a default tmux', async t => {
	await terminal.keys('c');
	await terminal.waitFor(/copied http:\/\/127\.0\.0\.1:14080\/ \(tmux buffer\)/, 5000, 'the copy message');
	t.is(await terminal.showBuffer(), 'http://127.0.0.1:14080/');
	await terminal.keys('Escape');
	await terminal.waitFor(text => rowOf(text, 'api') !== '', 5000, 'the filter cleared');
});

test.serial('leaving the shell after a command that failed is not reported as an error', async t => {
	await terminal.waitFor(text => rowOf(text, 'web').startsWith('>'), 5000, 'web still selected');
	await terminal.keys('e');
	await terminal.waitFor(text => !text.includes('SERVICE'), 10_000, 'the shell instead of the dashboard');
	await terminal.type('false');
	await terminal.enter();
	await terminal.type('exit');
	await terminal.enter();
	const screen = await terminal.waitFor(text => text.includes('SERVICE') && text.includes('back from the shell'), 10_000, 'the dashboard again');
	t.notRegex(screen, /exited with/);
});

test.serial('R says when the stack is back; meanwhile no row reads unhealthy and the ongoing breach stays one warning', async t => {
	await terminal.keys('w');
	await terminal.waitFor(/memory\s+worker.*active/, 30_000, 'the worker memory warning');
	const before = {api: await startedAt('api'), web: await startedAt('web'), worker: await startedAt('worker'), flood: await startedAt('flood')};
	await terminal.keys('R');
	await terminal.waitFor(/Restart all 4 containers of .*\(y\/n\)/, 5000, 'the question');
	const asked = Date.now();
	await terminal.keys('y');
	const seen: string[] = [];
	const back = await terminal.waitFor(
		text => {
			seen.push(text);
			return /is back: \d+ services restarted in dependency order, every one at its target/.test(text);
		},
		60_000,
		'the stack back',
	);
	t.log(`R → "back" after ${Date.now() - asked} ms; ${seen.length} screens polled meanwhile`);
	t.false(seen.some(text => /unhealthy|✗/.test(text)), 'no row read unhealthy during the restart');
	t.not(await startedAt('api'), before.api);
	t.not(await startedAt('web'), before.web);
	t.not(await startedAt('worker'), before.worker);
	t.not(await startedAt('flood'), before.flood);
	t.regex(back, /1 active, 0 ended/, 'the breach that went on through the restart is one warning');
	await terminal.keys('Escape');
});

test.serial('SIGTERM ends the dashboard with exit code 143, SIGHUP with 129; the terminal is restored', async t => {
	await quitDashboard();
	for (const [signal, code] of [
		['SIGTERM', 143],
		['SIGHUP', 129],
	] as const) {
		await openDashboard(stack.profile, '--read-only');
		t.is(await terminal.signalForeground(signal), 1);
		await terminal.waitFor(text => !text.includes('SERVICE'), 10_000, 'the shell again');
		await terminal.type(`echo EXIT=$?`);
		await terminal.enter();
		await terminal.waitFor(new RegExp(`EXIT=${code}`), 5000, `exit code ${code} after ${signal}`);
		t.is(await terminal.paneValue('#{alternate_on}'), '0');
		t.is(await terminal.paneValue('#{cursor_flag}'), '1');
	}
});

test.serial('keys still answer, in order, with the log pane open on a service printing thousands of lines a second', async t => {
	await openDashboard(stack.profile);
	await terminal.keys('/flood', 'Enter', 'l');
	await terminal.waitFor(text => /Logs: flood/.test(text) && /^\d+$/m.test(text), 20_000, 'the flood in the log pane');
	const sent = Date.now();
	await terminal.keys('l', 'Escape', '/worker', 'Enter');
	const screen = await terminal.waitFor(text => rowOf(text, 'worker').startsWith('>') && !text.includes('Logs:'), 10_000, 'worker selected, the pane closed');
	t.log(`keys under the flood → screen after ${Date.now() - sent} ms (polled every 100 ms)`);
	t.regex(screen, /filter "worker"/);
});

test.serial('docker rm -f and stacktui up keep the selection and the log pane on the service', async t => {
	await terminal.keys('Escape', 'l');
	await terminal.waitFor(text => rowOf(text, 'worker').startsWith('>') && text.includes('Logs: worker'), 10_000, 'worker selected with its logs, unfiltered');
	const id = (await dockerCli(['ps', '-aq', '--filter', `label=com.docker.compose.project=${stack.project}`, '--filter', 'label=com.docker.compose.service=worker'])).trim();
	await dockerCli(['rm', '-f', id]);
	await terminal.waitFor(text => /missing/.test(rowOf(text, 'worker')), 10_000, 'worker missing');
	t.true(rowOf(await terminal.screen(), 'worker').startsWith('>'), 'still selected while it has no container');
	const up = await runCli(['up', '--profile', stack.profile]);
	t.is(up.code, 0, up.stderr);
	const screen = await terminal.waitFor(text => /running/.test(rowOf(text, 'worker')), 20_000, 'the new worker container');
	t.true(rowOf(screen, 'worker').startsWith('>'), 'the new container takes the selected row');
	t.regex(screen, /Logs: worker/);
});

test.serial('at 60×15 the help fits under the header and scrolls', async t => {
	await terminal.keys('l');
	await terminal.resize(60, 15);
	await terminal.keys('?');
	const screen = await terminal.waitFor(/j\/k scroll/, 5000, 'the scrolled help');
	const lines = screen.split('\n');
	t.regex(lines[0] ?? '', /^stacktui\s+stt-keys/, 'the first line is the header, not garbled');
	t.regex(lines[3] ?? '', /^╭─+╮$/);
	t.true(lines.every(line => [...line].length <= 60));
	await terminal.keys('?');
	await terminal.waitFor(/SERVICE/, 5000, 'the table again');
	await terminal.resize(120, 30);
	await quitDashboard();
});

test.serial('q while u waits for a service\'s health: stacktui is gone within a second and says what was left', async t => {
	await terminal.type(`clear; ${dashboard(slow.profile)}; echo EXIT=$?`);
	await terminal.enter();
	await terminal.waitFor(text => /missing/.test(rowOf(text, 'slow')) && /missing/.test(rowOf(text, 'api')), 30_000, 'every service missing');
	await terminal.keys('u');
	await terminal.waitFor(text => /running/.test(rowOf(text, 'slow')), 20_000, 'slow running, waiting for health');
	const quit = Date.now();
	await terminal.keys('q');
	const screen = await terminal.waitFor(/EXIT=\d+/, 10_000, 'the shell back');
	const gone = Date.now() - quit;
	t.log(`q → prompt back in ${gone} ms (polled every 100 ms)\n${screen.trim()}`);
	t.is(await terminal.foregroundCount(), 0, 'no stacktui process left');
	t.true(screen.includes(`stacktui: ${slowAbortLine}`));
	t.regex(screen, /EXIT=0/);
	t.true(gone < 5000, 'not the five minutes of the start period, nor up\'s own timeout');
});
