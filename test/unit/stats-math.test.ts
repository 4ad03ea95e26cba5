import {readFileSync} from 'node:fs';
import test from 'ava';
import {NdjsonParser} from '../../source/engine/ndjson.js';
import {
	calculateCpuPercent,
	calculateMemoryBytes,
	formatBytes,
	formatDecimalBytes,
	formatPercent,
	type StatsPayload,
	toStatsSample,
} from '../../source/engine/stats-math.js';

type Fixture = {payload: StatsPayload; dockerStats?: Record<string, string>};

function load(name: string): Fixture {
	return JSON.parse(readFileSync(new URL(`../fixtures/stats/${name}.json`, import.meta.url), 'utf8')) as Fixture;
}

test('cgroup v1 busy container: CPU from deltas × online_cpus, memory minus total_inactive_file', t => {
	const sample = toStatsSample(load('cgroup-v1-busy').payload);
	t.deepEqual(sample, {
		read: '2026-11-22T03:08:45.253994427Z',
		cpuPercent: ((7_991_094_232 - 7_488_586_946) / (485_580_000_000 - 483_580_000_000)) * 2 * 100,
		memoryBytes: 561_152 - 0,
		memoryLimitBytes: 25_276_063_744,
		memoryPercent: (561_152 / 25_276_063_744) * 100,
		networkRxBytes: 0,
		networkTxBytes: 0,
		blockReadBytes: 0,
		blockWriteBytes: 0,
		pids: 1,
	});
	// The docker stats line captured next to this payload printed the same strings.
	t.is(formatPercent(sample.cpuPercent ?? Number.NaN), '50.25%');
	t.is(`${formatBytes(sample.memoryBytes)} / ${formatBytes(sample.memoryLimitBytes)}`, '548KiB / 23.54GiB');
});

test('cgroup v1 idle container: no CPU delta gives 0, network summed from eth0', t => {
	const sample = toStatsSample(load('cgroup-v1-idle').payload);
	t.is(sample.cpuPercent, 0);
	t.is(sample.memoryBytes, 634_880);
	t.is(sample.networkRxBytes, 1236);
	t.is(sample.networkTxBytes, 0);
	t.is(`${formatDecimalBytes(sample.networkRxBytes)} / ${formatDecimalBytes(sample.networkTxBytes)}`, '1.24kB / 0B');
});

test('cgroup v1 memory-holding container: page cache is not counted', t => {
	const sample = toStatsSample(load('cgroup-v1-memory').payload);
	t.is(sample.memoryBytes, 82_251_776 - 20_971_520);
	t.is(sample.memoryLimitBytes, 268_435_456);
	t.is(sample.memoryPercent, ((82_251_776 - 20_971_520) / 268_435_456) * 100);
	t.is(sample.pids, 2);
	t.is(formatBytes(sample.memoryBytes), '58.44MiB');
	t.is(formatPercent(sample.memoryPercent), '22.83%');
});

test('first sample of a stream has no CPU % but everything else', t => {
	const sample = toStatsSample(load('cgroup-v1-first-sample').payload);
	t.is(sample.cpuPercent, undefined);
	t.is(sample.memoryBytes, 561_152);
	t.is(sample.pids, 1);
});

test('cgroup v2 payload: inactive_file, CPU without percpu_usage, several networks and devices', t => {
	const sample = toStatsSample(load('cgroup-v2-documented').payload);
	t.is(sample.cpuPercent, ((425_000_000 - 400_000_000) / (739_310_590_000_000 - 739_306_590_000_000)) * 4 * 100);
	t.is(sample.memoryBytes, 74_031_104 - 16_777_216);
	t.is(sample.memoryPercent, ((74_031_104 - 16_777_216) / 268_435_456) * 100);
	t.is(sample.networkRxBytes, 5338 + 4641);
	t.is(sample.networkTxBytes, 648 + 690);
	t.is(sample.blockReadBytes, 7_340_032 + 4096);
	t.is(sample.blockWriteBytes, 1_048_576 + 0);
	t.is(sample.pids, 3);
	t.is(formatPercent(sample.cpuPercent ?? Number.NaN), '2.50%');
	t.is(formatBytes(sample.memoryBytes), '54.6MiB');
});

test('memory: cgroup v1 key wins, then v2 key, then raw usage', t => {
	t.is(calculateMemoryBytes({usage: 10_000, stats: {total_inactive_file: 1000, inactive_file: 5000}}), 9000);
	// total_inactive_file not below usage: docker/cli falls through to inactive_file.
	t.is(calculateMemoryBytes({usage: 1000, stats: {total_inactive_file: 2000, inactive_file: 300}}), 700);
	t.is(calculateMemoryBytes({usage: 1000, stats: {inactive_file: 1000}}), 1000);
	t.is(calculateMemoryBytes({usage: 1000, stats: {inactive_file: 4000}}), 1000);
	t.is(calculateMemoryBytes({usage: 1000}), 1000);
	t.is(calculateMemoryBytes(undefined), 0);
});

