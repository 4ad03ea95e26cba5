import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {DemoStack} from '../helpers/demo-stack.js';
import {rowOf, selectRow as selectRowOf} from '../helpers/dashboard-screen.js';
import {connectForTests, dockerCli} from '../helpers/engine.js';
import {TmuxTerminal} from '../helpers/tmux.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const {docker} = await connectForTests();
const demo = new DemoStack(24_080);
const terminal = new TmuxTerminal(120, 40);

test.before(async () => {
	const up = await runCli(['up', '--profile', demo.profile, '--project', demo.project], demo.environment);
	if (up.code !== 0) throw new Error(`stacktui up failed:\n${up.stdout}\n${up.stderr}`);
	await terminal.start({...demo.environment, TERM: 'xterm-256color'});
	await terminal.type('echo BEFORE-STACKTUI');
	await terminal.enter();
	await terminal.type(`cd ${root} && node --import=tsx source/bin.ts --profile ${demo.profile} --project ${demo.project}`);
	await terminal.enter();
});

test.after.always(async () => {
	await terminal.stop();
	await demo.remove(docker);
});

const services = ['api', 'cache', 'db', 'ngrok', 'web', 'worker'];

const selectRow = async (service: string) => selectRowOf(terminal, services, service);

test.serial('every service shows as a row with live numbers', async t => {
	const screen = await terminal.waitFor(
		text => services.every(service => /\d+\.\d\d%/.test(rowOf(text, service))) && /soak 00:00:\d\d/.test(text),
		30_000,
		'a row with a CPU value for every service',
	);
	t.regex(screen, /stacktui\s+demo/);
	t.regex(rowOf(screen, 'db'), /healthy/);
	t.regex(rowOf(screen, 'web'), /\/ 32MiB/, 'memory against the budget');
});

test.serial('r restarts the selected service: restarting…, a new StartedAt, then healthy again', async t => {
	const id = await demo.containerOf(docker, 'web');
	const before = (await dockerCli(['inspect', '-f', '{{.State.StartedAt}}', id])).trim();
	await selectRow('web');
	await terminal.keys('r');
	await terminal.waitFor(text => rowOf(text, 'web').includes('restarting…'), 5000, 'the row to say restarting…');
	await terminal.waitFor(text => /running\s+✓ healthy/.test(rowOf(text, 'web')), 20_000, 'web healthy after the restart');
	const after = (await dockerCli(['inspect', '-f', '{{.State.StartedAt}}', id])).trim();
	t.not(after, before);
});

test.serial('l shows lines the container printed after the restart', async t => {
	const id = await demo.containerOf(docker, 'worker');
	await selectRow('worker');
	await terminal.keys('r');
	await terminal.waitFor(text => rowOf(text, 'worker').includes('running'), 10_000, 'worker running again');
	await terminal.keys('l');
	await terminal.waitFor(/Logs: worker/, 5000, 'the log pane');
	const marker = `marker-${Date.now()}`;
	await dockerCli(['exec', id, 'sh', '-c', `echo ${marker} > /proc/1/fd/1`]);
	const screen = await terminal.waitFor(text => text.includes(marker), 10_000, 'the line printed after the restart');
	t.true(screen.includes('worker: stopping after'), 'the line printed while stopping is kept');
	await terminal.keys('l');
	await terminal.waitFor(text => !text.includes('Logs: worker'), 5000, 'the log pane to close');
});

