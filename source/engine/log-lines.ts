import {LineSplitter} from './line-splitter.js';
import {LogFrameDecoder} from './log-frames.js';
import type {LogLine} from './types.js';

/**
 * Turns the raw bytes of a `logs?timestamps=true` stream into lines: demultiplexed
 * unless the container has a TTY, and line-buffered per stream because frames split
 * lines anywhere.
 */
export class LogLineDecoder {
	readonly #frames = new LogFrameDecoder();
	readonly #splitters = {stdout: new LineSplitter(), stderr: new LineSplitter()};

	constructor(
		private readonly containerId: string,
		private readonly isTty: boolean,
	) {}

	push(chunk: Buffer): LogLine[] {
		if (this.isTty) {
			return this.#lines('stdout', this.#splitters.stdout.push(chunk));
		}

		return this.#frames
			.push(chunk)
			.flatMap(frame => this.#lines(frame.stream, this.#splitters[frame.stream].push(frame.payload)));
	}

	flush(): LogLine[] {
		return [
			...this.#lines('stdout', this.#splitters.stdout.flush()),
			...this.#lines('stderr', this.#splitters.stderr.flush()),
		];
	}

	#lines(stream: 'stdout' | 'stderr', texts: string[]): LogLine[] {
		return texts.map(text => {
			const space = text.indexOf(' ');
			const hasTime = space > 0 && /^\d{4}-\d\d-\d\dT/.test(text);
			return {
				containerId: this.containerId,
				stream,
				time: hasTime ? text.slice(0, space) : '',
				text: hasTime ? text.slice(space + 1) : text,
			};
		});
	}
}

/** Nanoseconds since the epoch of an RFC 3339 time with up to nine fraction digits. */
export function toNanoseconds(time: string): bigint {
	const match = /^(.*?T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
	if (match === null) {
		return 0n;
	}

	const [, base = '', fraction = '', zone = 'Z'] = match;
	const seconds = BigInt(Date.parse(base + zone) / 1000);
	return seconds * 1_000_000_000n + BigInt(fraction.padEnd(9, '0').slice(0, 9));
}
