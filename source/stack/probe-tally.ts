/** One finished probe check. */
export type ProbeResult = {
	readonly at: number;
	readonly probe: string;
	readonly isOk: boolean;
	readonly latencyMs: number;
	/** On failure: one line, sanitized and masked. */
	readonly error?: string;
};

/** Latencies are kept in buckets 2 % wide: percentiles within 2 %, memory bounded for runs of days. */
const bucketRatio = Math.log(1.02);

/** Counts, a latency histogram and the last error of one probe. */
export class ProbeTally {
	count = 0;
	successes = 0;
	lastError: string | undefined;
	/** When the current run of failures began; undefined while checks succeed. */
	failingSince: number | undefined;
	readonly #buckets = new Map<number, number>();

	add(result: ProbeResult): void {
		this.count++;
		if (result.isOk) {
			this.successes++;
			this.lastError = undefined;
			this.failingSince = undefined;
			const bucket = Math.max(0, Math.floor(Math.log(Math.max(1, result.latencyMs)) / bucketRatio));
			this.#buckets.set(bucket, (this.#buckets.get(bucket) ?? 0) + 1);
		} else {
			this.lastError = result.error ?? 'failed';
			this.failingSince ??= result.at;
		}
	}

	/** Share of checks that succeeded; undefined before the first. */
	get successRatio(): number | undefined {
		return this.count === 0 ? undefined : this.successes / this.count;
	}

	/** The latency (ms) below which `fraction` of successful checks fell; undefined before a success. */
	percentile(fraction: number): number | undefined {
		if (this.successes === 0) return undefined;
		const rank = Math.max(1, Math.ceil(fraction * this.successes));
		let seen = 0;
		for (const bucket of [...this.#buckets.keys()].sort((left, right) => left - right)) {
			seen += this.#buckets.get(bucket) ?? 0;
			// The bucket's upper edge: a percentile is never reported lower than it was.
			if (seen >= rank) return Math.exp((bucket + 1) * bucketRatio);
		}

		return undefined;
	}
}
