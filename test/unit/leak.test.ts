import test from 'ava';
import {isLeak, trendOf, type Point} from '../../source/stack/leak.js';
import {LeakTracker} from '../../source/stack/leak-tracker.js';

const mib = 1024 * 1024;
const minute = 60_000;
const hour = 60 * minute;

/** A deterministic noise source (same series on every run). */
function noise(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		// mulberry32
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
		mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32 - 0.5;
	};
}

/** Samples every 2 s for `durationMs`, value from `shape(t)` plus ±`jitter` bytes of noise. */
function series(durationMs: number, shape: (at: number) => number, jitter = 2 * mib, seed = 7): Point[] {
	const random = noise(seed);
	const points: Point[] = [];
	for (let at = 0; at <= durationMs; at += 2000) points.push({at, value: shape(at) + random() * 2 * jitter});
	return points;
}

function leakAfter(points: readonly Point[], windowMs = 30 * minute) {
	const tracker = new LeakTracker({windowMs, warmupMs: 0});
	for (const point of points) tracker.add(point.at, point.value);
	return tracker.reading();
}

const base = 100 * mib;

test('steady growth of 20 MiB/h under noise is found, with its rate and a confident, steady trend', t => {
	const reading = leakAfter(series(hour, at => base + (20 * mib * at) / hour));
	t.truthy(reading);
	const slope = (reading?.slopePerHour ?? 0) / mib;
	t.true(slope > 15 && slope < 25, `slope ${slope} MiB/h`);
	t.true((reading?.lowerPerHour ?? 0) > 0);
	t.true((reading?.confidence ?? 0) > 0.99);
	t.true(reading?.isSteady);
	t.true(reading !== undefined && isLeak(reading, 10 * mib));
	t.false(reading !== undefined && isLeak(reading, 30 * mib), 'below a higher limit it is no leak');
});

test('noise alone is no leak: slope near zero and no leak at 10 MiB/h, over 20 different noises', t => {
	let confident = 0;
	for (let seed = 1; seed <= 20; seed++) {
		const reading = leakAfter(series(hour, () => base, 4 * mib, seed));
		t.truthy(reading);
		if (reading === undefined) continue;
		t.true(Math.abs(reading.slopePerHour / mib) < 2, `seed ${seed}: ${reading.slopePerHour / mib} MiB/h`);
		t.false(isLeak(reading, 10 * mib), `seed ${seed} looked like a leak`);
		if (reading.confidence > 0.95) confident++;
	}

	t.true(confident <= 3, `${confident} of 20 noise series looked confidently growing`);
});

test('a one-off spike is no trend: the median slope ignores it', t => {
	const reading = leakAfter(series(hour, at => (at > 40 * minute && at < 42 * minute ? base + 300 * mib : base)));
	t.true(Math.abs((reading?.slopePerHour ?? Number.NaN) / mib) < 5);
	t.false(reading?.isSteady);
	t.false(reading !== undefined && isLeak(reading, mib));
});

test('a jump to a plateau is not steady growth, though its slope is positive', t => {
	const reading = leakAfter(series(hour, at => (at > 45 * minute ? base + 80 * mib : base)));
	t.true((reading?.slopePerHour ?? 0) > 10 * mib, 'Theil–Sen alone would call it a leak');
	t.false(reading?.isSteady);
	t.false(reading !== undefined && isLeak(reading, 10 * mib));
});

test('growth then a plateau: the window past the growth sees no trend', t => {
	const reading = leakAfter(series(2 * hour, at => base + Math.min(at, 20 * minute) * ((60 * mib) / (20 * minute))));
	t.true(Math.abs((reading?.slopePerHour ?? Number.NaN) / mib) < 5);
	t.false(reading?.isSteady);
});

test('a restart begins the window again, and the warm-up after it is left out', t => {
	const tracker = new LeakTracker({windowMs: 10 * minute, warmupMs: minute});
	for (let at = 0; at <= 20 * minute; at += 2000) tracker.add(at, base + (100 * mib * at) / hour);
	t.true((tracker.reading()?.slopePerHour ?? 0) > 50 * mib);
	tracker.restart(20 * minute);
	t.is(tracker.reading(), undefined);
	for (let at = 20 * minute; at <= 25 * minute; at += 2000) tracker.add(at, base);
	t.true(tracker.coveredMs <= 4 * minute, 'the first minute after the restart is warm-up');
	t.is(tracker.reading(0.5)?.slopePerHour ?? 0, 0);
});

test('too few points or no time span give no trend', t => {
	t.is(trendOf([{at: 0, value: 1}, {at: 1, value: 2}, {at: 2, value: 3}]), undefined);
	t.is(trendOf([{at: 5, value: 1}, {at: 5, value: 2}, {at: 5, value: 3}, {at: 5, value: 4}]), undefined);
});
