import {toNanoseconds} from './log-lines.js';
import type {LogLine} from './types.js';

type Mark = {last: bigint; atLast: Set<string>};

/**
 * Remembers, per stream, the newest line time and which lines at that time were
 * delivered. Per stream because the engine stamps stdout and stderr separately: a
 * stderr line may arrive after a later-stamped stdout line, and is still new.
 */
export class SeenLines {
	readonly #marks = new Map<LogLine['stream'], Mark>();

	accept(line: LogLine): boolean {
		const time = toNanoseconds(line.time);
		const mark = this.#marks.get(line.stream) ?? {last: -1n, atLast: new Set<string>()};
		this.#marks.set(line.stream, mark);
		if (time < mark.last || (time === mark.last && mark.atLast.has(line.text))) {
			return false;
		}

		if (time > mark.last) {
			mark.last = time;
			mark.atLast = new Set();
		}

		mark.atLast.add(line.text);
		return true;
	}

	/** The newest line time delivered on any stream, in nanoseconds; undefined before the first line. */
	newest(): bigint | undefined {
		const times = [...this.#marks.values()].map(mark => mark.last);
		return times.length === 0 ? undefined : times.reduce((left, right) => (right > left ? right : left));
	}

	/** The `since` argument for reopening (the engine's seconds.nanoseconds form): the older stream's last time. */
	since(): string | undefined {
		const times = [...this.#marks.values()].map(mark => mark.last);
		if (times.length === 0) {
			return undefined;
		}

		const oldest = times.reduce((left, right) => (right < left ? right : left));
		const seconds = oldest / 1_000_000_000n;
		const nanoseconds = oldest % 1_000_000_000n;
		return `${seconds}.${nanoseconds.toString().padStart(9, '0')}`;
	}
}
