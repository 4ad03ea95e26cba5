// Soak: what the dashboard runs, minus the screen. Starts 12 real containers (4 `chatter 0.05`,
// 3 `burn` at 0.1 CPU, 3 `hold 16`, 2 `idle`), runs a StackSession (refresh 1 s, budgets that the
// burn and hold services exceed) and a LogFollower on every container, restarts the idle ones
// every 20 s and one other container every 60 s through the session, and watches for leaks.
// Run:    node --expose-gc --import tsx bench/soak.ts [--duration 10m]   (env: SOAK_DURATION=90s,
//         SOAK_MAX_HEAP_SLOPE bytes/min (default 524288), SOAK_MAX_SOCKET_GROWTH (default 4))
// Prints: every 30 s: elapsed, heapUsed (after gc), rss, in-use sockets (http.globalAgent.sockets),
//         history (series/samples), log buffer (lines kept/received), renders, restarts, warnings;
//         at the end: heapUsed slope over the second half (from when the log buffer was full if
//         later), bytes/minute, and the sockets left after close. Exits 1 past a threshold.
// Containers are labelled stacktui.test=<project>, project stt-bench-soak-XXXXXX, removed at the end.
import http from 'node:http';
import {connectEngine} from '../source/engine/connect.js';
import {emptyBudgets} from '../source/profile/read-budgets.js';
import type {Profile} from '../source/profile/types.js';
import {LogFollower} from '../source/stack/log-follower.js';
import {StackSession} from '../source/stack/session.js';
import {dashboardRows} from '../source/ui/dashboard-rows.js';
import {createService, newProjectName, removeProject} from '../test/helpers/engine.js';

const durationFlag = process.argv.includes('--duration') ? process.argv[process.argv.indexOf('--duration') + 1] : undefined;
const durationMs = parseDuration(durationFlag ?? process.env.SOAK_DURATION ?? '10m');
const maxHeapSlope = Number(process.env.SOAK_MAX_HEAP_SLOPE ?? 512 * 1024);
const maxSocketGrowth = Number(process.env.SOAK_MAX_SOCKET_GROWTH ?? 4);
const sampleMs = 10_000;
const printMs = 30_000;
const mebibyte = 1024 * 1024;
const gc = (globalThis as {gc?: () => void}).gc;

