import v8 from 'node:v8';
import vm from 'node:vm';
import test from 'ava';
import type {LogLine} from '../../source/engine/types.js';
import {LogBuffer} from '../../source/stack/log-buffer.js';

const web = {service: 'web', label: 'web'};
const database = {service: 'db', label: 'db'};

function line(second: number, text: string, containerId = 'c1'): LogLine {
	return {containerId, stream: 'stdout', time: new Date(Date.UTC(2024, 4, 1, 10, 0, 0) + second * 1000).toISOString(), text};
}

function texts(buffer: LogBuffer, service?: string): string[] {
	return buffer.lines(service).map(item => item.text);
}

test('lines are stored sanitized, numbered in arrival order, with their labels in first-seen order', t => {
	const buffer = new LogBuffer();
	buffer.push(database, line(1, '\u001B]0;pwned\u0007\u001B[31mred\u001B[0m'));
	buffer.push(web, line(2, 'plain'));
	buffer.push(database, line(3, 'again'));
	t.deepEqual(texts(buffer), ['red', 'plain', 'again']);
	t.deepEqual(buffer.lines().map(item => item.sequence), [1, 2, 3]);
	t.is(buffer.lastSequence, 3);
	t.deepEqual(buffer.labels, ['db', 'web']);
	t.deepEqual(texts(buffer, 'db'), ['red', 'again']);
	t.deepEqual(buffer.lines(), buffer.lines(undefined));
	t.deepEqual(buffer.lines('missing'), []);
});

test('each service and the merged view drop their oldest lines beyond their own limit', t => {
	const buffer = new LogBuffer({linesPerService: 3, mergedLines: 5});
	for (let second = 1; second <= 4; second += 1) {
		buffer.push(web, line(second, `web ${second}`));
	}

	for (let second = 5; second <= 7; second += 1) {
		buffer.push(database, line(second, `db ${second}`));
	}

	t.deepEqual(texts(buffer, 'web'), ['web 2', 'web 3', 'web 4']);
	t.is(buffer.dropped('web'), 1);
	t.deepEqual(texts(buffer, 'db'), ['db 5', 'db 6', 'db 7']);
	t.is(buffer.dropped('db'), 0);
	t.deepEqual(texts(buffer), ['web 3', 'web 4', 'db 5', 'db 6', 'db 7']);
	t.is(buffer.dropped(), 2);
	t.is(buffer.size(), 5);
});

test('lines of several containers interleave by time, whatever order they arrive in', t => {
	const buffer = new LogBuffer();
	// History of one container arrives whole before the other's.
	for (const second of [1, 3, 5]) {
		buffer.push(web, line(second, `web ${second}`, 'a'));
	}

	for (const second of [0, 2, 4, 5]) {
		buffer.push(database, line(second, `db ${second}`, 'b'));
	}

	t.deepEqual(texts(buffer), ['db 0', 'web 1', 'db 2', 'web 3', 'db 4', 'web 5', 'db 5'], 'equal times keep arrival order');
	t.deepEqual(buffer.lines().map(item => item.sequence), [4, 1, 5, 2, 6, 3, 7]);
});

test('a line without a time (the rest of a very long line) stays after the line before it', t => {
	const buffer = new LogBuffer();
	buffer.push(web, line(5, 'start of a long line'));
	buffer.push(web, {containerId: 'c1', stream: 'stdout', time: '', text: 'its rest'});
	t.deepEqual(texts(buffer), ['start of a long line', 'its rest']);
});

test('a snapshot does not change when lines arrive later', t => {
	const buffer = new LogBuffer({linesPerService: 2, mergedLines: 2});
	buffer.push(web, line(1, 'one'));
	const snapshot = buffer.lines();
	buffer.push(web, line(2, 'two'));
	buffer.push(web, line(3, 'three'));
	t.deepEqual(snapshot.map(item => item.text), ['one']);
});

test('listeners hear every push until they unsubscribe', t => {
	const buffer = new LogBuffer();
	let calls = 0;
	const unsubscribe = buffer.subscribe(() => {
		calls += 1;
	});
	buffer.push(web, line(1, 'one'));
	buffer.push(web, line(2, 'two'));
	unsubscribe();
	buffer.push(web, line(3, 'three'));
	t.is(calls, 2);
});

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapUsed(): number {
	collectGarbage();
	collectGarbage();
	return process.memoryUsage().heapUsed;
}

test('a million lines keep memory bounded and the counts right', t => {
	const buffer = new LogBuffer();
	const start = Date.UTC(2024, 4, 1);
	const push = (from: number, to: number) => {
		for (let index = from; index < to; index += 1) {
			const time = new Date(start + index).toISOString();
			buffer.push(index % 2 === 0 ? web : database, {containerId: 'c', stream: 'stdout', time, text: `line ${index} of the soak test`});
		}
	};

	push(0, 100_000);
	const before = heapUsed();
	push(100_000, 1_000_000);
	const growth = heapUsed() - before;
	// 900,000 more lines held would take over 100 MB; a bounded buffer stays where it was.
	t.true(growth < 8 * 1024 * 1024, `heap grew by ${Math.round(growth / 1024)} KiB`);
	t.is(buffer.size('web'), 5000);
	t.is(buffer.size('db'), 5000);
	t.is(buffer.size(), 20_000);
	t.is(buffer.dropped('web'), 495_000);
	t.is(buffer.dropped(), 980_000);
	t.is(buffer.lastSequence, 1_000_000);
	t.is(buffer.lines().at(-1)?.text, 'line 999999 of the soak test');
	t.is(buffer.lines()[0]?.text, 'line 980000 of the soak test');
	t.is(buffer.lines('db')[0]?.text, 'line 990001 of the soak test');
});
