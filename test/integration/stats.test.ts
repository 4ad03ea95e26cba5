import test from 'ava';
import {hasFullSamples} from '../../source/stack/snapshot.js';
import {StackWatcher} from '../../source/stack/watcher.js';
import type {StatsSample} from '../../source/engine/types.js';
import {connectForTests, createService, dockerCli, newProjectName, removeProject} from '../helpers/engine.js';

const connection = await connectForTests();
const {docker} = connection;
const project = newProjectName('stats');
const mebibyte = 1024 * 1024;

test.after.always(async () => removeProject(docker, project));

type DockerStatsLine = {ID: string; CPUPerc: string; MemUsage: string};

const units: Record<string, number> = {B: 1, KiB: 1024, MiB: mebibyte, GiB: 1024 * mebibyte, TiB: 1024 * 1024 * mebibyte};

/** Parses docker's "64.2MiB / 256MiB" into bytes. */
function parseMemory(text: string): {usage: number; limit: number} {
	const [usage = 0, limit = 0] = text.split(' / ').map(part => {
		const match = /^([\d.]+)([KMGT]?i?B)$/.exec(part.trim());
		if (match === null) {
			throw new Error(`unexpected docker stats memory "${part}"`);
		}

		return Number(match[1]) * (units[match[2] ?? ''] ?? Number.NaN);
	});
	return {usage, limit};
}

test('CPU % and memory agree with docker stats for a busy, an idle and a memory-holding container', async t => {
	const busy = await createService(docker, {project, service: 'busy', command: ['burn'], cpus: 0.5});
	const idle = await createService(docker, {project, service: 'idle'});
	const holder = await createService(docker, {project, service: 'holder', command: ['hold', '64'], memoryBytes: 256 * mebibyte});
	const watcher = new StackWatcher(docker, project);
	t.teardown(() => watcher.stop());
	watcher.start();
	t.truthy(await watcher.waitFor(state => state.isListed && state.stats.size === 3 && hasFullSamples(state), 10_000));
	// Let the busy loop settle under its CPU quota before comparing.
	await new Promise(resolve => setTimeout(resolve, 3000));

	// docker stats --no-stream reads two samples over about two seconds: keep ours from the same window.
	const ours = new Map<string, StatsSample[]>();
	const unsubscribe = watcher.subscribe(state => {
		for (const [id, sample] of state.stats) {
			const samples = ours.get(id) ?? [];
			if (samples.at(-1) !== sample) {
				ours.set(id, [...samples, sample]);
			}
		}
	});
	const output = await dockerCli(['stats', '--no-stream', '--no-trunc', '--format', '{{json .}}', busy.id, idle.id, holder.id]);
	unsubscribe();
	const theirs = new Map(
		output
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as DockerStatsLine)
			.map(line => [line.ID, line]),
	);

	for (const [label, id] of [['busy', busy.id], ['idle', idle.id], ['holder', holder.id]] as const) {
		const reference = theirs.get(id);
		const samples = ours.get(id) ?? [];
		const last = samples.at(-1) ?? watcher.state.stats.get(id);
		t.truthy(reference, `${label}: docker stats reported it`);
		t.truthy(last, `${label}: we have a sample`);
		if (reference === undefined || last === undefined) {
			continue;
		}

		// The engine hands every reader of a container the same samples: one of ours is the one docker printed.
		const cpu = Number.parseFloat(reference.CPUPerc);
		const memory = parseMemory(reference.MemUsage);
		const window = samples.length > 0 ? samples : [last];
		const cpuGap = Math.min(...window.map(sample => Math.abs((sample.cpuPercent ?? -100) - cpu)));
		const memoryGap = Math.min(...window.map(sample => Math.abs(sample.memoryBytes - memory.usage)));
		t.log(`${label}: docker ${reference.CPUPerc} ${reference.MemUsage}; ours ${window.map(sample => `${sample.cpuPercent?.toFixed(2)} % ${sample.memoryBytes} B`).join(', ')}`);
		t.true(cpuGap <= 2, `${label}: CPU within 2 points of docker's ${cpu} % (gap ${cpuGap})`);
		t.true(memoryGap <= memory.usage * 0.01, `${label}: memory within 1 % of docker's ${memory.usage} B (gap ${memoryGap})`);
		t.true(Math.abs(last.memoryLimitBytes - memory.limit) <= memory.limit * 0.001, `${label}: limit`);
	}

	const busySample = watcher.state.stats.get(busy.id);
	// Under a loaded CI machine the loop may get less than its quota, never more.
	t.true((busySample?.cpuPercent ?? 0) > 5 && (busySample?.cpuPercent ?? 100) < 56, 'a 0.5-CPU busy loop shows at most about 50 %');
	const holderSample = watcher.state.stats.get(holder.id);
	t.true((holderSample?.memoryBytes ?? 0) > 64 * mebibyte && (holderSample?.memoryBytes ?? 0) < 80 * mebibyte, 'hold 64 shows 64–80 MiB');
	t.is(holderSample?.memoryLimitBytes, 256 * mebibyte);
});