function parseDuration(text: string): number {
	const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
	if (match === null) throw new Error(`bad duration "${text}" (e.g. 90s, 10m)`);
	return Number(match[1]) * {ms: 1, s: 1000, m: 60_000, h: 3_600_000}[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
}

const inUseSockets = () => Object.values(http.globalAgent.sockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);
const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / mebibyte).toFixed(1)} MiB`;
const maxOf = (values: readonly number[]) => Math.max(0, ...values);

const project = newProjectName('bench-soak');
const {docker} = await connectEngine({timeoutMilliseconds: 10_000});
let [session, follower, isCleaning]: [StackSession?, LogFollower?, boolean?] = [];
/** Stops everything and removes this run's containers (by label), also on Ctrl-C and errors. */
async function cleanUp(code: number): Promise<never> {
	if (!isCleaning) {
		isCleaning = true;
		session?.stop();
		follower?.close();
		await removeProject(docker, project).catch((error: Error) => console.error(`cleanup: ${error.message}`));
	}
	process.exit(code);
}

process.on('SIGINT', () => void cleanUp(130));
process.on('SIGTERM', () => void cleanUp(143));

try {
	if (gc === undefined) console.warn('no --expose-gc: heap numbers include garbage (see header)');
	const specs = [
		...[1, 2, 3, 4].map(number => ({service: 'chatter', number, command: ['chatter', '0.05']})),
		...[1, 2, 3].map(number => ({service: 'burn', number, command: ['burn'], cpus: 0.1})),
		...[1, 2, 3].map(number => ({service: 'hold', number, command: ['hold', '16']})),
		...[1, 2].map(number => ({service: 'idle', number, command: ['idle']})),
	];
	for (const spec of specs) await createService(docker, {project, ...spec});
	const profile: Profile = {
		file: undefined, name: project, description: 'bench soak', project, composeFiles: [], composeProfiles: [], envFile: undefined,
		engine: undefined, refreshMs: 1000, tunnels: [], links: {}, phases: [], probes: [], soak: {durationMs: undefined, steps: []},
		budgets: {...emptyBudgets, sustainMs: 10_000, startupMs: 30_000, stack: {memoryBytes: 256 * mebibyte}, services: {hold: {memoryBytes: 40 * mebibyte}, burn: {cpuPercent: 20}}},
	};
	session = new StackSession(docker, profile);
	follower = new LogFollower(docker);
	const logs = follower;
	let [renders, rows, restarts, otherRestarts] = [0, 0, 0, 0];
	let containers = session.view.state.containers;
	session.subscribe(view => {
		renders++;
		rows = dashboardRows(view, profile, session!.history).length; // What App computes per frame.
		if (view.state.containers !== containers) {
			containers = view.state.containers;
			logs.sync([...containers.values()]);
		}
	});
	session.start();
	console.log(`${project}: ${specs.length} containers, duration ${durationMs / 1000} s, node ${process.version}`);

	const started = Date.now();
	const restart = (service: string, number: number) => {
		const target = [...session!.view.state.containers.values()].find(item => item.service === service && item.number === number);
		if (target === undefined) return;
		restarts++;
		void session!.act(target.id, 'restart');
	};

	const timers = [
		setInterval(() => restart('idle', 1), 20_000),
		setTimeout(() => timers.push(setInterval(() => restart('idle', 2), 20_000)), 10_000),
		setInterval(() => restart(['chatter', 'burn', 'hold'][otherRestarts % 3]!, (Math.floor(otherRestarts++ / 3) % 3) + 1), 60_000),
	];
	const samples: Array<{at: number; heap: number; sockets: number}> = [];
	let bufferFullAt: number | undefined;
	while (Date.now() - started < durationMs) {
		await sleep(sampleMs);
		gc?.();
		const at = Date.now() - started;
		const [memory, sockets, buffer] = [process.memoryUsage(), inUseSockets(), logs.buffer];
		samples.push({at, heap: memory.heapUsed, sockets});
		if (bufferFullAt === undefined && buffer.dropped() > 0) bufferFullAt = at;
		if (samples.length % (printMs / sampleMs) === 0) {
			const ids = [...session.view.state.containers.keys()];
			const historySamples = ids.reduce((sum, id) => sum + session!.history.cpu(id).length + session!.history.memory(id).length, 0);
			console.log(
				`${(at / 1000).toFixed(0).padStart(4)} s  heap ${mib(memory.heapUsed)}  rss ${mib(memory.rss)}  sockets ${sockets}` +
					`  history ${session.history.size}/${historySamples}  logs ${buffer.size()}/${buffer.lastSequence} (following ${logs.followedIds.length})` +
					`  renders ${renders}  rows ${rows}  restarts ${restarts}  warnings ${session.view.budgets.warnings.length}`,
			);
		}
	}

	for (const timer of timers) clearInterval(timer);
	const windowStart = Math.max(durationMs / 2, bufferFullAt ?? 0);
	const window = samples.filter(sample => sample.at >= windowStart);
	const slope = slopePerMinute(window.map(sample => [sample.at, sample.heap] as const));
	const earlySockets = maxOf(samples.filter(sample => sample.at >= 30_000 && sample.at < durationMs / 2).map(sample => sample.sockets));
	const lateSockets = maxOf(window.map(sample => sample.sockets));
	session.stop();
	logs.close();
	await sleep(3000);
	const socketsAfterClose = inUseSockets();
	console.log(`heap slope ${Math.round(slope)} bytes/min over ${((durationMs - windowStart) / 60_000).toFixed(1)} min (${window.length} samples after gc, from ${Math.round(windowStart / 1000)} s; log buffer full at ${bufferFullAt === undefined ? 'never' : `${Math.round(bufferFullAt / 1000)} s`})`);
	console.log(`sockets: max first half ${earlySockets}, max second half ${lateSockets}, 3 s after close ${socketsAfterClose}`);
	const failures = [
		slope > maxHeapSlope && `heap grows ${Math.round(slope)} bytes/min > ${maxHeapSlope}`,
		lateSockets - earlySockets > maxSocketGrowth && `sockets grew by ${lateSockets - earlySockets} > ${maxSocketGrowth}`,
		socketsAfterClose > 0 && `${socketsAfterClose} sockets still in use after close`,
	].filter(Boolean);
	console.log(failures.length === 0 ? 'PASS' : `FAIL: ${failures.join('; ')}`);
	await cleanUp(failures.length === 0 ? 0 : 1);
} catch (error) {
	console.error(error);
	await cleanUp(2);
}

/** Least-squares slope of (ms, bytes) points, in bytes per minute. */
function slopePerMinute(points: ReadonlyArray<readonly [number, number]>): number {
	if (points.length < 2) return 0;
	const mean = (pick: (point: readonly [number, number]) => number) => points.reduce((sum, point) => sum + pick(point), 0) / points.length;
	const [meanX, meanY] = [mean(([x]) => x), mean(([, y]) => y)];
	return (mean(([x, y]) => (x - meanX) * (y - meanY)) / mean(([x]) => (x - meanX) ** 2)) * 60_000;
}