test('CPU: percpu_usage length replaces a missing or zero online_cpus', t => {
	const cpu = {total_usage: 300, percpu_usage: [100, 100, 50, 50]};
	const previous = {cpu_usage: {total_usage: 100}, system_cpu_usage: 1000};
	t.is(calculateCpuPercent({cpu_stats: {cpu_usage: cpu, system_cpu_usage: 2000, online_cpus: 0}, precpu_stats: previous}), (200 / 1000) * 4 * 100);
	t.is(calculateCpuPercent({cpu_stats: {cpu_usage: cpu, system_cpu_usage: 2000}, precpu_stats: previous}), 80);
	t.is(calculateCpuPercent({cpu_stats: {cpu_usage: cpu, system_cpu_usage: 2000, online_cpus: 2}, precpu_stats: previous}), 40);
});

test('CPU: a delta that is not positive gives 0', t => {
	const previous = {cpu_usage: {total_usage: 500}, system_cpu_usage: 1000};
	t.is(calculateCpuPercent({cpu_stats: {cpu_usage: {total_usage: 400}, system_cpu_usage: 2000, online_cpus: 2}, precpu_stats: previous}), 0);
	t.is(calculateCpuPercent({cpu_stats: {cpu_usage: {total_usage: 900}, system_cpu_usage: 1000, online_cpus: 2}, precpu_stats: previous}), 0);
});

test('block IO by the first letter of op, null lists, no limit, no networks', t => {
	const entries = [
		{op: 'Read', value: 100},
		{op: 'Write', value: 20},
		{op: 'Sync', value: 120},
		{op: 'Async', value: 0},
		{op: 'Total', value: 120},
		{op: 'read', value: 1},
		{op: 'write', value: 2},
	];
	const sample = toStatsSample({blkio_stats: {io_service_bytes_recursive: entries}, memory_stats: {usage: 50}});
	t.is(sample.blockReadBytes, 100 + 1);
	t.is(sample.blockWriteBytes, 20 + 2);
	t.is(sample.memoryPercent, 0);
	t.is(sample.networkRxBytes, 0);
	t.is(toStatsSample({blkio_stats: {io_service_bytes_recursive: null}}).blockReadBytes, 0);
});

test('NDJSON parser joins split chunks and splits joined ones', t => {
	const parser = new NdjsonParser();
	const text = '{"a":1,"name":"é"}\n{"a":2}\n{"a":3}\n';
	const bytes = Buffer.from(text);
	const cut = bytes.indexOf(0xA9); // Inside the two bytes of "é".
	t.deepEqual(parser.push(bytes.subarray(0, cut)), []);
	t.deepEqual(parser.push(bytes.subarray(cut)), [{a: 1, name: 'é'}, {a: 2}, {a: 3}]);
	t.deepEqual(parser.push('{"a"'), []);
	t.deepEqual(parser.push(':4}\n{"a":5}\n{"a":'), [{a: 4}, {a: 5}]);
	t.deepEqual(parser.push('6}'), []);
	t.deepEqual(parser.end(), [{a: 6}]);
});

test('NDJSON parser skips garbage, non-objects and oversized lines', t => {
	const parser = new NdjsonParser(20);
	t.deepEqual(parser.push('not json\n[1]\n42\n\n{"ok":1}\n'), [{ok: 1}]);
	t.deepEqual(parser.push('{"long":"aaaaaaaaaa'), []);
	t.deepEqual(parser.push('aaaaaaaaaaaaaaaaaaaaaaaaaaaa'), []);
	t.deepEqual(parser.push('"}\n{"ok":2}\n'), [{ok: 2}]);
	t.deepEqual(parser.push('{"too":"long in one chunk"}\n{"ok":3}\n'), [{ok: 3}]);
	// The tail of a dropped line is not a line of its own.
	t.deepEqual(parser.push('x'.repeat(25)), []);
	t.deepEqual(parser.push('{"tail":1}\n{"ok":4}\n'), [{ok: 4}]);
});

test('bytes formatted as go-units BytesSize (%.4g, binary units)', t => {
	t.is(formatBytes(0), '0B');
	t.is(formatBytes(1023), '1023B');
	t.is(formatBytes(1024), '1KiB');
	t.is(formatBytes(188_128_296), '179.4MiB');
	t.is(formatBytes(2_097_152_000), '1.953GiB');
	t.is(formatBytes(1_048_575), '1024KiB');
	// 179.25 MiB exactly: Go rounds the tie to even, toPrecision would give 179.3.
	t.is(formatBytes(187_957_248), '179.2MiB');
});

test('bytes formatted as go-units HumanSizeWithPrecision (%.3g, decimal units)', t => {
	t.is(formatDecimalBytes(0), '0B');
	t.is(formatDecimalBytes(648), '648B');
	t.is(formatDecimalBytes(1236), '1.24kB');
	t.is(formatDecimalBytes(7_344_128), '7.34MB');
	// Go's %g switches to an exponent when rounding reaches 1000.
	t.is(formatDecimalBytes(999_500), '1e+03kB');
});

test('percentages formatted as docker stats (2 decimals, ties to even)', t => {
	t.is(formatPercent(50.620_001), '50.62%');
	t.is(formatPercent(0), '0.00%');
	t.is(formatPercent(100), '100.00%');
	t.is(formatPercent(12.125), '12.12%');
	t.is(formatPercent(12.375), '12.38%');
	t.is(formatPercent(0.006), '0.01%');
});
