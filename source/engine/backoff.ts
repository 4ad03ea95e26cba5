/** Delays for reconnecting: doubling from `first` up to `max`, reset after a success. */
export class Backoff {
	#next: number;

	constructor(
		private readonly first = 250,
		private readonly max = 5000,
	) {
		this.#next = first;
	}

	/** The delay to wait now; the one after is twice as long. */
	next(): number {
		const delay = this.#next;
		this.#next = Math.min(this.#next * 2, this.max);
		return delay;
	}

	reset(): void {
		this.#next = this.first;
	}
}

/** Resolves after `ms`, or at once when the signal aborts. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		if (signal?.aborted) {
			resolve();
			return;
		}

		const timer = setTimeout(done, ms);
		signal?.addEventListener('abort', done, {once: true});
		function done() {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		}
	});
}
