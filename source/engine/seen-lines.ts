import {toNanoseconds} from './log-lines.js';
import type {LogLine} from './types.js';

/** Per stream: the newest line time, how often each text was delivered at it, and seen again since the reopen. */
type Mark = {last: bigint; delivered: Map<string, number>; replayed: Map<string, number>};

/**
 * Remembers, per stream, the newest line time and which lines at that time were
 * delivered. Per stream because the engine stamps stdout and stderr separately: a
 * stderr line may arrive after a later-stamped stdout line, and is still new.
 * Lines are counted, not only remembered: Podman stamps to the second, so one time
 * holds repeated lines, and a reopened stream resends them; the n-th copy of a text
 * at that time is new only when fewer than n were delivered.
 */
export class SeenLines {
	readonly #marks = new Map<LogLine['stream'], Mark>();

	/** Call before reading a (re)opened stream, which resends the lines at the last time. */
	beginStream(): void {
		for (const mark of this.#marks.values()) mark.replayed = new Map();
	}

	accept(line: LogLine): boolean {
		const time = toNanoseconds(line.time);
		const mark = this.#marks.get(line.stream) ?? {last: -1n, delivered: new Map<string, number>(), replayed: new Map<string, number>()};
		this.#marks.set(line.stream, mark);
		if (time < mark.last) {
			return false;
		}

		if (time > mark.last) {
			mark.last = time;
			mark.delivered = new Map();
			mark.replayed = new Map();
		}

		const copy = (mark.replayed.get(line.text) ?? 0) + 1;
		mark.replayed.set(line.text, copy);
		const delivered = mark.delivered.get(line.text) ?? 0;
		if (copy <= delivered) {
			return false;
		}

		mark.delivered.set(line.text, delivered + 1);
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
