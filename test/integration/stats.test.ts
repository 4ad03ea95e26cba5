import test from 'ava';
import {hasFullSamples} from '../../source/stack/snapshot.js';
import {StackWatcher} from '../../source/stack/watcher.js';
import type {StatsSample} from '../../source/engine/types.js';
import {connectForTests, createService, newProjectName, removeProject} from '../helpers/engine.js';
import {referenceStats} from '../helpers/reference-stats.js';

const connection = await connectForTests();
const {docker} = connection;
const project = newProjectName('stats');
const mebibyte = 1024 * 1024;

test.after.always(async () => removeProject(docker, project));

test('CPU % and memory agree with docker stats (podman stats on Podman) for a busy, an idle and a memory-holding container', async t => {
	const busy = await createService(docker, {project, service: 'busy', command: ['burn'], cpus: 0.5});
	const idle = await createService(docker, {project, service: 'idle'});
	const holder = await createService(docker, {project, service: 'holder', command: ['hold', '64'], memoryBytes: 256 * mebibyte});
	const watcher = new StackWatcher(docker, project);
	t.teardown(() => watcher.stop());
	// Every sample since the start: podman stats --no-stream shows CPU averaged since the container started.
	const sinceStart = new Map<string, StatsSample[]>();
	watcher.subscribe(state => {
		for (const [id, sample] of state.stats) {
			const samples = sinceStart.get(id) ?? [];
			if (samples.at(-1) !== sample) sinceStart.set(id, [...samples, sample]);
		}
	});
	watcher.start();
	t.truthy(await watcher.waitFor(state => state.isListed && state.stats.size === 3 && hasFullSamples(state), 10_000));
	// Let the busy loop settle under its CPU quota before comparing.
	const isAverageSinceStart = connection.capabilities.product === 'Podman';
	await new Promise(resolve => setTimeout(resolve, isAverageSinceStart ? 10_000 : 3000));

	// docker stats --no-stream reads two samples over about two seconds (podman stats one): keep ours from the same window.
	const ours = new Map<string, StatsSample[]>();
	const unsubscribe = watcher.subscribe(state => {
		for (const [id, sample] of state.stats) {
			const samples = ours.get(id) ?? [];
			if (samples.at(-1) !== sample) {
				ours.set(id, [...samples, sample]);
			}
		}
	});
	const theirs = await referenceStats(connection, [busy.id, idle.id, holder.id]);
	unsubscribe();
	// Podman: the mean of our 1-second samples since the start (its first second missing) against its average since the start.
	const cpuTolerance = isAverageSinceStart ? 3 : 2;

	for (const [label, id] of [['busy', busy.id], ['idle', idle.id], ['holder', holder.id]] as const) {
		const reference = theirs.get(id);
		const samples = ours.get(id) ?? [];
		const last = samples.at(-1) ?? watcher.state.stats.get(id);
		t.truthy(reference, `${label}: the engine's CLI reported it`);
		t.truthy(last, `${label}: we have a sample`);
		if (reference === undefined || last === undefined) {
			continue;
		}

		// The engine hands every reader of a container the same samples: one of ours is the one docker printed.
		const cpu = reference.cpuPercent;
		const memory = {usage: reference.memoryBytes, limit: reference.memoryLimitBytes};
		const window = samples.length > 0 ? samples : [last];
		const cpuGap = isAverageSinceStart ? Math.abs(meanCpu(sinceStart.get(id) ?? []) - cpu) : Math.min(...window.map(sample => Math.abs((sample.cpuPercent ?? -100) - cpu)));
		const memoryGap = Math.min(...window.map(sample => Math.abs(sample.memoryBytes - memory.usage)));
		t.log(`${label}: CLI ${reference.text}; ours${isAverageSinceStart ? ` (mean since the start ${meanCpu(sinceStart.get(id) ?? []).toFixed(2)} %)` : ''} ${window.map(sample => `${sample.cpuPercent?.toFixed(2)} % ${sample.memoryBytes} B`).join(', ')}`);
		t.true(cpuGap <= cpuTolerance, `${label}: CPU within ${cpuTolerance} points of the CLI's ${cpu} % (gap ${cpuGap})`);
		t.true(memoryGap <= memory.usage * 0.01, `${label}: memory within 1 % of the CLI's ${memory.usage} B (gap ${memoryGap})`);
		t.true(Math.abs(last.memoryLimitBytes - memory.limit) <= memory.limit * 0.001, `${label}: limit`);
	}

	const busySample = watcher.state.stats.get(busy.id);
	// Under a loaded CI machine the loop may get less than its quota, never more.
	t.true((busySample?.cpuPercent ?? 0) > 5 && (busySample?.cpuPercent ?? 100) < 56, 'a 0.5-CPU busy loop shows at most about 50 %');
	const holderSample = watcher.state.stats.get(holder.id);
	t.true((holderSample?.memoryBytes ?? 0) > 64 * mebibyte && (holderSample?.memoryBytes ?? 0) < 80 * mebibyte, 'hold 64 shows 64–80 MiB');
	t.is(holderSample?.memoryLimitBytes, 256 * mebibyte);
});

function meanCpu(samples: readonly StatsSample[]): number {
	const values = samples.map(sample => sample.cpuPercent).filter((value): value is number => value !== undefined);
	return values.length === 0 ? Number.NaN : values.reduce((total, value) => total + value, 0) / values.length;
}
