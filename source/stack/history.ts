import type {StatsSample} from '../engine/types.js';

/**
 * A fixed-size ring of (time, value) samples bounded by count and by age: push is O(1) (amortized
 * when old samples expire), memory never grows past `capacity`.
 */
export class SampleRing {
	readonly #times: Float64Array;
	readonly #values: Float64Array;
	#start = 0;
	#size = 0;

	constructor(
		readonly capacity: number,
		readonly maximumAgeMs: number,
	) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
		this.#times = new Float64Array(capacity);
		this.#values = new Float64Array(capacity);
	}

	get size(): number {
		return this.#size;
	}

	/** Adds a sample, overwriting the oldest when full and dropping those older than `time - maximumAgeMs`. */
	push(time: number, value: number): void {
		const end = (this.#start + this.#size) % this.capacity;
		this.#times[end] = time;
		this.#values[end] = value;
		if (this.#size === this.capacity) {
			this.#start = (this.#start + 1) % this.capacity;
		} else {
			this.#size++;
		}

		this.#expire(time);
	}

	/** Values oldest first; with `now`, only those younger than `maximumAgeMs` (a stopped container's line ages out). */
	values(now?: number): number[] {
		if (now !== undefined) this.#expire(now);
		const values: number[] = [];
		for (let offset = 0; offset < this.#size; offset++) {
			values.push(this.#values[(this.#start + offset) % this.capacity] ?? Number.NaN);
		}

		return values;
	}

	#expire(now: number): void {
		const oldest = now - this.maximumAgeMs;
		while (this.#size > 0 && (this.#times[this.#start] ?? 0) < oldest) {
			this.#start = (this.#start + 1) % this.capacity;
			this.#size--;
		}
	}
}

export type HistoryOptions = {
	/** Default 5 minutes. */
	readonly maximumAgeMs?: number;
	/** Samples per series; default 300 (5 minutes at one sample a second). */
	readonly maximumCount?: number;
};

type Series = {readonly cpu: SampleRing; readonly memory: SampleRing};

/**
 * CPU and memory samples per container, for sparklines. Mutable on purpose (like lazydocker's
 * trimmed stats history): it lives beside the reducer's state and is read on render.
 */
export class StackHistory {
	readonly #series = new Map<string, Series>();
	readonly #maximumAgeMs: number;
	readonly #maximumCount: number;

	constructor(options: HistoryOptions = {}) {
		this.#maximumAgeMs = options.maximumAgeMs ?? 5 * 60_000;
		this.#maximumCount = options.maximumCount ?? 300;
	}

	/** Containers with a history. */
	get size(): number {
		return this.#series.size;
	}

	/** Records one stats sample; a sample without CPU % (the first of a stream) adds memory only. */
	record(id: string, time: number, sample: Pick<StatsSample, 'cpuPercent' | 'memoryBytes'>): void {
		let series = this.#series.get(id);
		if (series === undefined) {
			series = {cpu: this.#ring(), memory: this.#ring()};
			this.#series.set(id, series);
		}

		if (sample.cpuPercent !== undefined) series.cpu.push(time, sample.cpuPercent);
		series.memory.push(time, sample.memoryBytes);
	}

	cpu(id: string, now?: number): number[] {
		return this.#series.get(id)?.cpu.values(now) ?? [];
	}

	memory(id: string, now?: number): number[] {
		return this.#series.get(id)?.memory.values(now) ?? [];
	}

	/** Forgets containers not in `ids` (removed ones), so the map stays as large as the stack. */
	retain(ids: Iterable<string>): void {
		const kept = new Set(ids);
		for (const id of this.#series.keys()) {
			if (!kept.has(id)) this.#series.delete(id);
		}
	}

	#ring(): SampleRing {
		return new SampleRing(this.#maximumCount, this.#maximumAgeMs);
	}
}
