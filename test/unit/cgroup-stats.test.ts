import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {parseBlkioV1, parseIoStatV2, parseNetDev, parseProcStat, readKey} from '../../source/engine/cgroup-parse.js';
import {cgroupVersionOf, findCgroupFiles} from '../../source/engine/cgroup-paths.js';
import {CgroupStatsPool} from '../../source/engine/cgroup-stats.js';
import type {ContainerStatsSource} from '../../source/engine/stats-source.js';
import type {StatsSample} from '../../source/engine/types.js';

const fixtures = path.resolve('test/fixtures/cgroup');
const v1Id = 'f541375d1f99d90abf1ddac0aeeebf7b018e169bf3000c5371b7289a16d25198';
const v2Id = '7c1a3c9f0e5b4d2a8f6e1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e';

/** A copy of a fixture tree whose `.0` files (the earlier reading) are in place; `advance` moves to the later one. */
function fixtureHost(name: string): {root: string; advance: () => void; remove: () => void} {
	const root = mkdtempSync(path.join(tmpdir(), 'stt-cgroup-'));
	cpSync(path.join(fixtures, name), root, {recursive: true});
	const later = new Map<string, string>();
	for (const file of walk(root)) {
		if (!file.endsWith('.0')) continue;
		const current = file.slice(0, -2);
		renameSync(current, current + '.1');
		renameSync(file, current);
		later.set(current, current + '.1');
	}

	return {
		root,
		// Copy over the same file (same inode), as the kernel changes a file the reader keeps open.
		advance() {
			for (const [current, next] of later) writeFileSync(current, readFileSync(next));
		},
		remove: () => rmSync(root, {recursive: true, force: true}),
	};
}

function walk(directory: string): string[] {
	return readdirSync(directory).flatMap(name => {
		const file = path.join(directory, name);
		return statSync(file).isDirectory() ? walk(file) : [file];
	});
}

type RecordingSource = ContainerStatsSource & {readonly synced: string[][]};

/** A fallback reader that only records which ids it was asked to follow. */
function recordingFallback(): RecordingSource {
	const synced: string[][] = [];
	return {
		synced,
		sync(ids) {
			synced.push([...ids]);
		},
		openIds: [],
		apiIds: [],
		use() {},
		close() {},
	};
}

/** Runs the reader over a fixture host: the first read (no CPU % yet), then the later one. */
async function twoSamples(name: string, id: string): Promise<[StatsSample, StatsSample]> {
	const host = fixtureHost(name);
	const samples: StatsSample[] = [];
	const done = new Promise<void>(resolve => {
		const pool = new CgroupStatsPool(
			(sampledId, sample) => {
				if (sampledId !== id) return;
				samples.push(sample);
				if (samples.length === 1) host.advance();
				if (samples.length === 2) {
					pool.close();
					resolve();
				}
			},
			{fallback: recordingFallback(), intervalMs: 20, cgroupRoot: path.join(host.root, 'sys/fs/cgroup'), procRoot: path.join(host.root, 'proc')},
		);
		pool.sync([id]);
	});
	await done;
	host.remove();
	return [samples[0]!, samples[1]!];
}

test('cgroup v1 (captured, cgroupfs driver): CPU % from cpuacct.usage over /proc/stat, memory and the machine as limit, as the engine computes them', async t => {
	const [first, second] = await twoSamples('v1-cgroupfs', v1Id);
	t.is(first.cpuPercent, undefined, 'no previous reading: no CPU % yet, like a stream\'s first sample');
	// 13,006,176 ns of container CPU over 209 ticks (2.09 s) of system time on 2 CPUs.
	t.is(second.cpuPercent!.toFixed(4), ((13_006_176 / 2_090_000_000) * 2 * 100).toFixed(4));
	t.is(second.memoryBytes, 770_048, 'usage minus total_inactive_file (0 here)');
	t.is(second.memoryLimitBytes, 24_683_792 * 1024, 'no limit set (9223372036854771712): MemTotal, as the engine reports');
	t.is(second.pids, 3);
	t.is(second.blockReadBytes, 0);
});

