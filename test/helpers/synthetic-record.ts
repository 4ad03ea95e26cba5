import {createWriteStream, mkdirSync, writeFileSync} from 'node:fs';
import {once} from 'node:events';
import path from 'node:path';
import type {RecordLine, RunLine} from '../../source/soak/record-types.js';
import {recordFileName, sampleWindowMs, verdictFileName} from '../../source/soak/record-types.js';
import type {BudgetVerdict, Verdict} from '../../source/soak/verdict-types.js';

export type SyntheticOptions = {
	readonly hours: number;
	readonly containers: number;
	readonly start?: number;
	/** Probes checked every 10 s each. */
	readonly probes?: number;
	/** Whether service 0's memory budget was breached in the last hour (the verdict written); default true. */
	readonly isBreached?: boolean;
	/** The profile's name in the record; default `synthetic`. */
	readonly profileName?: string;
};

const mib = 1024 * 1024;

/**
 * Writes a record directory as `stacktui soak` would after `hours` at `containers` containers
 * (one service each): a `samples` line every 2 s, `host` every 10 s, probe checks, a restart of
 * one service an hour, a steady leak in service 0, a daily load phase, and a verdict. For sizes
 * and for reports of long runs; the values are plausible, not measured.
 */
export async function writeSyntheticRecord(directory: string, options: SyntheticOptions): Promise<{lines: number; verdict: Verdict}> {
	mkdirSync(directory, {recursive: true});
	const start = options.start ?? Date.UTC(2026, 11, 1, 0, 0, 0);
	const end = start + options.hours * 3_600_000;
	const services = Array.from({length: options.containers}, (_, index) => `service-${String(index).padStart(2, '0')}`);
	const isBreached = options.isBreached ?? true;
	const probes = Array.from({length: options.probes ?? 4}, (_, index) => `probe-${index}`);
	const budgets = services.map((service, index): BudgetVerdict => ({
		id: `memory:${service}`,
		kind: 'memory',
		subject: service,
		subjectKind: 'service',
		phase: null,
		limit: 256 * mib,
		unit: 'bytes',
		comparison: 'at-most',
		written: '256MiB',
		description: `${service} memory at most 256MiB`,
		status: index === 0 && isBreached ? 'breached' : 'held',
		observed: index === 0 && isBreached ? 300 * mib : 120 * mib,
		current: null,
		breaches: index === 0 && isBreached ? [{from: end - 3_600_000, to: null, peak: 300 * mib}] : [],
		evaluatedMs: end - start,
		note: '',
	}));
	const header: RunLine = {
		type: 'run', at: start, version: 1, runId: 'synthetic', session: 1, command: 'soak', stacktuiVersion: '0.1.0',
		profile: {name: options.profileName ?? 'synthetic', file: null, project: 'synthetic'}, plannedDurationMs: end - start,
		host: {hostname: 'bench', cpus: 2, memoryBytes: 24 * 1024 * mib}, engine: {address: 'unix:///var/run/docker.sock', version: '20.10.24'},
		services, budgets, phases: [{name: 'load', fromMs: 3_600_000, untilMs: 7_200_000, whileStep: null}],
		probes: probes.map((name, index) => ({name, service: services[index % services.length] ?? 'service-00', kind: 'http', target: 'http://127.0.0.1:8080/health', intervalMs: 10_000, timeoutMs: 2000})),
		steps: [], sampleWindowMs,
	};
	const stream = createWriteStream(path.join(directory, recordFileName));
	let lines = 0;
	const write = async (line: RecordLine) => {
		lines++;
		if (!stream.write(`${JSON.stringify(line)}\n`)) await once(stream, 'drain');
	};

	await write(header);
	for (const [index, service] of services.entries()) {
		await write({type: 'container', at: start, index, id: `${index}`.padStart(64, 'a'), name: `synthetic-${service}-1`, service, state: 'running', health: 'healthy', startedAt: new Date(start).toISOString(), exitCode: null, restartCount: 0, isOomKilled: false});
	}

	await write({type: 'phase', at: start, phase: null, previous: null, reason: 'start'});
	let random = 42;
	const noise = () => ((random = (random * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648) - 0.5;
	for (let at = start + sampleWindowMs; at <= end; at += sampleWindowMs) {
		const hours = (at - start) / 3_600_000;
		const values = services.map((_, index) => {
			const memoryMiB = index === 0 ? 100 + hours * 8 : 60 + index * 3 + noise() * 4;
			return [index, Math.max(0, Math.round((1 + index * 0.3 + noise()) * 100) / 100), Math.round(memoryMiB * 1024)] as const;
		});
		await write({type: 'samples', at, values});
		if ((at - start) % 10_000 === 0) {
			await write({type: 'host', at, cpuPercent: 30 + noise() * 10, memoryFreeBytes: 12 * 1024 * mib, memoryTotalBytes: 24 * 1024 * mib, diskFreeBytes: 100 * 1024 * mib, diskTotalBytes: 250 * 1024 * mib});
			for (const probe of probes) await write({type: 'probe', at, probe, isOk: true, latencyMs: Math.round(3 + noise() * 2)});
		}

		if ((at - start) % 3_600_000 === 0) {
			const index = Math.floor(hours) % services.length;
			await write({type: 'event', at, index, action: 'die', exitCode: 137});
			await write({type: 'event', at: at + 500, index, action: 'start'});
		}
	}

	await write({type: 'end', at: end, reason: 'completed', exitCode: isBreached ? 1 : 0, status: isBreached ? 'breached' : 'held'});
	stream.end();
	await once(stream, 'finish');
	const verdict: Verdict = {
		version: 1, status: isBreached ? 'breached' : 'held', exitCode: isBreached ? 1 : 0,
		run: {runId: 'synthetic', profile: options.profileName ?? 'synthetic', project: 'synthetic', command: 'soak', startedAt: start, endedAt: end, endReason: 'completed', elapsedMs: end - start, observedMs: end - start, plannedDurationMs: end - start, sessions: 1},
		evaluatedAt: end, phase: null, budgets, stack: {memory: null, cpu: null},
		services: services.map(service => ({service, health: 'healthy', running: 1, containers: 1, memory: null, cpu: null, restarts: 0, unexpectedExits: 0, oomKills: 0, uptimeRatio: 1, startupMs: null, firstTry: {runs: 1, passed: 1}, leak: null})),
		probes: [], steps: [], phases: [],
	};
	writeFileSync(path.join(directory, verdictFileName), `${JSON.stringify(verdict)}\n`);
	return {lines, verdict};
}
