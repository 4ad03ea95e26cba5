/**
 * A small model of a terminal screen for testing what the frame writer sends: cells of (character,
 * style), a cursor, and the sequences the writer and ink use — CSI row;col H, CSI K, CSI 2J, SGR
 * (kept as the cell's style string), DEC private modes (ignored). Anything else fails loudly.
 */
export class VirtualTerminal {
	readonly cells: Array<Array<{char: string; style: string}>>;
	#row = 0;
	#column = 0;
	#style = '';

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		this.cells = Array.from({length: rows}, () => this.#blankRow());
	}

	write(data: string): void {
		// eslint-disable-next-line no-control-regex
		const pattern = /\u001B\[([?\d;]*)([A-Za-z])|([^\u001B])/gy;
		let match: RegExpExecArray | null;
		let consumed = 0;
		while ((match = pattern.exec(data)) !== null) {
			consumed = pattern.lastIndex;
			if (match[3] !== undefined) {
				this.#print(match[3]);
				continue;
			}

			this.#control(match[1] ?? '', match[2] ?? '');
		}

		if (consumed !== data.length) throw new Error(`unknown sequence at ${consumed}: ${JSON.stringify(data.slice(consumed, consumed + 12))}`);
	}

	/** Each row as characters with style markers, trailing blanks trimmed: equal screens give equal text. */
	snapshot(): string[] {
		return this.cells.map(row => row.map(cell => (cell.style === '' ? cell.char : `{${cell.style}}${cell.char}`)).join('').replace(/ +$/, ''));
	}

	#print(char: string): void {
		if (char === '\n') {
			this.#row = Math.min(this.rows - 1, this.#row + 1);
			this.#column = 0;
			return;
		}

		const row = this.cells[this.#row];
		if (row !== undefined && this.#column < this.columns) row[this.#column] = {char, style: this.#style};
		this.#column++;
	}

	#control(parameters: string, command: string): void {
		if (parameters.startsWith('?')) return; // Private modes: synchronized output, cursor visibility.
		const numbers = parameters === '' ? [] : parameters.split(';').map(Number);
		switch (command) {
			case 'H': {
				this.#row = Math.max(0, (numbers[0] ?? 1) - 1);
				this.#column = Math.max(0, (numbers[1] ?? 1) - 1);
				return;
			}

			case 'K': {
				const row = this.cells[this.#row];
				for (let column = this.#column; row !== undefined && column < this.columns; column++) row[column] = {char: ' ', style: this.#style};
				return;
			}

			case 'J': {
				if (numbers[0] === 2) for (let row = 0; row < this.rows; row++) this.cells[row] = this.#blankRow();
				return;
			}

			case 'm': {
				this.#style = applySgr(this.#style, numbers.length === 0 ? [0] : numbers);
				return;
			}

			default: {
				throw new Error(`unexpected CSI ${parameters}${command}`);
			}
		}
	}

	#blankRow(): Array<{char: string; style: string}> {
		return Array.from({length: this.columns}, () => ({char: ' ', style: ''}));
	}
}

const attributeOn: Readonly<Record<number, string>> = {1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline', 7: 'inverse', 8: 'hidden', 9: 'strike'};
const attributesOff: Readonly<Record<number, readonly string[]>> = {22: ['bold', 'dim'], 23: ['italic'], 24: ['underline'], 27: ['inverse'], 28: ['hidden'], 29: ['strike']};

/** A cell's style as a sorted attribute list (bold, fg=31, bg=5;208, …), so equal looks compare equal however encoded. */
function applySgr(style: string, codes: readonly number[]): string {
	const attributes = new Map<string, string>(style === '' ? [] : style.split(',').map(entry => entry.split('=') as [string, string]).map(([key, value]) => [key, value ?? '']));
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index]!;
		if (code === 0) attributes.clear();
		else if (attributeOn[code] !== undefined) attributes.set(attributeOn[code], '');
		else if (attributesOff[code] !== undefined) for (const name of attributesOff[code]) attributes.delete(name);
		else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) attributes.set('fg', String(code));
		else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) attributes.set('bg', String(code));
		else if (code === 39) attributes.delete('fg');
		else if (code === 49) attributes.delete('bg');
		else if (code === 38 || code === 48) {
			const length = codes[index + 1] === 5 ? 2 : 4;
			attributes.set(code === 38 ? 'fg' : 'bg', codes.slice(index + 1, index + 1 + length).join(';'));
			index += length;
		} else throw new Error(`unexpected SGR ${code}`);
	}

	return [...attributes].map(([key, value]) => (value === '' ? key : `${key}=${value}`)).sort().join(',');
}

/** What a frame looks like drawn on a clear screen, line by line from the top. */
export function drawnAlone(frame: string, columns: number, rows: number): string[] {
	const terminal = new VirtualTerminal(columns, rows);
	for (const [index, line] of frame.split('\n').slice(0, rows).entries()) terminal.write(`\u001B[${index + 1};1H${line}\u001B[0m`);
	return terminal.snapshot();
}
