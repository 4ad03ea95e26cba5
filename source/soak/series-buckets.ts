import type {Bucket, ProbeBucket} from './recorded-run.js';

type Open = {from: number; min: number; max: number; sum: number; count: number};

/** Fixed-width buckets of one series (min / max / mean), in time order. */
export class BucketSeries {
	readonly #buckets: Bucket[] = [];
	#open: Open | undefined;

	constructor(
		readonly start: number,
		readonly width: number,
	) {}

	add(at: number, value: number): void {
		if (!Number.isFinite(value)) return;
		const from = this.start + Math.floor((at - this.start) / this.width) * this.width;
		if (this.#open !== undefined && this.#open.from !== from) this.#close();
		if (this.#open === undefined) {
			this.#open = {from, min: value, max: value, sum: value, count: 1};
			return;
		}

		this.#open.min = Math.min(this.#open.min, value);
		this.#open.max = Math.max(this.#open.max, value);
		this.#open.sum += value;
		this.#open.count++;
	}

	buckets(): Bucket[] {
		this.#close();
		return this.#buckets;
	}

	#close(): void {
		const open = this.#open;
		if (open === undefined) return;
		this.#buckets.push({from: open.from, to: open.from + this.width, min: open.min, max: open.max, mean: open.sum / open.count, count: open.count});
		this.#open = undefined;
	}
}

type OpenProbe = {from: number; count: number; successes: number; latencySum: number; latencyMax: number};

/** Fixed-width buckets of one probe's checks. */
export class ProbeBuckets {
	readonly #buckets: ProbeBucket[] = [];
	#open: OpenProbe | undefined;

	constructor(
		readonly start: number,
		readonly width: number,
	) {}

	add(at: number, isOk: boolean, latencyMs: number): void {
		const from = this.start + Math.floor((at - this.start) / this.width) * this.width;
		if (this.#open !== undefined && this.#open.from !== from) this.#close();
		this.#open ??= {from, count: 0, successes: 0, latencySum: 0, latencyMax: 0};
		this.#open.count++;
		if (isOk) {
			this.#open.successes++;
			this.#open.latencySum += latencyMs;
			this.#open.latencyMax = Math.max(this.#open.latencyMax, latencyMs);
		}
	}

	buckets(): ProbeBucket[] {
		this.#close();
		return this.#buckets;
	}

	#close(): void {
		const open = this.#open;
		if (open === undefined) return;
		const hasSuccess = open.successes > 0;
		this.#buckets.push({from: open.from, to: open.from + this.width, count: open.count, successes: open.successes, latencyMeanMs: hasSuccess ? open.latencySum / open.successes : null, latencyMaxMs: hasSuccess ? open.latencyMax : null});
		this.#open = undefined;
	}
}
