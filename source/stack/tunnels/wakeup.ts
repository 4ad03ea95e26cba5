/** A sleep that `notify` cuts short; a notify while nobody waits makes the next wait return at once. */
export class Wakeup {
	#wake: (() => void) | undefined;
	#isPending = false;

	notify(): void {
		if (this.#wake === undefined) {
			this.#isPending = true;
		} else {
			this.#wake();
		}
	}

	async wait(ms: number, signal: AbortSignal): Promise<void> {
		if (this.#isPending || signal.aborted) {
			this.#isPending = false;
			return;
		}

		await new Promise<void>(resolve => {
			const done = () => {
				clearTimeout(timer);
				signal.removeEventListener('abort', done);
				this.#wake = undefined;
				resolve();
			};

			const timer = setTimeout(done, ms);
			signal.addEventListener('abort', done, {once: true});
			this.#wake = done;
		});
	}
}
