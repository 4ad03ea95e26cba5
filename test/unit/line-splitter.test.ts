import test from 'ava';
import {LineSplitter, maxLineBytes} from '../../source/engine/line-splitter.js';

/** Every line a splitter gives for these chunks, the flushed tail included. */
function splitAll(chunks: ReadonlyArray<Buffer | string>, maxLength?: number): string[] {
	const splitter = new LineSplitter(maxLength);
	return [...chunks.flatMap(chunk => splitter.push(chunk)), ...splitter.flush()];
}

test('a line split over several chunks comes out once, whole, when its break arrives', t => {
	const splitter = new LineSplitter();
	t.deepEqual(splitter.push('{"status":"st'), []);
	t.deepEqual(splitter.push(Buffer.from('art","id":"ab')), []);
	t.deepEqual(splitter.push('c"}\n{"sta'), ['{"status":"start","id":"abc"}']);
	t.deepEqual(splitter.push('tus":"die"}\n'), ['{"status":"die"}']);
});

test('several lines in one chunk come out in order, empty lines kept', t => {
	t.deepEqual(new LineSplitter().push('one\ntwo\n\nthree\n'), ['one', 'two', '', 'three']);
});

test('CRLF line breaks lose their carriage return, also when \\r and \\n are in different chunks', t => {
	t.deepEqual(splitAll(['tty line one\r\ntty line', ' two\r', '\nlast\r\n']), ['tty line one', 'tty line two', 'last']);
});

test('a carriage return inside a line is kept: only the one before the break goes', t => {
	t.deepEqual(splitAll(['progress 10%\rprogress 20%\r\n']), ['progress 10%\rprogress 20%']);
});

test('flush returns the unterminated tail once, then nothing', t => {
	const splitter = new LineSplitter();
	t.deepEqual(splitter.push('done\nno newline at end'), ['done']);
	t.deepEqual(splitter.flush(), ['no newline at end']);
	t.deepEqual(splitter.flush(), []);
	t.deepEqual(splitter.push('\n'), [''], 'the flushed tail is not joined to later input');
});

test('flush after a complete line returns nothing', t => {
	const splitter = new LineSplitter();
	splitter.push('complete\n');
	t.deepEqual(splitter.flush(), []);
});

test('an endless line is cut at the maximum length, nothing lost, and never held beyond it', t => {
	const maxLength = 64;
	const splitter = new LineSplitter(maxLength);
	const emitted: string[] = [];
	for (let index = 0; index < 1000; index++) {
		emitted.push(...splitter.push('x'.repeat(37)));
	}

	t.true(emitted.length > 500, 'pieces come out while the line is still going');
	t.true(emitted.every(piece => piece.length === maxLength));
	const tail = splitter.flush();
	t.is(tail.length, 1);
	t.true((tail[0] ?? '').length <= maxLength, 'what is held back is at most the limit');
	t.is([...emitted, ...tail].join('').length, 37 * 1000);
});

test('a cut line continues with its rest once the break arrives', t => {
	t.deepEqual(splitAll(['abcdefghij', 'kl\nnext\n'], 4), ['abcd', 'efgh', 'ijkl', 'next']);
});

test('a line exactly at the maximum length is not cut', t => {
	t.deepEqual(splitAll(['a'.repeat(8), '\n'], 8), ['a'.repeat(8)]);
});

test('the default limit is 64 KiB', t => {
	const splitter = new LineSplitter();
	const pieces = splitter.push('y'.repeat(maxLineBytes + 10));
	t.is(maxLineBytes, 65_536);
	t.deepEqual(pieces.map(piece => piece.length), [maxLineBytes]);
	t.deepEqual(splitter.flush(), ['y'.repeat(10)]);
});

// Known bug (see report): each Buffer chunk is decoded on its own, so a UTF-8 character split
// between two chunks (as HTTP chunks and the engine's 16 KiB log frames do) turns into U+FFFD.
test('a multi-byte character split between two chunks survives', t => {
	const bytes = Buffer.from('café ✓\n');
	t.deepEqual(splitAll([bytes.subarray(0, 4), bytes.subarray(4, 7), bytes.subarray(7)]), ['café ✓']);
});

// Known bug (see report): only the carried-over tail is cut; a long line whose break arrives in
// the same chunk is handed out whole (here 10 and 6 characters), however long it is.
test('no line handed out is longer than the limit, whatever the chunking', t => {
	const line = 'z'.repeat(10);
	for (const chunks of [[line + '\n'], [line.slice(0, 5), line.slice(5) + '\n']]) {
		t.deepEqual(splitAll(chunks, 4).map(piece => piece.length), [4, 4, 2]);
	}
});
