import {readFileSync} from 'node:fs';
import test from 'ava';
import {LogLineDecoder} from '../../source/engine/log-lines.js';
import {SeenLines} from '../../source/engine/seen-lines.js';
import type {LogLine} from '../../source/engine/types.js';

function line(time: string, text: string, stream: 'stdout' | 'stderr' = 'stdout'): LogLine {
	return {containerId: 'abc', stream, time, text};
}

function fixtureLines(name: string): LogLine[] {
	const decoder = new LogLineDecoder('abc', false);
	const bytes = readFileSync(new URL(`../fixtures/logs/${name}`, import.meta.url));
	return [...decoder.push(bytes), ...decoder.flush()];
}

function accepted(seen: SeenLines, lines: readonly LogLine[]): string[] {
	return lines.filter(item => seen.accept(item)).map(item => item.text);
}

test('every line of a first stream is delivered', t => {
	const lines = fixtureLines('multiplexed.bin');
	t.deepEqual(accepted(new SeenLines(), lines), lines.map(item => item.text));
});

test('a stream reopened with since() after a restart delivers only what is new', t => {
	const seen = new SeenLines();
	accepted(seen, [line('2024-05-01T10:00:00.100000000Z', 'boot'), line('2024-05-01T10:00:01.000000000Z', 'stopping')]);
	// The engine's since is inclusive: the reopened stream repeats the lines at that very time.
	seen.beginStream();
	const reopened = [
		line('2024-05-01T10:00:01.000000000Z', 'stopping'),
		line('2024-05-01T10:00:05.000000000Z', 'boot'),
		line('2024-05-01T10:00:05.000000001Z', 'ready'),
	];
	t.deepEqual(accepted(seen, reopened), ['boot', 'ready']);
});

test('a line at an older time than the newest delivered one is dropped', t => {
	const seen = new SeenLines();
	t.true(seen.accept(line('2024-05-01T10:00:02Z', 'newer')));
	t.false(seen.accept(line('2024-05-01T10:00:01.999999999Z', 'older')));
});

test('a reopened stream\'s copy of a line at the same time is dropped; a different line at that time is kept', t => {
	const seen = new SeenLines();
	const time = '2024-05-01T10:00:00.123456789Z';
	t.true(seen.accept(line(time, 'first')));
	seen.beginStream();
	t.false(seen.accept(line(time, 'first')));
	t.true(seen.accept(line(time, 'second')));
	seen.beginStream();
	t.false(seen.accept(line(time, 'first')));
	t.false(seen.accept(line(time, 'second')));
});

test('Podman stamps to the second: repeated lines in one second all show, and a reopen resends only what is new', t => {
	const seen = new SeenLines();
	const second = '2026-12-04T21:16:38Z';
	t.deepEqual(accepted(seen, [line(second, 'tick'), line(second, 'tick'), line(second, 'tock')]), ['tick', 'tick', 'tock']);
	// Stopped and started within that second: the engine resends the second's lines, then the new ones.
	seen.beginStream();
	const resent = [line(second, 'tick'), line(second, 'tick'), line(second, 'tock'), line(second, 'tick'), line('2026-12-04T21:16:39Z', 'tick')];
	t.deepEqual(accepted(seen, resent), ['tick', 'tick']);
});

test('the same text at the same time on the other stream is kept', t => {
	const seen = new SeenLines();
	const time = '2024-05-01T10:00:00.123456789Z';
	t.true(seen.accept(line(time, 'boom', 'stdout')));
	t.true(seen.accept(line(time, 'boom', 'stderr')));
});

test('lines seen at an older time are forgotten once time moves on', t => {
	const seen = new SeenLines();
	seen.accept(line('2024-05-01T10:00:00Z', 'tick'));
	t.true(seen.accept(line('2024-05-01T10:00:01Z', 'tick')));
	seen.beginStream();
	t.false(seen.accept(line('2024-05-01T10:00:01Z', 'tick')));
});

test('since() is undefined before any line', t => {
	t.is(new SeenLines().since(), undefined);
});

test('since() is the newest time as seconds.nanoseconds, always nine digits', t => {
	const seen = new SeenLines();
	seen.accept(line('2024-05-01T10:00:00.000000042Z', 'a'));
	const seconds = Date.UTC(2024, 4, 1, 10) / 1000;
	t.is(seen.since(), `${seconds}.000000042`);
	seen.accept(line('2024-05-01T10:00:00.5Z', 'b'));
	t.is(seen.since(), `${seconds}.500000000`);
	seen.accept(line('2024-05-01T09:00:00Z', 'older, dropped'));
	t.is(seen.since(), `${seconds}.500000000`, 'a dropped line does not move since back');
});

test('since() after the captured stdout lines is the time of the last one', t => {
	const seen = new SeenLines();
	accepted(seen, fixtureLines('multiplexed.bin').filter(item => item.stream === 'stdout'));
	t.regex(seen.since() ?? '', /^\d+\.\d{9}$/);
	t.is(seen.since(), `${Date.UTC(2026, 10, 22, 3, 11, 59) / 1000}.957249377`);
});

// Known bug (see report): stdout and stderr are stamped by two copiers in the engine, so in a
// real stream (captured: 37 of 6000 lines) a stderr line can arrive after a later stdout line.
// Here "out 7" (.294790705) comes after "err 7" (.294985931) and is dropped on the FIRST stream.
test('interleaved stdout and stderr of one stream are all delivered', t => {
	const lines = fixtureLines('out-of-order.bin');
	t.is(lines.length, 24);
	t.deepEqual(accepted(new SeenLines(), lines), lines.map(item => item.text));
});
