import {Backoff, sleep} from '../../engine/backoff.js';
import {toNanoseconds} from '../../engine/log-lines.js';
import type {LogLine} from '../../engine/types.js';
import type {UserPattern} from '../../config/user-pattern.js';
import {matchLogLine} from './log-match.js';
import type {ServiceRun} from './types.js';

/** Log lines of one service, followed across restarts; called again whenever it ends. */
export type LogSource = (signal: AbortSignal) => AsyncIterable<LogLine>;

/**
 * Follows a service's log in the background and keeps only the newest line that matches,
 * so memory stays constant however long the log. A source that ends or fails is reopened
 * with backoff (its container may have been recreated).
 */
export class LogWatch {
	#match: {readonly url: string; readonly time: bigint; readonly containerId: string} | undefined;
	#error: string | undefined;

	constructor(
		private readonly pattern: UserPattern,
		private readonly onChange: () => void,
	) {}

	/** The error of the last attempt to read the log, until a line arrives. */
	get error(): string | undefined {
		return this.#error;
	}

	/** The newest URL found, if the run printed it. */
	urlOf(run: ServiceRun): string | undefined {
		const match = this.#match;
		if (match === undefined || (run.containerId !== undefined && match.containerId !== run.containerId)) {
			return undefined;
		}

		return run.logsAfter === undefined || match.time > toNanoseconds(run.logsAfter) ? match.url : undefined;
	}

	/** Reads until the signal aborts; never throws. */
	async run(source: LogSource, signal: AbortSignal, retryMs: number, maxRetryMs: number): Promise<void> {
		const backoff = new Backoff(retryMs, maxRetryMs);
		while (!signal.aborted) {
			try {
				for await (const line of source(signal)) {
					this.#accept(line);
					backoff.reset();
				}
			} catch (error) {
				if (signal.aborted) {
					return;
				}

				this.#error = `cannot read the log: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
				this.onChange();
			}

			await sleep(backoff.next(), signal);
		}
	}

	#accept(line: LogLine): void {
		const hadError = this.#error !== undefined;
		this.#error = undefined;
		const url = matchLogLine(this.pattern, line.text);
		if (url !== undefined) {
			const time = toNanoseconds(line.time);
			if (this.#match === undefined || time >= this.#match.time) {
				this.#match = {url, time, containerId: line.containerId};
				this.onChange();
				return;
			}
		}

		if (hadError) {
			this.onChange();
		}
	}
}
