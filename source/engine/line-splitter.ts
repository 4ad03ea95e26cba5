/** Longest line kept whole; longer runs are cut so one endless line cannot grow memory. */
export const maxLineBytes = 64 * 1024;

/**
 * Splits a byte stream into lines. Engine streams (events, stats, logs) arrive in
 * chunks that do not follow line boundaries, so the partial tail is carried over.
 */
export class LineSplitter {
	#partial = '';

	constructor(private readonly maxLength = maxLineBytes) {}

	/** Lines completed by this chunk, without their line breaks. */
	push(chunk: Buffer | string): string[] {
		const text = this.#partial + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
		const lines = text.split('\n');
		this.#partial = lines.pop() ?? '';
		while (this.#partial.length > this.maxLength) {
			lines.push(this.#partial.slice(0, this.maxLength));
			this.#partial = this.#partial.slice(this.maxLength);
		}

		return lines.map(line => (line.endsWith('\r') ? line.slice(0, -1) : line));
	}

	/** The unterminated rest, when the stream ends. */
	flush(): string[] {
		const rest = this.#partial;
		this.#partial = '';
		return rest === '' ? [] : [rest];
	}
}