test.serial('t shows the URL served by the ngrok stand-in', async t => {
	const answer = await fetch(`http://127.0.0.1:${demo.ports['ngrok']}/api/tunnels`);
	const body = (await answer.json()) as {tunnels: Array<{public_url: string}>};
	const url = body.tunnels.find(tunnel => tunnel.public_url.startsWith('https://'))?.public_url ?? '';
	t.regex(url, /^https:\/\//);
	await terminal.keys('t');
	const screen = await terminal.waitFor(text => text.includes(url) && /online/.test(text), 20_000, 'the tunnel URL in the panel');
	t.true(screen.split('\n')[0]?.includes('demo') ?? false);
	await terminal.keys('Escape');
});

test.serial('a service pushed over its memory budget is flagged and warned about', async t => {
	const id = await demo.containerOf(docker, 'cache');
	await dockerCli(['exec', id, 'sh', '-c', 'echo 96 > /tmp/grow']);
	await terminal.waitFor(text => /over/.test(rowOf(text, 'cache')), 30_000, 'cache over its budget');
	await terminal.keys('w');
	const screen = await terminal.waitFor(text => /memory\s+cache\s+\d\d:\d\d:\d\d.*active/.test(text), 30_000, 'the warning after the sustain time');
	t.regex(screen, /[1-9] warnings?/);
	await dockerCli(['exec', id, 'rm', '-f', '/tmp/grow']);
	await terminal.keys('Escape');
});

test.serial('e opens a shell in the service and comes back to the dashboard', async t => {
	await selectRow('web');
	await terminal.keys('e');
	await terminal.waitFor(text => !text.includes('SERVICE'), 10_000, 'the shell instead of the dashboard');
	await terminal.type('echo INSIDE-$(cat /etc/hostname | cut -c1-4)-$((6 * 7))');
	await terminal.enter();
	const id = await demo.containerOf(docker, 'web');
	await terminal.waitFor(text => text.includes(`INSIDE-${id.slice(0, 4)}-42`), 10_000, 'the command to run inside the container');
	await terminal.type('exit');
	await terminal.enter();
	const screen = await terminal.waitFor(text => text.includes('SERVICE') && text.includes('back from the shell'), 10_000, 'the dashboard again');
	t.regex(rowOf(screen, 'web'), /running/);
	t.is(await terminal.paneValue('#{alternate_on}'), '1');
});

test.serial('the layout follows a resize: columns drop at 80×24 and come back', async t => {
	await terminal.waitFor(/SERVICE.*PORTS/, 5000, 'the ports column at 120 columns');
	await terminal.resize(80, 24);
	const narrow = await terminal.waitFor(text => /SERVICE/.test(text) && !/PORTS/.test(text), 5000, 'the narrow layout');
	t.true(narrow.split('\n').every(line => [...line].length <= 80));
	t.regex(rowOf(narrow, 'web'), /running/);
	await terminal.resize(120, 40);
	await terminal.waitFor(/SERVICE.*PORTS/, 5000, 'the ports column back');
});

test.serial('q leaves the terminal as it was', async t => {
	await terminal.keys('q');
	const screen = await terminal.waitFor(/BEFORE-STACKTUI/, 10_000, 'the shell screen back');
	t.false(screen.includes('SERVICE'), 'no dashboard left on the screen');
	t.is(await terminal.paneValue('#{alternate_on}'), '0');
	t.is(await terminal.paneValue('#{cursor_flag}'), '1');
	await terminal.type('echo AFTER-$((40 + 2))');
	await terminal.enter();
	await terminal.waitFor(/AFTER-42/, 5000, 'the shell to echo typed input (raw mode off)');
});

test.serial('SIGTERM also restores the terminal', async t => {
	await terminal.type(`node --import=tsx source/bin.ts --profile ${demo.profile} --project ${demo.project} --read-only`);
	await terminal.enter();
	await terminal.waitFor(text => /read-only/.test(text) && /\d+\.\d\d%/.test(rowOf(text, 'web')), 30_000, 'the dashboard');
	await terminal.keys('r');
	await terminal.waitFor(/read-only: restart the service is disabled/, 5000, 'the read-only refusal');
	t.is(await terminal.signalForeground('SIGTERM'), 1, 'stacktui is the one program the shell runs');
	const screen = await terminal.waitFor(/AFTER-42/, 10_000, 'the shell screen back');
	t.false(screen.includes('SERVICE'));
	t.is(await terminal.paneValue('#{alternate_on}'), '0');
	t.is(await terminal.paneValue('#{cursor_flag}'), '1');
});
