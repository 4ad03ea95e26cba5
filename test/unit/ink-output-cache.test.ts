import test from 'ava';
import {seededRandom} from '../helpers/random.js';
import {installOutputCache, loadInkOutput} from '../../source/ui/ink-output-cache.js';

const texts = ['web', 'healthy', '12.34%', '▁▂▃▅▇', '数据库', '😀 ok', 'exited (1)', 'a\nb', 'line one\nline two\nline three', ''];
const colors = ['', '\u001B[32m', '\u001B[1m', '\u001B[7m', '\u001B[38;5;208m'];
const upper = (line: string) => line.toUpperCase();
const framed = (line: string, index: number) => `${index}|${line}`;

type Operations = Array<Record<string, unknown>>;

/** Random writes, clips and transformers like ink's renderer emits for boxes, text and overflow: hidden. */
function randomOperations(next: () => number, width: number, height: number): Operations {
	const operations: Operations = [];
	let depth = 0;
	for (let count = Math.floor(next() * 25); count > 0; count--) {
		const choice = next();
		if (choice < 0.15) {
			depth++;
			const x1 = Math.floor(next() * width);
			const y1 = Math.floor(next() * height);
			operations.push({type: 'clip', clip: next() < 0.2 ? {y1, y2: y1 + 3} : {x1, x2: x1 + Math.floor(next() * 20), y1, y2: y1 + Math.floor(next() * 6)}});
		} else if (choice < 0.22 && depth > 0) {
			depth--;
			operations.push({type: 'unclip'});
		} else {
			const color = colors[Math.floor(next() * colors.length)]!;
			const text = texts[Math.floor(next() * texts.length)]!;
			const transformers = [next() < 0.2 ? [upper] : [], next() < 0.1 ? [framed] : []].flat();
			operations.push({
				type: 'write',
				x: Math.floor(next() * (width + 4)) - 2,
				y: Math.floor(next() * (height + 2)) - 1,
				text: color === '' || text === '' ? text : text.split('\n').map(line => `${color}${line}\u001B[0m`).join('\n'),
				transformers,
			});
		}
	}

	return operations;
}

test.serial('with the row cache, ink\'s Output gives the same frame text as without it (random writes, clips, wide characters)', async t => {
	const Output = await loadInkOutput();
	const width = 30;
	const height = 8;
	const frames = Array.from({length: 400}, (_, seed) => randomOperations(seededRandom(seed + 1), width, height));
	const expected = frames.map(operations => {
		const output = new Output({width, height});
		output.operations = operations as never;
		return output.get();
	});
	const uninstall = installOutputCache(Output);
	try {
		// Twice: the second pass answers from the cache.
		for (const pass of [1, 2]) {
			for (const [index, operations] of frames.entries()) {
				const output = new Output({width, height});
				output.operations = operations as never;
				t.deepEqual(output.get(), expected[index], `pass ${pass}, frame ${index}`);
			}
		}
	} finally {
		uninstall();
	}
});

test.serial('the Output patched is the one ink renders with', async t => {
	const Output = await loadInkOutput();
	const {renderToString, Text} = await import('ink');
	const {createElement} = await import('react');
	let calls = 0;
	const original = Output.prototype.get;
	Output.prototype.get = function (this: InstanceType<typeof Output>) {
		calls++;
		return original.call(this);
	};

	try {
		t.is(renderToString(createElement(Text, null, 'hello')), 'hello');
		t.true(calls > 0);
	} finally {
		Output.prototype.get = original;
	}
});
