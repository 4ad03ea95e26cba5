import {SampleRing} from './history.js';

export type HistoryBucket = {readonly from: number; readonly to: number; readonly min: number; readonly max: number; readonly mean: number; readonly count: number};

type MutableBucket = {from: number; to: number; min: number; max: number; sum: number; count: number};

export type LongSeriesOptions = {
	/** Full resolution for this long; default 10 minutes. */
	readonly recentMs?: number;
	/** Samples kept at full resolution; default 600. */
	readonly recentCount?: number;
	/** Width of the first buckets; default 10 s. */
	readonly bucketMs?: number;
	/** Buckets at most: past it, neighbours merge and the width doubles. Default 720. */
	readonly maximumBuckets?: number;
};

/**
 * One series over a whole run, bounded for runs of days: the recent window at full resolution,
 * and min / max / mean buckets since the start whose width doubles whenever they would exceed
 * the limit, so no peak is ever lost and memory stays constant.
 */
export class LongSeries {
	readonly recent: SampleRing;
	readonly #maximumBuckets: number;
	#bucketMs: number;
	#buckets: MutableBucket[] = [];

	constructor(options: LongSeriesOptions = {}) {
		this.recent = new SampleRing(options.recentCount ?? 600, options.recentMs ?? 600_000);
		this.#bucketMs = options.bucketMs ?? 10_000;
		this.#maximumBuckets = options.maximumBuckets ?? 720;
	}

	get bucketMs(): number {
		return this.#bucketMs;
	}

	add(at: number, value: number): void {
		if (!Number.isFinite(value)) return;
		this.recent.push(at, value);
		const last = this.#buckets.at(-1);
		const from = Math.floor(at / this.#bucketMs) * this.#bucketMs;
		if (last !== undefined && last.from === from) {
			last.min = Math.min(last.min, value);
			last.max = Math.max(last.max, value);
			last.sum += value;
			last.count++;
			return;
		}

		this.#buckets.push({from, to: from + this.#bucketMs, min: value, max: value, sum: value, count: 1});
		if (this.#buckets.length > this.#maximumBuckets) this.#coarsen();
	}

	/** Buckets oldest first. */
	buckets(): HistoryBucket[] {
		return this.#buckets.map(({from, to, min, max, sum, count}) => ({from, to, min, max, mean: sum / count, count}));
	}

	/** Doubles the width: each pair of neighbouring buckets (aligned to the new width) becomes one. */
	#coarsen(): void {
		this.#bucketMs *= 2;
		const merged: MutableBucket[] = [];
		for (const bucket of this.#buckets) {
			const from = Math.floor(bucket.from / this.#bucketMs) * this.#bucketMs;
			const last = merged.at(-1);
			if (last !== undefined && last.from === from) {
				last.min = Math.min(last.min, bucket.min);
				last.max = Math.max(last.max, bucket.max);
				last.sum += bucket.sum;
				last.count += bucket.count;
			} else {
				merged.push({...bucket, from, to: from + this.#bucketMs});
			}
		}

		this.#buckets = merged;
	}
}
