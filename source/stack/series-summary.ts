/** Running min / max / mean / last of a series: constant memory however long the run. */
export class SeriesAccumulator {
	#min = Number.POSITIVE_INFINITY;
	#max = Number.NEGATIVE_INFINITY;
	#sum = 0;
	#count = 0;
	#last = Number.NaN;

	add(value: number): void {
		if (!Number.isFinite(value)) return;
		this.#min = Math.min(this.#min, value);
		this.#max = Math.max(this.#max, value);
		this.#sum += value;
		this.#count++;
		this.#last = value;
	}

	get count(): number {
		return this.#count;
	}

	/** null before the first value. */
	summary(): {min: number; max: number; mean: number; last: number} | null {
		return this.#count === 0 ? null : {min: this.#min, max: this.#max, mean: this.#sum / this.#count, last: this.#last};
	}
}
