import {closeSync, openSync, writeSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

/**
 * An opt-in timing trace (STACKTUI_TRACE=FILE): one line per keyboard input read and per frame
 * flushed to the terminal, `input MS BYTES` / `frame MS CHANGED_LINES`, MS since the process started
 * (performance.now(), whose origin is the process start). bench/key-latency.sh turns it into
 * key → frame percentiles and the time to the first full frame.
 */
export class Trace {
	readonly #descriptor: number;

	constructor(file: string) {
		this.#descriptor = openSync(file, 'w');
	}

	input(bytes: number): void {
		this.#line(`input ${performance.now().toFixed(3)} ${bytes}`);
	}

	frame(changedLines: number): void {
		this.#line(`frame ${performance.now().toFixed(3)} ${changedLines}`);
	}

	close(): void {
		closeSync(this.#descriptor);
	}

	#line(text: string): void {
		writeSync(this.#descriptor, text + '\n');
	}
}

/** The trace asked for by the environment, undefined when not. */
export function traceFromEnvironment(environment: NodeJS.ProcessEnv): Trace | undefined {
	const file = environment['STACKTUI_TRACE'];
	return file ? new Trace(file) : undefined;
}

/** Timestamps every chunk ink reads from the keyboard (ink reads with stdin.read() on 'readable'). */
export function traceInput(input: NodeJS.ReadStream, trace: Trace): () => void {
	const read = input.read.bind(input);
	input.read = (size?: number) => {
		const chunk = read(size) as Buffer | string | null;
		if (chunk !== null) trace.input(chunk.length);
		return chunk;
	};

	return () => {
		input.read = read;
	};
}
