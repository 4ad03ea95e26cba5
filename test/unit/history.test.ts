import test from 'ava';
import {SampleRing, StackHistory} from '../../source/stack/history.js';

test('a ring keeps its values oldest first', t => {
	const ring = new SampleRing(5, 60_000);
	for (const [time, value] of [[1000, 1], [2000, 2], [3000, 3]] as const) ring.push(time, value);
	t.deepEqual(ring.values(), [1, 2, 3]);
});

test('a full ring drops its oldest values and never grows past its capacity', t => {
	const ring = new SampleRing(3, 60_000);
	for (let index = 1; index <= 7; index++) ring.push(index, index * 10);
	t.is(ring.size, 3);
	t.deepEqual(ring.values(), [50, 60, 70]);
});

test('one million samples at one a millisecond stay bounded by count', t => {
	const ring = new SampleRing(300, Number.POSITIVE_INFINITY);
	for (let index = 0; index < 1e6; index++) ring.push(index, index);
	t.is(ring.size, 300);
	t.deepEqual(ring.values().slice(-2), [999_998, 999_999]);
});

test('one million samples at one a second stay bounded by age', t => {
	const ring = new SampleRing(1e6, 300_000);
	for (let index = 0; index < 1e6; index++) ring.push(index * 1000, index);
	// Samples at most 300 s older than the newest: 301 of them.
	t.is(ring.size, 301);
	t.is(ring.values()[0], 1e6 - 301);
});

test('reading with the current time drops samples that aged out since the last push', t => {
	const ring = new SampleRing(10, 5000);
	ring.push(1000, 1);
	ring.push(4000, 4);
	t.deepEqual(ring.values(7000), [4]);
	t.deepEqual(ring.values(10_000), []);
});

test('a ring rejects a capacity that is not a positive integer', t => {
	t.throws(() => new SampleRing(0, 1000), {instanceOf: RangeError});
	t.throws(() => new SampleRing(2.5, 1000), {instanceOf: RangeError});
});

test('the stack history keeps CPU and memory per container and skips a first sample without CPU %', t => {
	const history = new StackHistory();
	history.record('a', 1000, {cpuPercent: undefined, memoryBytes: 100});
	history.record('a', 2000, {cpuPercent: 50, memoryBytes: 200});
	history.record('b', 2000, {cpuPercent: 5, memoryBytes: 7});
	t.deepEqual(history.cpu('a'), [50]);
	t.deepEqual(history.memory('a'), [100, 200]);
	t.deepEqual(history.cpu('b'), [5]);
	t.deepEqual(history.cpu('unknown'), []);
});

test('the stack history is bounded per container by its options', t => {
	const history = new StackHistory({maximumCount: 60, maximumAgeMs: 30_000});
	for (let index = 0; index < 100_000; index++) history.record('a', index * 100, {cpuPercent: index, memoryBytes: index});
	t.is(history.cpu('a').length, 60);
	const aged = new StackHistory({maximumCount: 1000, maximumAgeMs: 30_000});
	for (let index = 0; index < 100_000; index++) aged.record('a', index * 1000, {cpuPercent: index, memoryBytes: index});
	t.is(aged.memory('a').length, 31);
});

test('retain forgets removed containers', t => {
	const history = new StackHistory();
	for (const id of ['a', 'b', 'c']) history.record(id, 1000, {cpuPercent: 1, memoryBytes: 1});
	history.retain(['b']);
	t.is(history.size, 1);
	t.deepEqual(history.cpu('a'), []);
	t.deepEqual(history.cpu('b'), [1]);
});
