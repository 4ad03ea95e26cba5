import {LineSplitter} from './line-splitter.js';
import {LogFrameDecoder} from './log-frames.js';
import type {LogLine} from './types.js';

type StreamName = 'stdout' | 'stderr';
const timestampPrefix = /^\d{4}-\d\d-\d\dT\S+ /;

/**
 * Turns the raw bytes of a `logs?timestamps=true` stream into lines: demultiplexed
 * unless the container has a TTY, and line-buffered per stream because frames split
 * lines anywhere.
 */
export class LogLineDecoder {
	readonly #frames = new LogFrameDecoder();
	readonly #splitters = {stdout: new LineSplitter(), stderr: new LineSplitter()};
	/** Whether the stream's last frame ended mid-line: the engine cuts long lines into stamped pieces. */
	readonly #isMidLine = {stdout: false, stderr: false};
	readonly #lastTime = {stdout: '', stderr: ''};

	constructor(
		private readonly containerId: string,
		private readonly isTty: boolean,
	) {}

	push(chunk: Buffer): LogLine[] {
		if (this.isTty) {
			return this.#lines('stdout', this.#splitters.stdout.push(chunk));
		}

		return this.#frames.push(chunk).flatMap(frame => {
			let text = frame.payload.toString('latin1');
			let payload = frame.payload;
			if (this.#isMidLine[frame.stream]) {
				const prefix = timestampPrefix.exec(text)?.[0].length ?? 0;
				payload = payload.subarray(prefix);
				text = text.slice(prefix);
			}

			this.#isMidLine[frame.stream] = !text.endsWith('\n');
			return this.#lines(frame.stream, this.#splitters[frame.stream].push(payload));
		});
	}

	flush(): LogLine[] {
		return [
			...this.#lines('stdout', this.#splitters.stdout.flush()),
			...this.#lines('stderr', this.#splitters.stderr.flush()),
		];
	}

	#lines(stream: StreamName, texts: string[]): LogLine[] {
		return texts.map(text => {
			const prefix = timestampPrefix.exec(text)?.[0];
			if (prefix !== undefined) {
				this.#lastTime[stream] = prefix.slice(0, -1);
			}

			// A piece of a cut line has no stamp of its own: it belongs to the line's time.
			return {
				containerId: this.containerId,
				stream,
				time: this.#lastTime[stream],
				text: prefix === undefined ? text : text.slice(prefix.length),
			};
		});
	}
}

/** Nanoseconds since the epoch of an RFC 3339 time with up to nine fraction digits; 0 when not a time. */
export function toNanoseconds(time: string): bigint {
	const match = /^(.*?T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
	if (match === null) {
		return 0n;
	}

	const [, base = '', fraction = '', zone = 'Z'] = match;
	const milliseconds = Date.parse(base + zone);
	if (Number.isNaN(milliseconds)) {
		return 0n;
	}

	return BigInt(milliseconds / 1000) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0').slice(0, 9));
}
