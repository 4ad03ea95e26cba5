// The dashboard's own memory over a long run with recording on: 20 chatty containers (`chatter
// 0.05`, 20 log lines a second each, no published ports, so it may run outside the engine lock),
// the built binary (`npm run build` first) in a tmux terminal with `--record DIR` and the soak
// panel open, its RSS read from /proc every 10 s, and every minute its JS heap after a full GC
// (through the inspector: HeapProfiler.collectGarbage, Runtime.getHeapUsage), which is the live
// set a leak would grow. Prints the Theil–Sen slope of both after the warm-up (MiB/h with the
// 95 % interval, and whether growth is steady), and the record's size scaled to 24 hours.
// Run:    node --experimental-websocket --import=tsx bench/dashboard-rss.ts [MINUTES=30] [WARMUP_MINUTES=5]
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {trendOf} from '../source/stack/leak.js';
import {TmuxTerminal} from '../test/helpers/tmux.js';

const run = promisify(execFile);
const minutes = Number(process.argv[2] ?? 30);
const warmupMinutes = Number(process.argv[3] ?? 5);
const root = path.resolve(import.meta.dirname, '..');
const project = `stt-rss-${process.pid}`;
const directory = mkdtempSync(path.join(os.tmpdir(), 'stt-rss-'));
const record = path.join(directory, 'record');
const services = Array.from({length: 20}, (_, index) => `chatter${String(index + 1).padStart(2, '0')}`);
writeFileSync(path.join(directory, 'docker-compose.yml'), `services:\n${services.map(name => `  ${name}:\n    image: stacktui-test/busybox:1\n    command: [chatter, "0.05"]\n`).join('')}`);
writeFileSync(
	path.join(directory, 'stacktui.yaml'),
	`name: rss\nproject: ${project}\ncompose: docker-compose.yml\nbudgets:\n  stack: { memory: 1GiB }\n  uptime: 99%\n  leak: { max: 10MiB/h, window: 10m }\n`,
);

/** A Chrome DevTools Protocol session with the dashboard's inspector (needs --experimental-websocket on Node 20). */
async function connectInspector(port: number): Promise<{call: (method: string) => Promise<unknown>; close: () => void}> {
	const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{webSocketDebuggerUrl: string}>;
	const socket = new WebSocket(targets[0]?.webSocketDebuggerUrl ?? '');
	await new Promise((resolve, reject) => {
		socket.addEventListener('open', resolve, {once: true});
		socket.addEventListener('error', reject, {once: true});
	});
	let nextId = 1;
	const waiting = new Map<number, (result: unknown) => void>();
	socket.addEventListener('message', event => {
		const message = JSON.parse(String(event.data)) as {id?: number; result?: unknown};
		if (message.id !== undefined) waiting.get(message.id)?.(message.result);
	});
	return {
		async call(method) {
			const id = nextId++;
			const result = new Promise(resolve => waiting.set(id, resolve));
			socket.send(JSON.stringify({id, method}));
			return result;
		},
		close: () => socket.close(),
	};
}

async function cleanup(): Promise<void> {
	const {stdout} = await run('docker', ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`]);
	const ids = stdout.split('\n').filter(Boolean);
	if (ids.length > 0) await run('docker', ['rm', '-f', '-v', ...ids]);
	const networks = (await run('docker', ['network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`])).stdout.split('\n').filter(Boolean);
	for (const network of networks) await run('docker', ['network', 'rm', network]);
}

const terminal = new TmuxTerminal(160, 50);
try {
	await run(process.execPath, [path.join(root, 'dist/bin.js'), 'up', '--profile', path.join(directory, 'stacktui.yaml')], {cwd: directory});
	await terminal.start();
	const inspectorPort = 19_000 + (process.pid % 1000);
	await terminal.type(`cd ${directory} && exec node --inspect=127.0.0.1:${inspectorPort} ${path.join(root, 'dist/bin.js')} --profile stacktui.yaml --record ${record}`);
	await terminal.enter();
	await terminal.waitFor(/chatter20/, 30_000, 'the dashboard with every service');
	await terminal.keys('S');
	const pid = Number(await terminal.paneValue('#{pane_pid}'));
	const inspector = await connectInspector(inspectorPort);
	const samples: Array<{at: number; value: number}> = [];
	const heap: Array<{at: number; value: number}> = [];
	const started = Date.now();
	const csv = ['seconds,rss_kib,heap_after_gc_kib,record_bytes'];
	for (let tick = 0; Date.now() - started < minutes * 60_000; tick++) {
		const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
		const bytes = statSync(path.join(record, 'record.ndjson')).size;
		const seconds = Math.round((Date.now() - started) / 1000);
		samples.push({at: Date.now(), value: rss * 1024});
		let used = '';
		if (tick % 6 === 0) {
			await inspector.call('HeapProfiler.collectGarbage');
			const usage = (await inspector.call('Runtime.getHeapUsage')) as {usedSize: number};
			heap.push({at: Date.now(), value: usage.usedSize});
			used = String(Math.round(usage.usedSize / 1024));
		}

		csv.push(`${seconds},${rss},${used},${bytes}`);
		await new Promise(resolve => setTimeout(resolve, 10_000));
	}

	inspector.close();

	const bytes = statSync(path.join(record, 'record.ndjson')).size;
	writeFileSync(path.join(directory, 'rss.csv'), csv.join('\n') + '\n');
	const after = samples.filter(sample => sample.at - started >= warmupMinutes * 60_000);
	const trend = trendOf(after);
	const mib = (value: number) => (value / 1024 / 1024).toFixed(1);
	console.log(`${minutes} min, 20 chatty containers, --record on; samples every 10 s in ${path.join(directory, 'rss.csv')}`);
	console.log(`RSS: first ${mib(samples[0]?.value ?? 0)} MiB, at ${warmupMinutes} min ${mib(after[0]?.value ?? 0)} MiB, last ${mib(samples.at(-1)?.value ?? 0)} MiB, max ${mib(Math.max(...samples.map(sample => sample.value)))} MiB`);
	if (trend !== undefined) console.log(`RSS slope after ${warmupMinutes} min: ${mib(trend.slopePerHour)} MiB/h (95 % ${mib(trend.lowerPerHour)} to ${mib(trend.upperPerHour)}), growth confidence ${(trend.confidence * 100).toFixed(0)} %, steady: ${trend.isSteady}`);
	const heapAfter = heap.filter(sample => sample.at - started >= warmupMinutes * 60_000);
	const heapTrend = trendOf(heapAfter);
	console.log(`JS heap after full GC: at ${warmupMinutes} min ${mib(heapAfter[0]?.value ?? 0)} MiB, last ${mib(heap.at(-1)?.value ?? 0)} MiB, max ${mib(Math.max(...heap.map(sample => sample.value)))} MiB`);
	if (heapTrend !== undefined) console.log(`JS heap slope after ${warmupMinutes} min: ${mib(heapTrend.slopePerHour)} MiB/h (95 % ${mib(heapTrend.lowerPerHour)} to ${mib(heapTrend.upperPerHour)}), steady: ${heapTrend.isSteady}`);
	console.log(`record: ${bytes} bytes in ${minutes} min = ${((bytes * (24 * 60)) / minutes / 1e6).toFixed(1)} MB per 24 h at 20 containers`);
	await terminal.keys('q');
	await new Promise(resolve => setTimeout(resolve, 3000));
} finally {
	await terminal.stop();
	await cleanup();
}
