import test, {type ExecutionContext} from 'ava';
import {hasFullSamples} from '../../source/stack/snapshot.js';
import {StackWatcher} from '../../source/stack/watcher.js';
import type {StatsReader, StatsSourceOptions} from '../../source/engine/stats-source.js';
import type {StatsSample} from '../../source/engine/types.js';
import {connectForTests, createService, dockerCli, newProjectName, removeProject} from '../helpers/engine.js';

const connection = await connectForTests();
const {docker} = connection;
const project = newProjectName('readers');
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

/** The three containers, made once and shared by both readers' tests (which run one after the other). */
const made = (async () => {
	const busy = await createService(docker, {project, service: 'busy', command: ['burn'], cpus: 0.5});
	const idle = await createService(docker, {project, service: 'idle'});
	const holder = await createService(docker, {project, service: 'holder', command: ['hold', '64'], memoryBytes: 256 * mebibyte});
	// Page cache: 48 MiB written to a file, part of it inactive, which docker stats leaves out.
	const cache = await createService(docker, {project, service: 'cache', command: ['sh', '-c', 'dd if=/dev/zero of=/tmp/fill bs=1M count=48 2>/dev/null; exec idle']});
	return {busy, idle, holder, cache};
})();

const cgroupOptions = {reader: 'cgroup', capabilities: {canReadCgroups: true}} as const;

// The API reader against the CLI is test/integration/stats.test.ts (Docker and Podman); here the cgroup reader.
for (const [reader, options] of [['cgroup', cgroupOptions]] as const) {
	test.serial(`${reader} reader: CPU % and memory agree with docker stats for a busy, an idle, a memory-holding and a page-cache container`, async t => {
		await compareWithDockerStats(t, reader, options);
	});
}

test.serial('the cgroup reader agrees with the API reader at the same moment, and opens no engine stats stream', async t => {
	const {busy, idle, holder, cache} = await made;
	const api = new StackWatcher(docker, project, {stats: {reader: 'api'}});
	const cgroup = new StackWatcher(docker, project, {stats: cgroupOptions});
	t.teardown(() => {
		api.stop();
		cgroup.stop();
	});
	api.start();
	cgroup.start();
	for (const watcher of [api, cgroup]) t.truthy(await watcher.waitFor(state => state.isListed && state.stats.size === 4 && hasFullSamples(state), 15_000));
	t.deepEqual(cgroup.statsApiIds, [], 'every container is read from its cgroup files here (Docker, cgroup v1, cgroupfs)');
	t.is(api.statsApiIds.length, 4);
	await new Promise(resolve => setTimeout(resolve, 2000));
	// One-second CPU samples of a quota-limited loop swing on a loaded machine, and the readers sample
	// at different moments: compare their means over the same 6 s.
	const cpuSeen = new Map<StackWatcher, Map<string, number[]>>([[api, new Map()], [cgroup, new Map()]]);
	const stops = [api, cgroup].map(watcher =>
		watcher.subscribe(state => {
			for (const [id, sample] of state.stats) {
				const list = cpuSeen.get(watcher)!.get(id) ?? [];
				if (sample.cpuPercent !== undefined) cpuSeen.get(watcher)!.set(id, [...list, sample.cpuPercent]);
			}
		}),
	);
	await new Promise(resolve => setTimeout(resolve, 6000));
	for (const stop of stops) stop();
	const mean = (watcher: StackWatcher, id: string) => {
		const values = cpuSeen.get(watcher)!.get(id) ?? [];
		return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
	};

	for (const [label, id] of [['busy', busy.id], ['idle', idle.id], ['holder', holder.id], ['cache', cache.id]] as const) {
		const fromApi = api.state.stats.get(id)!;
		const fromCgroup = cgroup.state.stats.get(id)!;
		const [apiCpu, cgroupCpu] = [mean(api, id), mean(cgroup, id)];
		t.log(`${label}: api ${apiCpu.toFixed(2)} % ${fromApi.memoryBytes} B / ${fromApi.memoryLimitBytes}; cgroup ${cgroupCpu.toFixed(2)} % ${fromCgroup.memoryBytes} B / ${fromCgroup.memoryLimitBytes}`);
		t.true(Math.abs(apiCpu - cgroupCpu) <= 5, `${label}: mean CPU within 5 points`);
		t.true(Math.abs(fromApi.memoryBytes - fromCgroup.memoryBytes) <= fromApi.memoryBytes * 0.01, `${label}: memory within 1 %`);
		t.is(fromCgroup.memoryLimitBytes, fromApi.memoryLimitBytes, `${label}: limit`);
		t.is(fromCgroup.pids, fromApi.pids, `${label}: pids`);
	}
});

