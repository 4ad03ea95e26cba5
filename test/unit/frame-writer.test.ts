import {EventEmitter} from 'node:events';
import test from 'ava';
import {seededRandom} from '../helpers/random.js';
import {beginSynchronized, diffFrame, endSynchronized} from '../../source/ui/frame-diff.js';
import {FrameWriter} from '../../source/ui/frame-writer.js';
import {drawnAlone, VirtualTerminal} from '../helpers/virtual-terminal.js';

/** A terminal stream that feeds a virtual terminal. */
function fakeTerminal(columns: number, rows: number) {
	const screen = new VirtualTerminal(columns, rows);
	const stream = Object.assign(new EventEmitter(), {
		columns,
		rows,
		written: [] as string[],
		write(data: string) {
			stream.written.push(data);
			screen.write(data);
			return true;
		},
	});
	return {screen, stream, writer: new FrameWriter(stream as unknown as NodeJS.WriteStream)};
}

const words = ['web', 'db', 'running', 'healthy', '12.34%', '1.5MiB', '▁▂▃▅▇', '—', 'exited (1)', ''];
const styles = ['', '\u001B[32m', '\u001B[1m', '\u001B[7m', '\u001B[31m\u001B[1m'];

function randomLine(next: () => number): string {
	let line = '';
	const parts = Math.floor(next() * 6);
	for (let part = 0; part < parts; part++) {
		const style = styles[Math.floor(next() * styles.length)]!;
		const word = words[Math.floor(next() * words.length)]!;
		line += style === '' ? word + ' ' : `${style}${word}\u001B[0m `;
	}

	// At most 5 words of at most 11 cells: always within the 80 columns below, as ink's lines are.
	return line.trimEnd();
}

test('after every frame, the screen is exactly what drawing that frame alone on a clear screen gives (random frames)', t => {
	const columns = 80;
	const rows = 12;
	for (let seed = 1; seed <= 30; seed++) {
		const next = seededRandom(seed);
		const {screen, writer} = fakeTerminal(columns, rows);
		let lines = Array.from({length: rows}, () => randomLine(next));
		for (let frame = 0; frame < 40; frame++) {
			// Change a few lines (or none), sometimes shorten or lengthen the frame.
			lines = lines.map(line => (next() < 0.2 ? randomLine(next) : line));
			if (next() < 0.1) lines = lines.slice(0, Math.floor(next() * rows) + 1);
			while (next() < 0.1 && lines.length < rows + 2) lines.push(randomLine(next));
			const text = lines.join('\n');
			// ink never renders an empty frame; an empty write is its eraser, which the writer ignores.
			if (text === '') continue;
			writer.write(text);
			t.deepEqual(screen.snapshot(), drawnAlone(text, columns, rows), `seed ${seed}, frame ${frame}`);
		}
	}
});

test('a changed value always reaches the screen, and only the changed line is written', t => {
	const {screen, stream, writer} = fakeTerminal(30, 4);
	writer.write('header\nweb   1.00%\ndb    2.00%\nstatus');
	stream.written.length = 0;
	writer.write('header\nweb   1.00%\ndb    2.50%\nstatus');
	t.is(screen.snapshot()[2], 'db    2.50%');
	t.deepEqual(stream.written, [`${beginSynchronized}\u001B[3;1Hdb    2.50%\u001B[0m\u001B[K${endSynchronized}`]);
	writer.write('header\nweb   1.00%\ndb    2.50%\nstatus');
	t.is(stream.written.length, 1, 'an unchanged frame writes nothing');
});

test('a shorter line leaves nothing of the longer one; a shorter frame blanks the rows it no longer has', t => {
	const {screen, writer} = fakeTerminal(30, 4);
	writer.write('one\nrestarting web\nthree\nfour');
	writer.write('one\nweb\nthree');
	t.deepEqual(screen.snapshot(), ['one', 'web', 'three', '']);
});

test('after a resize or a shell the whole frame is drawn again on a cleared screen', t => {
	const {screen, stream, writer} = fakeTerminal(30, 3);
	writer.write('a\nb\nc');
	screen.write('\u001B[2Jgarbage from a shell');
	writer.redraw();
	t.deepEqual(screen.snapshot(), ['a', 'b', 'c']);
	let resized = 0;
	writer.on('resize', () => resized++);
	stream.emit('resize');
	t.is(resized, 1, 'ink hears the resize through the writer');
	screen.write('\u001B[1;1Hreflowed junk');
	writer.write('a\nb\nc');
	t.deepEqual(screen.snapshot(), ['a', 'b', 'c'], 'the same frame after a resize is still drawn in full');
});

test('the diff never draws below the terminal', t => {
	t.false(diffFrame([], ['a', 'b', 'c'], 2).includes('\u001B[3;1H'));
});
