import {appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {emptyBudgets} from '../../source/profile/read-budgets.js';
import type {Profile} from '../../source/profile/types.js';
import {openRecord} from '../../source/soak/open-record.js';
import {readRecordLines} from '../../source/soak/read-lines.js';
import {readRecord, RecordError} from '../../source/soak/read-record.js';
import {SampleWindow} from '../../source/soak/record-lines.js';
import type {RecordLine, RunLine} from '../../source/soak/record-types.js';
import {RecordWriter} from '../../source/soak/record-writer.js';
import {replay} from '../../source/soak/replay.js';
import {buildVerdict} from '../../source/soak/verdict.js';
import {writeSyntheticRecord} from '../helpers/synthetic-record.js';

const mib = 1024 * 1024;
const start = Date.UTC(2026, 11, 1, 12, 0, 0);

function temporaryDirectory(t: {teardown: (fn: () => void) => void}): string {
	const directory = mkdtempSync(path.join(os.tmpdir(), 'stt-record-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	return directory;
}

const profile: Profile = {
	file: undefined, name: 'unit', description: undefined, project: 'unit', composeFiles: [], composeProfiles: [], envFile: undefined, engine: undefined, refreshMs: 1000,
	budgets: {...emptyBudgets, sustainMs: 10_000, clearMs: 0, uptimeRatio: 0.99, leak: {bytesPerHour: 10 * mib, windowMs: 600_000, warmupMs: 0}},
	tunnels: [], links: {}, phases: [], probes: [], soak: {durationMs: undefined, steps: []},
};

function header(at: number, session: number): RunLine {
	return {
		type: 'run', at, version: 1, runId: 'r1', session, command: 'soak', stacktuiVersion: '0', profile: {name: 'unit', file: null, project: 'unit'}, plannedDurationMs: 1_800_000,
		host: {hostname: 'h', cpus: 2, memoryBytes: 1}, engine: {address: 'a', version: 'v'}, services: ['grow', 'flat'], budgets: [], phases: [], probes: [], steps: [], sampleWindowMs: 2000,
	};
}

/** Two sessions (a kill at 10 min, resumed 30 s later) of a stack where `grow` leaks 60 MiB/h. */
function twoSessions(): RecordLine[] {
	const lines: RecordLine[] = [header(start, 1)];
	for (const [index, service] of ['grow', 'flat'].entries()) {
		lines.push({type: 'container', at: start, index, id: `id-${service}`, name: `unit-${service}-1`, service, state: 'running', health: 'none', startedAt: new Date(start - 60_000).toISOString(), exitCode: null, restartCount: 0, isOomKilled: false});
	}

	const samples = (from: number, to: number) => {
		for (let at = from; at <= to; at += 2000) {
			const minutes = (at - start) / 60_000;
			lines.push({type: 'samples', at, values: [[0, 1, Math.round(((50 + minutes) * mib) / 1024)], [1, 1, Math.round((40 * mib + (at % 6000) * 100) / 1024)]]});
		}
	};

	samples(start + 2000, start + 600_000);
	lines.push(header(start + 630_000, 2));
	samples(start + 632_000, start + 1_200_000);
	return lines;
}

test('the writer appends whole lines; after a kill cut the last line short, the next session starts on a line of its own', t => {
	const directory = temporaryDirectory(t);
	const writer = new RecordWriter(directory);
	writer.open();
	writer.write(header(start, 1));
	writer.flush();
	appendFileSync(writer.file, '{"type":"samples","at":17964'); // What a kill -9 mid-write leaves.
	writer.close();
	const resumed = new RecordWriter(directory);
	resumed.open();
	resumed.write(header(start + 5000, 2));
	resumed.close();
	const text = readFileSync(resumed.file, 'utf8');
	t.is(text.split('\n').length, 4, 'header, cut line, header, final newline');
	t.deepEqual(readRecordLines(directory).map(line => [line.type, line.at]), [['run', start], ['run', start + 5000]]);
});

test('a sample window keeps each container\'s highest CPU and memory, then starts over', t => {
	const window = new SampleWindow();
	window.add(3, {cpuPercent: undefined, memoryBytes: 10 * 1024});
	window.add(3, {cpuPercent: 12.345, memoryBytes: 30 * 1024});
	window.add(3, {cpuPercent: 2, memoryBytes: 20 * 1024});
	window.add(7, {cpuPercent: undefined, memoryBytes: 1536});
	t.deepEqual(window.take(99), {type: 'samples', at: 99, values: [[3, 12.35, 30], [7, null, 2]]});
	t.true(window.isEmpty);
});

test('a replayed record gives the verdict the run had: the leak found, the flat service held, the gap not counted', t => {
	const replayed = replay(twoSessions(), profile);
	t.truthy(replayed?.budgets);
	if (replayed?.budgets === undefined) return;
	const verdict = buildVerdict({header: replayed.header, ledger: replayed.ledger, monitor: replayed.monitor, budgets: replayed.budgets, now: replayed.lastAt});
	const budget = (id: string) => verdict.budgets.find(item => item.id === id);
	t.is(budget('leak:grow')?.status, 'breached');
	t.true(Math.abs((budget('leak:grow')?.observed ?? 0) / mib - 60) < 6, `slope ${(budget('leak:grow')?.observed ?? 0) / mib} MiB/h`);
	t.is(budget('leak:flat')?.status, 'held');
	t.is(verdict.run.sessions, 2);
	t.is(verdict.run.elapsedMs, 1_200_000);
	t.is(verdict.run.observedMs, 1_200_000 - 30_000, 'the 30 s nobody watched are left out');
	t.is(budget('uptime:grow')?.status, 'held');
	t.is(replayed.ledger.gaps.length, 1);
});

test('readRecord downsamples every series to at most the points asked for, keeping peaks, and reads the verdict file', async t => {
	const directory = temporaryDirectory(t);
	const {verdict} = await writeSyntheticRecord(directory, {hours: 6, containers: 20});
	const run = await readRecord(directory, {maximumPoints: 500});
	t.true(run.bucketMs % 2000 === 0 && run.bucketMs >= 2000);
	t.true(run.series.stack.memory.length <= 500 && run.series.stack.memory.length > 400, `${run.series.stack.memory.length} buckets`);
	const leaking = run.series.services['service-00']?.memory ?? [];
	t.true((leaking.at(-1)?.max ?? 0) > (leaking[0]?.max ?? 0) + 40 * mib, 'the leak shows in the buckets');
	t.is(Object.keys(run.series.services).length, 20);
	t.deepEqual(run.verdict, verdict);
	t.true(run.events.some(event => event.kind === 'die') && run.events.some(event => event.kind === 'start'));
	t.is(run.end?.reason, 'completed');
});

test('readRecord of a directory without a record is a one-line RecordError', async t => {
	const directory = temporaryDirectory(t);
	const error = await t.throwsAsync(readRecord(directory), {instanceOf: RecordError});
	t.regex(error?.message ?? '', /no stacktui record here/);
	writeFileSync(path.join(directory, 'record.ndjson'), `${JSON.stringify(header(start, 1))}\n`);
	const missing = await t.throwsAsync(readRecord(directory), {instanceOf: RecordError});
	t.regex(missing?.message ?? '', /no verdict.json/);
});

test('opening a record of the run continues it (same run id, next session); another project is refused', t => {
	const directory = temporaryDirectory(t);
	writeFileSync(path.join(directory, 'record.ndjson'), twoSessions().map(line => JSON.stringify(line)).join('\n') + '\n');
	const plan = {directory, profile, services: ['grow', 'flat'], command: 'soak' as const, plannedDurationMs: 1_800_000, engine: {address: 'a', version: 'v'}, secrets: [], now: start + 1_300_000};
	const opened = openRecord(plan);
	t.true(opened.isResumed);
	t.like(opened.header, {runId: 'r1', session: 3});
	t.is(opened.first.at, start);
	t.is(opened.containers.get('id-grow')?.index, 0);
	const error = t.throws(() => openRecord({...plan, profile: {...profile, project: 'other'}}), {instanceOf: RecordError});
	t.regex(error?.message ?? '', /records project unit, not other/);
});

test('a real soak\'s record reads back: its sessions, series per service, marks and verdict (test/fixtures/soak/small-run)', async t => {
	const run = await readRecord('test/fixtures/soak/small-run');
	t.is(run.header.command, 'soak');
	t.is(run.sessions.length, 1);
	t.is(run.end?.reason, 'completed');
	t.deepEqual(Object.keys(run.series.services).sort(), ['grow', 'spike', 'victim', 'web']);
	const grow = run.series.services['grow']?.memory ?? [];
	t.true((grow.at(-1)?.mean ?? 0) > (grow[0]?.mean ?? 0) + 5 * mib, 'grow grows');
	t.true(Math.max(...(run.series.services['spike']?.memory ?? []).map(bucket => bucket.max)) > 40 * mib, 'the spike is kept');
	t.true(run.events.some(event => event.kind === 'step' && /kill-victim passed/.test(event.text)));
	t.true(run.events.some(event => event.kind === 'probe-failing' && event.subject === 'web-ok'));
	t.true(run.events.some(event => event.kind === 'die' && event.subject === 'victim'));
	t.is(run.verdict.status, 'breached');
	t.deepEqual(run.verdict.budgets.filter(budget => budget.status === 'breached').map(budget => budget.id).sort(), ['leak:grow', 'probe-success:web-ok']);
});