async function compareWithDockerStats(t: ExecutionContext, reader: StatsReader, options: StatsSourceOptions): Promise<void> {
	const {busy, idle, holder, cache} = await made;
	const watcher = new StackWatcher(docker, project, {stats: options});
	t.teardown(() => watcher.stop());
	watcher.start();
	t.truthy(await watcher.waitFor(state => state.isListed && state.stats.size === 4 && hasFullSamples(state), 15_000));
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
	const output = await dockerCli(['stats', '--no-stream', '--no-trunc', '--format', '{{json .}}', busy.id, idle.id, holder.id, cache.id]);
	unsubscribe();
	const theirs = new Map(
		output
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as DockerStatsLine)
			.map(line => [line.ID, line]),
	);

	for (const [label, id] of [['busy', busy.id], ['idle', idle.id], ['holder', holder.id], ['cache', cache.id]] as const) {
		const reference = theirs.get(id);
		const samples = ours.get(id) ?? [];
		const last = samples.at(-1) ?? watcher.state.stats.get(id);
		t.truthy(reference, `${label}: docker stats reported it`);
		t.truthy(last, `${label}: we have a sample`);
		if (reference === undefined || last === undefined) {
			continue;
		}

		// The API reader gets the very samples docker printed; the cgroup reader reads its own moments, a second apart.
		const cpu = Number.parseFloat(reference.CPUPerc);
		const memory = parseMemory(reference.MemUsage);
		const window = samples.length > 0 ? samples : [last];
		// docker stats --no-stream measures over about two seconds: two of the cgroup reader's one-second
		// samples cover the same span, so their mean is a candidate too (a quota-limited loop swings a lot
		// from one second to the next on a loaded machine).
		const cpus = window.map(sample => sample.cpuPercent ?? -100);
		const candidates = reader === 'api' ? cpus : [...cpus, ...cpus.slice(1).map((value, index) => (value + cpus[index]!) / 2)];
		const cpuGap = Math.min(...candidates.map(value => Math.abs(value - cpu)));
		const memoryGap = Math.min(...window.map(sample => Math.abs(sample.memoryBytes - memory.usage)));
		t.log(`${reader} ${label}: docker ${reference.CPUPerc} ${reference.MemUsage}; ours ${window.map(sample => `${sample.cpuPercent?.toFixed(2)} % ${sample.memoryBytes} B`).join(', ')}`);
		const cpuTolerance = reader === 'api' ? 2 : 5;
		t.true(cpuGap <= cpuTolerance, `${label}: CPU within ${cpuTolerance} points of docker's ${cpu} % (gap ${cpuGap})`);
		// The cgroup reader's moments are not docker's: a page-cache container's inactive_file moves by a few
		// pages between them (53 KB of 2 MB once, under load), so it gets 64 KiB besides the 1 %.
		const memoryTolerance = memory.usage * 0.01 + (reader === 'api' ? 0 : 64 * 1024);
		t.true(memoryGap <= memoryTolerance, `${label}: memory within 1 %${reader === 'api' ? '' : ' + 64 KiB'} of docker's ${memory.usage} B (gap ${memoryGap})`);
		t.true(Math.abs(last.memoryLimitBytes - memory.limit) <= memory.limit * 0.001, `${label}: limit`);
	}

	const busySample = watcher.state.stats.get(busy.id);
	// Under a loaded CI machine the loop may get less than its quota, never more.
	t.true((busySample?.cpuPercent ?? 0) > 5 && (busySample?.cpuPercent ?? 100) < 56, 'a 0.5-CPU busy loop shows at most about 50 %');
	const holderSample = watcher.state.stats.get(holder.id);
	t.true((holderSample?.memoryBytes ?? 0) > 64 * mebibyte && (holderSample?.memoryBytes ?? 0) < 80 * mebibyte, 'hold 64 shows 64–80 MiB');
	t.is(holderSample?.memoryLimitBytes, 256 * mebibyte);
	const cacheSample = watcher.state.stats.get(cache.id);
	t.true((cacheSample?.memoryBytes ?? Number.POSITIVE_INFINITY) < 48 * mebibyte, 'the inactive part of the written file is not counted');
}
