import test from 'ava';
import type {TimelineEvent} from '../../source/soak/recorded-run.js';
import {chartData} from '../../source/soak/report/chart-data.js';
import {formatInUnit, formatMilliseconds, formatRatio} from '../../source/soak/report/format-values.js';
import {maximumMarks} from '../../source/soak/report/marks.js';
import {bucketMs, recordedRun, start} from '../fixtures/soak-report/recorded-run.js';

const minute = 60_000;
const mib = 1024 * 1024;
const data = chartData(recordedRun());
const postgres = data.services.find(service => service.name === 'postgres')!;
const redis = data.services.find(service => service.name === 'redis')!;
const seconds = (offsetMs: number) => (start + offsetMs) / 1000;

test('one time axis for every chart, at bucket midpoints, with a point in the gap so lines break there', t => {
	t.is(data.times[0], seconds(bucketMs / 2));
	t.true(data.times.every((time, index) => index === 0 || time > (data.times[index - 1] ?? 0)));
	const inGap = data.times.findIndex(time => time > seconds(20 * minute) && time < seconds(25 * minute));
	t.not(inGap, -1);
	t.is(postgres.memory.mean[inGap], null);
	t.is(data.stack.cpu.mean[inGap], null);
	t.deepEqual(data.gaps, [[seconds(20 * minute), seconds(25 * minute)]]);
	for (const series of [postgres.memory.min, postgres.memory.max, postgres.cpu.mean]) t.is(series.length, data.times.length);
});

test('a phase budget is drawn only during its phase; breaches shade the chart of their resource', t => {
	t.deepEqual(
		postgres.memory.budgets.map(line => ({label: line.label, limit: line.limit, spans: line.spans})),
		[
			{label: 'budget 200MiB (idle)', limit: 200 * mib, spans: [[seconds(0), seconds(30 * minute)]]},
			{label: 'budget 500MiB (load)', limit: 500 * mib, spans: [[seconds(30 * minute), seconds(60 * minute)]]},
		],
	);
	t.deepEqual(postgres.cpu.budgets, [{label: 'budget 50%', limit: 50, spans: null}]);
	t.deepEqual(postgres.memory.breaches, [{from: seconds(10 * minute), to: seconds(18 * minute), label: 'memory:postgres@idle breached'}]);
	t.deepEqual(postgres.cpu.breaches, []);
	// The leak budget's open breach shades redis's memory chart up to the end of the run.
	t.deepEqual(redis.memory.breaches, [{from: seconds(35 * minute), to: seconds(60 * minute), label: 'leak:redis breached'}]);
});

test('the leak slope is drawn over its window, through the data', t => {
	const leak = redis.memory.leak!;
	t.is(leak.from, seconds(25 * minute));
	t.is(leak.to, seconds(60 * minute));
	// The fixture grows 0.5 MiB a minute from 20 MiB: 32.5 MiB at 25 min, 50 MiB at 60 min.
	t.true(Math.abs(leak.fromValue - 32.5 * mib) < 0.3 * mib, `${leak.fromValue / mib} MiB`);
	t.true(Math.abs(leak.toValue - 50 * mib) < 0.3 * mib, `${leak.toValue / mib} MiB`);
	t.true(leak.isLeaking);
});

test('marks: a service gets its starts, exits, keys and the steps aimed at it; the stack its phases and resumes', t => {
	t.deepEqual(
		postgres.marks.map(mark => mark.kind),
		['start', 'step', 'die', 'start'],
	);
	t.deepEqual(
		data.stack.marks.map(mark => mark.kind),
		['phase', 'resume', 'phase', 'step'],
	);
	t.deepEqual(data.services.find(service => service.name === 'web')?.marks.map(mark => mark.kind), ['action']);
});

test('a crash loop does not paint a chart solid: marks are capped, the newest kept', t => {
	const events: TimelineEvent[] = Array.from({length: maximumMarks + 50}, (_, index) => ({at: start + index * 1000, kind: 'start', subject: 'web', text: `start ${index}`}));
	const marks = chartData(recordedRun({events})).services.find(service => service.name === 'web')!.marks;
	t.is(marks.length, maximumMarks);
	t.is(marks.at(-1)?.text, `start ${maximumMarks + 49}`);
});

test('values read as people write them', t => {
	t.is(formatRatio(0.9995), '99.95%');
	t.is(formatRatio(1), '100%');
	t.is(formatRatio(0.99999), '99.99%');
	t.is(formatRatio(1 / 3), '33.33%');
	t.is(formatInUnit(200 * mib, 'bytes'), '200MiB');
	t.is(formatInUnit(-2 * mib, 'bytes-per-hour'), '-2MiB/h');
	t.is(formatInUnit(12.345, 'percent'), '12.35%');
	t.is(formatInUnit(null, 'ms'), '–');
	t.is(formatMilliseconds(850), '850 ms');
	t.is(formatMilliseconds(12_345), '12.3 s');
	t.is(formatMilliseconds(26 * 3_600_000), '1d02h');
});
