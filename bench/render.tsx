// Render cost of the services table: 10, 30 and 100 rows, each re-rendered N times with new
// CPU, memory, uptime and sparkline values (every row changes, as on a stats tick).
// Run:    npx tsx bench/render.tsx [N=100] [WIDTH=160]   (or NODE_ENV=production npx tsx bench/render.tsx)
//         RAW=1: the table as the dashboard draws it on a terminal (raw lines for the frame writer,
//         an empty box for ink; source/ui/raw-lines.ts), instead of through ink's text pipeline.
// Prints: per row count, ms per re-render after 20 warm-ups: wall clock (median, p95, max) and
// this process's CPU time (median, p95), which a loaded machine inflates less than wall clock.
// React runs its development build unless NODE_ENV=production (about twice as slow): the mode is printed.
// ink-testing-library renders with debug on: unthrottled and synchronous, so the time around
// `rerender` is React reconcile + Yoga layout + output of one full frame. Colors on (chalk level 3).
import chalk from 'chalk';
import {render} from 'ink-testing-library';
import os from 'node:os';
import {performance} from 'node:perf_hooks';
import type {ServiceStatus} from '../source/stack/snapshot.js';
import {RawLines, RawLinesContext} from '../source/ui/raw-lines.js';
import {ServicesTable} from '../source/ui/table/services-table.js';
import type {TableRow} from '../source/ui/table/rows.js';

chalk.level = 3;
const iterations = Number(process.argv[2] ?? 100);
const width = Number(process.argv[3] ?? 160);
const warmup = 20;
const mebibyte = 1024 * 1024;
const historyLength = 60;

function status(index: number, tick: number): ServiceStatus {
	const service = `service-${String(index).padStart(3, '0')}`;
	const wave = Math.sin((tick + index) / 7);
	return {
		service,
		container: `stt-bench-${service}-1`,
		id: `id-${index}`,
		replica: 1,
		image: 'stacktui-test/busybox:1',
		state: index % 9 === 8 ? 'exited' : 'running',
		health: index % 3 === 0 ? 'healthy' : 'none',
		cpuPercent: 50 + 49 * wave,
		memoryBytes: (100 + 80 * wave) * mebibyte,
		memoryLimitBytes: 512 * mebibyte,
		memoryPercent: ((100 + 80 * wave) / 512) * 100,
		networkRxBytes: tick * 1000,
		networkTxBytes: tick * 500,
		blockReadBytes: 0,
		blockWriteBytes: 0,
		pids: 4,
		restarts: index % 4,
		exitCode: index % 9 === 8 ? 137 : null,
		isOomKilled: false,
		hasOomKill: false,
		startedAt: '2024-05-01T10:00:00Z',
		uptimeSeconds: 3600 + tick,
	};
}

function rowsAt(count: number, tick: number): TableRow[] {
	return Array.from({length: count}, (_, index) => {
		const history = Array.from({length: historyLength}, (_, offset) => 50 + 49 * Math.sin((tick + offset + index) / 5));
		return {
			status: status(index, tick),
			budgetStatus: index % 5 === 0 ? 'near' : 'ok',
			memoryBudgetBytes: 256 * mebibyte,
			cpuBudgetPercent: 80,
			cpuScale: 80,
			memoryScale: 256 * mebibyte,
			cpuHistory: history,
			memoryHistory: history.map(value => value * mebibyte),
			ports: index % 2 === 0 ? [`${8000 + index}→80/tcp`] : undefined,
		};
	});
}

function percentile(sorted: readonly number[], fraction: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

type Result = {median: number; p95: number; max: number; cpuMedian: number; cpuP95: number; lines: number};

function measure(count: number): Result {
	// Precompute the rows so the timing is the render only, not the fixture.
	const frames = Array.from({length: warmup + iterations}, (_, tick) => rowsAt(count, tick + 1));
	const rawLines = process.env['RAW'] === '1' ? new RawLines() : undefined;
	const table = (rows: readonly TableRow[]) => (
		<RawLinesContext.Provider value={rawLines}>
			<ServicesTable rows={rows} width={width} height={count + 1} selectedId="id-3" />
		</RawLinesContext.Provider>
	);
	const instance = render(table(rowsAt(count, 0)));
	const times: number[] = [];
	const cpuTimes: number[] = [];
	for (const [tick, rows] of frames.entries()) {
		const cpuStarted = process.cpuUsage();
		const started = performance.now();
		instance.rerender(table(rows));
		const elapsed = performance.now() - started;
		const cpu = process.cpuUsage(cpuStarted);
		if (tick >= warmup) {
			times.push(elapsed);
			cpuTimes.push((cpu.user + cpu.system) / 1000);
		}
	}

	const lines = rawLines === undefined ? (instance.lastFrame() ?? '').split('\n').length : rawLines.overlay([]).length;
	instance.unmount();
	instance.cleanup();
	const byValue = (left: number, right: number) => left - right;
	times.sort(byValue);
	cpuTimes.sort(byValue);
	return {
		median: percentile(times, 0.5),
		p95: percentile(times, 0.95),
		max: times.at(-1) ?? Number.NaN,
		cpuMedian: percentile(cpuTimes, 0.5),
		cpuP95: percentile(cpuTimes, 0.95),
		lines,
	};
}

console.log(`services table re-render${process.env['RAW'] === '1' ? ' (raw lines)' : ''}, width ${width}, ${iterations} re-renders per size, load ${os.loadavg()[0]?.toFixed(1)}, NODE_ENV=${process.env.NODE_ENV ?? '(unset: React development build)'} (node ${process.version})`);
for (const count of [10, 30, 100]) {
	const result = measure(count);
	const ms = (value: number) => `${value.toFixed(2)} ms`;
	console.log(
		`${String(count).padStart(3)} rows (${result.lines} lines): wall median ${ms(result.median)}  p95 ${ms(result.p95)}  max ${ms(result.max)}` +
			` | cpu median ${ms(result.cpuMedian)}  p95 ${ms(result.cpuP95)}`,
	);
}
