import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {loadProfile} from '../profile/load-profile.js';
import type {RecordedRun, ReadRecordOptions} from './recorded-run.js';
import {readRecordLines} from './read-lines.js';
import {type RecordLine, sampleWindowMs, verdictFileName, type WarningLine} from './record-types.js';
import {replay} from './replay.js';
import {BucketSeries, ProbeBuckets} from './series-buckets.js';
import {timelineOf} from './timeline.js';
import {buildVerdict} from './verdict.js';
import type {Verdict} from './verdict-types.js';

/** A directory that holds no readable record; the message is one line for the user. */
export class RecordError extends Error {
	override name = 'RecordError';
}

/** A verdict file this much older than the record's last line is stale: the run went on after it. */
const staleVerdictMs = 10_000;

/**
 * Reads a record directory back: run headers, downsampled series per service and for the stack
 * (min / max / mean, at most `maximumPoints` a series), host and probe series, timeline events,
 * warnings, gaps and the verdict. Everything a report needs; the report is a function of this.
 */
export async function readRecord(directory: string, options: ReadRecordOptions = {}): Promise<RecordedRun> {
	const lines = readRecordLines(directory);
	const header = lines.find(line => line.type === 'run');
	if (header?.type !== 'run') {
		throw new RecordError(`${directory}: no stacktui record here (expected ${path.join(directory, 'record.ndjson')} starting with a run line)`);
	}

	const sessions = lines.filter(line => line.type === 'run');
	const end = [...lines].reverse().find(line => line.type === 'end') ?? null;
	const startedAt = header.at;
	const lastAt = Math.max(...lines.map(line => line.at));
	const maximumPoints = options.maximumPoints ?? 1500;
	const bucketMs = Math.max(sampleWindowMs, Math.ceil((lastAt - startedAt + 1) / maximumPoints / sampleWindowMs) * sampleWindowMs);
	const series = seriesOf(lines, startedAt, bucketMs);
	const {events, dropped} = timelineOf(lines, options.maximumEvents ?? 5000);
	const warnings = new Map<number, WarningLine>();
	for (const line of lines) if (line.type === 'warning') warnings.set(line.id, line);
	const gaps: Array<{from: number; to: number}> = [];
	let previousAt = startedAt;
	for (const line of lines) {
		if (line.type === 'run' && line.session > 1 && line.at > previousAt) gaps.push({from: previousAt, to: line.at});
		previousAt = Math.max(previousAt, line.at);
	}

	return {
		directory,
		header,
		sessions: sessions.filter(line => line.type === 'run'),
		end: end?.type === 'end' ? end : null,
		startedAt,
		lastAt,
		containers: [...new Map(lines.flatMap(line => (line.type === 'container' ? [[line.index, {index: line.index, id: line.id, name: line.name, service: line.service}] as const] : []))).values()],
		bucketMs,
		...series,
		events,
		droppedEvents: dropped,
		warnings: [...warnings.values()].sort((left, right) => left.id - right.id),
		gaps,
		verdict: verdictOf(directory, lines, lastAt),
	};
}

function seriesOf(lines: readonly RecordLine[], start: number, width: number): Pick<RecordedRun, 'series' | 'host' | 'probes'> {
	const serviceOf = new Map<number, string>();
	const services = new Map<string, {memory: BucketSeries; cpu: BucketSeries}>();
	const resource = (name: string) => {
		let found = services.get(name);
		if (found === undefined) services.set(name, (found = {memory: new BucketSeries(start, width), cpu: new BucketSeries(start, width)}));
		return found;
	};

	const stack = resource('\0stack');
	const host = {memoryFree: new BucketSeries(start, width), diskFree: new BucketSeries(start, width), cpu: new BucketSeries(start, width)};
	const probes = new Map<string, ProbeBuckets>();
	for (const line of lines) {
		if (line.type === 'container') serviceOf.set(line.index, line.service);
		if (line.type === 'samples') {
			const totals = new Map<string, {memory: number; cpu: number}>();
			for (const [index, cpu, kibibytes] of line.values) {
				for (const key of ['\0stack', serviceOf.get(index) ?? '?']) {
					const total = totals.get(key) ?? {memory: 0, cpu: 0};
					total.memory += kibibytes * 1024;
					total.cpu += cpu ?? 0;
					totals.set(key, total);
				}
			}

			for (const [key, total] of totals) {
				resource(key).memory.add(line.at, total.memory);
				resource(key).cpu.add(line.at, total.cpu);
			}
		}

		if (line.type === 'host') {
			if (line.memoryFreeBytes !== null) host.memoryFree.add(line.at, line.memoryFreeBytes);
			if (line.diskFreeBytes !== null) host.diskFree.add(line.at, line.diskFreeBytes);
			if (line.cpuPercent !== null) host.cpu.add(line.at, line.cpuPercent);
		}

		if (line.type === 'probe') {
			let buckets = probes.get(line.probe);
			if (buckets === undefined) probes.set(line.probe, (buckets = new ProbeBuckets(start, width)));
			buckets.add(line.at, line.isOk, line.latencyMs);
		}
	}

	const toSeries = (entry: {memory: BucketSeries; cpu: BucketSeries}) => ({memory: entry.memory.buckets(), cpu: entry.cpu.buckets()});
	return {
		series: {stack: toSeries(stack), services: Object.fromEntries([...services].filter(([name]) => name !== '\0stack').map(([name, entry]) => [name, toSeries(entry)]))},
		host: {memoryFree: host.memoryFree.buckets(), diskFree: host.diskFree.buckets(), cpu: host.cpu.buckets()},
		probes: Object.fromEntries([...probes].map(([name, buckets]) => [name, buckets.buckets()])),
	};
}

/** verdict.json when current; else the record replayed through the profile it names. */
function verdictOf(directory: string, lines: readonly RecordLine[], lastAt: number): Verdict {
	const file = path.join(directory, verdictFileName);
	const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Verdict) : undefined;
	if (stored !== undefined && stored.evaluatedAt >= lastAt - staleVerdictMs) return stored;
	const header = lines.find(line => line.type === 'run');
	const profileFile = header?.type === 'run' ? header.profile.file : null;
	if (profileFile !== null && existsSync(profileFile)) {
		const replayed = replay(lines, loadProfile(profileFile));
		if (replayed?.budgets !== undefined) return buildVerdict({header: replayed.header, ledger: replayed.ledger, monitor: replayed.monitor, budgets: replayed.budgets, now: replayed.lastAt, end: replayed.end ?? undefined});
	}

	if (stored !== undefined) return stored;
	throw new RecordError(`${directory}: no ${verdictFileName}, and the profile the record names (${profileFile ?? 'none'}) cannot be read to compute one`);
}
