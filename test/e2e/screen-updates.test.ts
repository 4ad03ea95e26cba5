import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {connectForTests, createService, dockerCli, newProjectName, removeProject, testImage} from '../helpers/engine.js';
import {TmuxTerminal} from '../helpers/tmux.js';

// The dashboard draws only the lines that changed (source/ui/frame-writer.ts): every change of a
// value must still reach the real terminal, up and down, longer and shorter, across a resize.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const {docker} = await connectForTests();
const project = newProjectName('screen');
const directory = mkdtempSync(path.join(tmpdir(), 'stt-screen-'));
const profile = path.join(directory, 'profile.yaml');
const trace = path.join(directory, 'trace.txt');
const terminal = new TmuxTerminal(120, 30);

test.before(async () => {
	writeFileSync(path.join(directory, 'compose.yml'), `services:\n  grower:\n    image: ${testImage}\n  steady:\n    image: ${testImage}\n`);
	writeFileSync(profile, `name: screen\nproject: ${project}\ncompose: compose.yml\nrefresh: 500ms\n`);
	await createService(docker, {project, service: 'grower'});
	await createService(docker, {project, service: 'steady'});
	await terminal.start({TERM: 'xterm-256color', STACKTUI_TRACE: trace});
	await terminal.type(`cd ${root} && node --import=tsx source/bin.ts ${profile}`);
	await terminal.enter();
});

test.after.always(async () => {
	await terminal.stop();
	await removeProject(docker, project);
	rmSync(directory, {recursive: true, force: true});
});

function rowOf(screen: string, service: string): string {
	return screen.split('\n').find(line => new RegExp(`^[> ] ${service}\\s`).test(line)) ?? '';
}

/** The grower's memory as the screen shows it, in MiB (KiB and B count as under 1). */
function memoryShown(screen: string): number | undefined {
	const match = /\s(\d+(?:\.\d+)?)(MiB|KiB|B)\b/.exec(rowOf(screen, 'grower'));
	if (match === null) return undefined;
	return match[2] === 'MiB' ? Number(match[1]) : 0.5;
}

test.serial('memory going up and down always reaches the screen, across a resize', async t => {
	const id = (await dockerCli(['ps', '-q', '--no-trunc', '--filter', `label=com.docker.compose.project=${project}`, '--filter', 'label=com.docker.compose.service=grower'])).trim();
	await terminal.waitFor(text => (memoryShown(text) ?? 99) < 5, 30_000, 'the grower row with its idle memory');
	for (const [round, mebibytes] of [40, 24, 56].entries()) {
		await dockerCli(['exec', '-d', id, 'sh', '-c', `echo $$ > /tmp/hold.pid; exec hold ${mebibytes}`]);
		const screen = await terminal.waitFor(text => Math.abs((memoryShown(text) ?? 0) - mebibytes) < 6, 15_000, `about ${mebibytes} MiB on screen (round ${round})`);
		t.regex(rowOf(screen, 'steady'), /steady\s+running/, 'the unchanged row is still drawn');
		await dockerCli(['exec', id, 'sh', '-c', 'kill $(cat /tmp/hold.pid)']);
		await terminal.waitFor(text => (memoryShown(text) ?? 99) < 5, 15_000, `the memory back down (round ${round})`);
		if (round === 1) await terminal.resize(100, 25);
	}

	const lines = readFileSync(trace, 'utf8').trim().split('\n');
	t.true(lines.some(line => line.startsWith('frame ')), 'STACKTUI_TRACE records frames');
});
