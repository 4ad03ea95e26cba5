import {toNanoseconds} from './log-lines.js';
import type {LogLine} from './types.js';

/** Remembers the newest line time, and which lines at that time were delivered. */
export class SeenLines {
	#last = -1n;
	#atLast = new Set<string>();

	accept(line: LogLine): boolean {
		const time = toNanoseconds(line.time);
		const key = `${line.stream} ${line.text}`;
		if (time < this.#last || (time === this.#last && this.#atLast.has(key))) {
			return false;
		}

		if (time > this.#last) {
			this.#last = time;
			this.#atLast = new Set();
		}

		this.#atLast.add(key);
		return true;
	}

	/** The `since` argument for reopening: the engine's seconds.nanoseconds form. */
	since(): string | undefined {
		if (this.#last < 0n) {
			return undefined;
		}

		const seconds = this.#last / 1_000_000_000n;
		const nanoseconds = this.#last % 1_000_000_000n;
		return `${seconds}.${nanoseconds.toString().padStart(9, '0')}`;
	}
}
