import {readFileSync} from 'node:fs';
import test from 'ava';
import {healthInStatusText} from '../../source/engine/health-list.js';
import {LibpodSampler, type LibpodStatsLine, toLibpodSample} from '../../source/engine/libpod-stats.js';

/** Three lines of GET /libpod/containers/stats?interval=1 for a 0.5-CPU busy loop (Podman 4.3.1, cgroup v1). */
const lines = readFileSync(new URL('../fixtures/stats/libpod-busy.ndjson', import.meta.url), 'utf8')
	.trim()
	.split('\n')
	.map(line => JSON.parse(line) as LibpodStatsLine & {Stats: Array<{CPU: number; CPUNano: number; SystemNano: number; MemUsage: number}>});

test('CPU % is the CPU time over the wall time since the previous reading: the number podman stats prints', t => {
	const sampler = new LibpodSampler();
	const samples = lines.map(line => sampler.push(line));
	t.is(samples[0]?.cpuPercent, undefined, 'no previous reading on the first line');
	for (const index of [1, 2]) {
		const [previous, current] = [lines[index - 1]!.Stats[0]!, lines[index]!.Stats[0]!];
		const expected = ((current.CPUNano - previous.CPUNano) / (current.SystemNano - previous.SystemNano)) * 100;
		t.is(samples[index]?.cpuPercent, expected);
		// Podman's own CPU field in the same line, computed by the function podman stats uses.
		t.true(Math.abs((samples[index]?.cpuPercent ?? 0) - current.CPU) < 0.01, `line ${index}: ${samples[index]?.cpuPercent} vs ${current.CPU}`);
	}

	t.true((samples[2]?.cpuPercent ?? 0) > 30 && (samples[2]?.cpuPercent ?? 100) < 55);
});

test('memory, limit, network, block I/O and pids are Podman\'s fields; the read time is SystemNano', t => {
	const entry = lines[1]!.Stats[0]!;
	const sample = toLibpodSample(entry, undefined);
	t.is(sample.memoryBytes, entry.MemUsage);
	t.is(sample.memoryLimitBytes, 25_276_203_008);
	t.is(sample.memoryPercent, (entry.MemUsage / 25_276_203_008) * 100);
	t.is(sample.pids, 1);
	t.is(sample.read, new Date(entry.SystemNano / 1e6).toISOString());
});

test('a line with an error or no entry (the container stopped) gives no sample and keeps the previous reading', t => {
	const sampler = new LibpodSampler();
	sampler.push(lines[0]!);
	t.is(sampler.push({Error: {message: 'container is stopped'}, Stats: null}), undefined);
	t.is(sampler.push({Error: null, Stats: []}), undefined);
	t.not(sampler.push(lines[1]!)?.cpuPercent, undefined);
});

test('health inside Docker\'s status text', t => {
	t.is(healthInStatusText('Up 3 seconds (health: starting)'), 'starting');
	t.is(healthInStatusText('Up 2 minutes (healthy)'), 'healthy');
	t.is(healthInStatusText('Up 1 minute (unhealthy)'), 'unhealthy');
	t.is(healthInStatusText('Up 5 seconds'), 'none');
	t.is(healthInStatusText(undefined), 'none');
});
