import {type Point, type Trend, trendOf} from './leak.js';

/** Points per window the slope is computed on: enough to be robust, few enough for O(n²). */
const pointsPerWindow = 60;

export type LeakSettings = {
	readonly windowMs: number;
	/** Memory right after a start grows for reasons other than a leak: left out this long. */
	readonly warmupMs: number;
};

export type LeakReading = Trend & {readonly since: number; readonly windowMs: number};

/**
 * A service's memory over a sliding window, in buckets of window/60 (means), restarted when
 * a container of the service starts again. Bounded: at most one window of buckets.
 */
export class LeakTracker {
	readonly #bucketMs: number;
	#points: Point[] = [];
	#bucketStart: number | undefined;
	#bucketSum = 0;
	#bucketCount = 0;
	#runStartedAt: number | undefined;
	/** The last reading, until the points change. */
	#cached: {coverage: number; reading: LeakReading | undefined} | undefined;

	constructor(readonly settings: LeakSettings) {
		this.#bucketMs = Math.max(1000, Math.floor(settings.windowMs / pointsPerWindow));
	}

	/** A new run of the service (a start, a restart): the window begins again after the warm-up. */
	restart(at: number): void {
		this.#cached = undefined;
		this.#runStartedAt = at;
		this.#points = [];
		this.#bucketStart = undefined;
		this.#bucketSum = 0;
		this.#bucketCount = 0;
	}

	/** Memory (bytes, replicas summed) at a time; samples during the warm-up are left out. */
	add(at: number, bytes: number): void {
		if (this.#runStartedAt === undefined) this.#runStartedAt = at;
		if (at - this.#runStartedAt < this.settings.warmupMs) return;
		if (this.#bucketStart !== undefined && at >= this.#bucketStart + this.#bucketMs) this.#closeBucket();
		this.#bucketStart ??= at;
		this.#bucketSum += bytes;
		this.#bucketCount++;
	}

	/** The window covered so far, in ms. */
	get coveredMs(): number {
		const first = this.#points[0];
		const last = this.#points.at(-1);
		return first === undefined || last === undefined ? 0 : last.at - first.at;
	}

	/** The trend over the window; undefined until `minimumCoverage` of the window is covered. */
	reading(minimumCoverage = 0.5): LeakReading | undefined {
		if (this.#cached?.coverage === minimumCoverage) return this.#cached.reading;
		let reading: LeakReading | undefined;
		if (this.coveredMs >= this.settings.windowMs * minimumCoverage) {
			const trend = trendOf(this.#points);
			const since = this.#points[0]?.at;
			reading = trend === undefined || since === undefined ? undefined : {...trend, since, windowMs: this.settings.windowMs};
		}

		this.#cached = {coverage: minimumCoverage, reading};
		return reading;
	}

	#closeBucket(): void {
		if (this.#bucketStart === undefined || this.#bucketCount === 0) return;
		// The bucket's middle time, so the slope is not skewed by where samples fell.
		this.#points.push({at: this.#bucketStart + this.#bucketMs / 2, value: this.#bucketSum / this.#bucketCount});
		this.#cached = undefined;
		const oldest = this.#bucketStart + this.#bucketMs - this.settings.windowMs;
		while ((this.#points[0]?.at ?? Number.POSITIVE_INFINITY) < oldest) this.#points.shift();
		this.#bucketStart = undefined;
		this.#bucketSum = 0;
		this.#bucketCount = 0;
	}
}
