import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

/** ink's Output (build/output.js): the operations of one frame, turned into text by get(). */
type Clip = {readonly x1?: number; readonly x2?: number; readonly y1?: number; readonly y2?: number};
type Operation =
	| {readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly transformers: ReadonlyArray<(line: string, index: number) => string>}
	| {readonly type: 'clip'; readonly clip: Clip}
	| {readonly type: 'unclip'};
type OutputInstance = {width: number; height: number; operations: Operation[]; get(): {output: string; height: number}};
export type OutputClass = {new (options: {width: number; height: number}): OutputInstance; prototype: OutputInstance};

/** One row's writes, in order: where each starts and its text after clipping and transformers. */
export type RowWrites = Array<readonly [x: number, line: string]>;

/**
 * The writes that land on each row, exactly as ink's Output.get() places them: the same clipping,
 * the same transformer calls, and its quirk of dropping the rest of a text once a line falls outside.
 */
export function rowWrites(operations: readonly Operation[], height: number): RowWrites[] {
	const rows: RowWrites[] = Array.from({length: height}, () => []);
	const clips: Clip[] = [];
	for (const operation of operations) {
		if (operation.type === 'clip') clips.push(operation.clip);
		if (operation.type === 'unclip') clips.pop();
		if (operation.type !== 'write') continue;
		let {x, y} = operation;
		let lines = operation.text.split('\n');
		const clip = clips.at(-1);
		if (clip) {
			const isHorizontal = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
			const isVertical = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
			if (isHorizontal && (x + Math.max(...lines.map(line => stringWidth(line))) < clip.x1! || x > clip.x2!)) continue;
			if (isVertical && (y + lines.length < clip.y1! || y > clip.y2!)) continue;
			if (isHorizontal) {
				const start = x;
				lines = lines.map(line => {
					const width = stringWidth(line);
					return sliceAnsi(line, start < clip.x1! ? clip.x1! - start : 0, start + width > clip.x2! ? clip.x2! - start : width);
				});
				if (x < clip.x1!) x = clip.x1!;
			}

			if (isVertical) {
				const from = y < clip.y1! ? clip.y1! - y : 0;
				lines = lines.slice(from, y + lines.length > clip.y2! ? clip.y2! - y : lines.length);
				if (y < clip.y1!) y = clip.y1!;
			}
		}

		let offsetY = 0;
		for (let [index, line] of lines.entries()) {
			const row = rows[y + offsetY];
			if (row === undefined) continue;
			for (const transformer of operation.transformers) line = transformer(line, index);
			row.push([x, line]);
			offsetY++;
		}
	}

	return rows;
}

/** Rows already turned into text, by width and writes; bounded, since values keep changing. */
const maximumCachedRows = 2000;

/**
 * Makes ink's Output.get() build only the rows whose writes changed since they were last seen. ink
 * turns every cell of the whole screen into a styled-character object, tokenizes and re-joins every
 * line on every render (most of the dashboard's CPU at 200×50); a row with the same writes always
 * gives the same text, so that text is reused. A new row is built by ink's own get() on a one-row
 * Output, so the result is ink's, character for character (test/unit/ink-output-cache.test.ts).
 */
export function installOutputCache(Output: OutputClass): () => void {
	const originalGet = Output.prototype.get;
	const cache = new Map<string, string>();
	const buildRow = (width: number, writes: RowWrites): string => {
		const single = new Output({width, height: 1});
		single.operations = writes.map(([x, text]) => ({type: 'write', x, y: 0, text, transformers: []}));
		return originalGet.call(single).output;
	};

	Output.prototype.get = function (this: OutputInstance) {
		const lines = rowWrites(this.operations, this.height).map(writes => {
			if (writes.length === 0) return '';
			let key = String(this.width);
			for (const [x, line] of writes) key += `\u0000${x}\u0001${line}`;
			let text = cache.get(key);
			if (text === undefined) {
				text = buildRow(this.width, writes);
				if (cache.size >= maximumCachedRows) cache.clear();
				cache.set(key, text);
			}

			return text;
		});
		return {output: lines.join('\n'), height: this.height};
	};

	return () => {
		Output.prototype.get = originalGet;
	};
}

/** ink's Output class: the module ink's renderer uses (same file, same instance), which ink does not export. */
export async function loadInkOutput(): Promise<OutputClass> {
	const url = new URL('output.js', import.meta.resolve('ink'));
	return ((await import(url.href)) as {default: OutputClass}).default;
}
