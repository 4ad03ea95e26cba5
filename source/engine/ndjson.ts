import {StringDecoder} from 'node:string_decoder';

/** Splits a stats stream into objects: dockerode's chunks are not line-aligned. Bad or oversized lines are skipped. */
export class NdjsonParser {
	readonly #decoder = new StringDecoder('utf8');
	#pending = '';
	#isDiscarding = false;

	/** @param maximumLineLength characters; a longer line is dropped so a broken stream cannot grow memory. */
	constructor(readonly maximumLineLength = 1024 * 1024) {}

	push(chunk: Buffer | string): Array<Readonly<Record<string, unknown>>> {
		const lines = (typeof chunk === 'string' ? chunk : this.#decoder.write(chunk)).split('\n');
		const last = lines.pop() ?? '';
		const values: Array<Readonly<Record<string, unknown>>> = [];
		for (const line of lines) {
			if (!this.#isDiscarding) this.#parse(this.#pending + line, values);
			this.#pending = '';
			this.#isDiscarding = false;
		}

		if (!this.#isDiscarding) this.#pending += last;
		if (this.#pending.length > this.maximumLineLength) {
			this.#pending = '';
			this.#isDiscarding = true;
		}

		return values;
	}

	/** Parses a last line that had no line break. */
	end(): Array<Readonly<Record<string, unknown>>> {
		const values = this.push(this.#decoder.end() + '\n');
		this.#isDiscarding = false;
		return values;
	}

	#parse(line: string, values: Array<Readonly<Record<string, unknown>>>): void {
		if (line.trim() === '' || line.length > this.maximumLineLength) return;
		try {
			const value: unknown = JSON.parse(line);
			if (typeof value === 'object' && value !== null && !Array.isArray(value)) values.push(value as Record<string, unknown>);
		} catch {}
	}
}
