import {StringDecoder} from 'node:string_decoder';

/** Longest line kept whole; longer runs are cut so one endless line cannot grow memory. */
export const maxLineBytes = 64 * 1024;

/**
 * Splits a byte stream into lines. Engine streams (events, stats, logs) arrive in
 * chunks that do not follow line or even character boundaries, so the partial tail
 * (and a partial UTF-8 character) is carried over.
 */
export class LineSplitter {
	readonly #decoder = new StringDecoder('utf8');
	#partial = '';

	constructor(private readonly maxLength = maxLineBytes) {}

	/** Lines completed by this chunk, without their line breaks, none longer than the limit. */
	push(chunk: Buffer | string): string[] {
		const text = this.#partial + (typeof chunk === 'string' ? chunk : this.#decoder.write(chunk));
		const lines = text.split('\n');
		this.#partial = lines.pop() ?? '';
		const complete = lines.flatMap(line => this.#cut(line.endsWith('\r') ? line.slice(0, -1) : line));
		while (this.#partial.length > this.maxLength) {
			complete.push(this.#partial.slice(0, this.maxLength));
			this.#partial = this.#partial.slice(this.maxLength);
		}

		return complete;
	}

	/** The unterminated rest, when the stream ends. */
	flush(): string[] {
		const rest = this.#partial + this.#decoder.end();
		this.#partial = '';
		return rest === '' ? [] : this.#cut(rest);
	}

	#cut(line: string): string[] {
		if (line.length <= this.maxLength) {
			return [line];
		}

		const pieces: string[] = [];
		for (let start = 0; start < line.length; start += this.maxLength) {
			pieces.push(line.slice(start, start + this.maxLength));
		}

		return pieces;
	}
}