test('cgroup v2 (kernel-doc formats, systemd driver): usage_usec, memory.current minus inactive_file, memory.max, io.stat', async t => {
	const [first, second] = await twoSamples('v2-systemd', v2Id);
	t.is(first.cpuPercent, undefined);
	t.is(first.memoryBytes, 268_435_456 - 104_857_600);
	// 0.5 s of container CPU over 700 ticks (7 s) of system time on 4 CPUs.
	t.is(second.cpuPercent!.toFixed(6), '28.571429');
	t.is(second.memoryBytes, 163_577_856, '260 MiB used minus 104 MiB inactive file');
	t.is(second.memoryLimitBytes, 536_870_912);
	t.is(second.memoryPercent.toFixed(4), '30.4688');
	t.is(second.blockReadBytes, 1_459_200 + 90_430_464);
	t.is(second.blockWriteBytes, 314_773_504 + 299_008_000);
	t.is(second.pids, 7);
	t.is(second.networkRxBytes, 0, 'no /proc entry for the process: no network numbers rather than wrong ones');
});

test('the cgroup version is told by cgroup.controllers at the mount root; both drivers\' layouts are found for v1 and v2', t => {
	const root = mkdtempSync(path.join(tmpdir(), 'stt-cgroup-layout-'));
	t.teardown(() => rmSync(root, {recursive: true, force: true}));
	t.is(cgroupVersionOf(root), 1);
	const make = (...parts: string[]) => {
		mkdirSync(path.join(root, ...parts.slice(0, -1)), {recursive: true});
		cpSync(path.join(fixtures, 'v2-systemd/proc/meminfo'), path.join(root, ...parts));
	};

	make('cpuacct', 'system.slice', 'docker-abc.scope', 'cpuacct.usage');
	make('memory', 'system.slice', 'docker-abc.scope', 'memory.stat');
	t.is(findCgroupFiles('abc', root)?.cpu, path.join(root, 'cpuacct/system.slice/docker-abc.scope/cpuacct.usage'));
	make('cgroup.controllers');
	t.is(cgroupVersionOf(root), 2);
	t.is(findCgroupFiles('abc', root), undefined, 'v2 has no per-controller folders');
	make('docker', 'def', 'cpu.stat');
	make('docker', 'def', 'memory.stat');
	t.is(findCgroupFiles('def', root)?.memoryUsage, path.join(root, 'docker/def/memory.current'));
	t.is(findCgroupFiles('ghi', root), undefined, 'an unknown container (rootless, custom cgroup parent) is not guessed');
});

test('a container whose cgroup files are not found is handed to the fallback reader', t => {
	const host = fixtureHost('v2-systemd');
	t.teardown(host.remove);
	const fallback = recordingFallback();
	const pool = new CgroupStatsPool(() => {}, {fallback, intervalMs: 1000, cgroupRoot: path.join(host.root, 'sys/fs/cgroup'), procRoot: path.join(host.root, 'proc')});
	pool.sync([v2Id, 'elsewhere']);
	pool.close();
	t.deepEqual(fallback.synced[0], ['elsewhere']);
});

test('/proc/stat: seven fields of the cpu line in ns (not steal or guest), and the cpuN lines as online CPUs', t => {
	t.deepEqual(parseProcStat('cpu  1 2 3 4 5 6 7 8000 9000 0\ncpu0 1 1 1 1 1 1 1\ncpu1 1 1 1 1 1 1 1\nintr 5\n'), {systemNanoseconds: 28 * 10_000_000, onlineCpus: 2});
	t.is(parseProcStat('intr 5\n'), undefined);
});

test('flat keys are found whole: inactive_file is not read from total_inactive_file, nor file from inactive_file', t => {
	const text = 'cache 1\ninactive_file 20\ntotal_inactive_file 300\nfile 4000\n';
	t.is(readKey(text, 'inactive_file'), 20);
	t.is(readKey(text, 'total_inactive_file'), 300);
	t.is(readKey(text, 'file'), 4000);
	t.is(readKey(text, 'cache'), 1);
	t.is(readKey(text, 'rss'), undefined);
});

test('block and network counters: v1 Read/Write lines, v2 rbytes/wbytes, every interface but lo', t => {
	t.deepEqual(parseBlkioV1('8:0 Read 4096\n8:0 Write 512\n8:0 Sync 4608\n8:0 Total 4608\nTotal 4608\n'), {read: 4096, write: 512});
	t.deepEqual(parseIoStatV2('8:16 rbytes=10 wbytes=20 rios=1 wios=1 dbytes=0 dios=0\n8:0 rbytes=1 wbytes=2 rios=1\n'), {read: 11, write: 22});
	const netDev = [
		'Inter-|   Receive                                                |  Transmit',
		' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
		'    lo:   99999      10    0    0    0     0          0         0    99999      10    0    0    0     0       0          0',
		'  eth0:    1500      12    0    0    0     0          0         0      700       8    0    0    0     0       0          0',
	].join('\n');
	t.deepEqual(parseNetDev(netDev), {rx: 1500, tx: 700});
});
