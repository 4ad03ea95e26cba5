import {closeSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync, writeSync} from 'node:fs';
import path from 'node:path';
import {recordFileName, type RecordLine, verdictFileName} from './record-types.js';
import type {Verdict} from './verdict-types.js';

/** Lines reach the file at least this often, so a kill -9 loses at most this much (the brief allows 2 s). */
export const flushIntervalMs = 1000;

/**
 * Appends record lines to DIR/record.ndjson: buffered in memory, written by one write call per
 * flush (a line is never split across flushes), flushed on a timer and on close. The verdict
 * is replaced atomically (write a temporary file, then rename).
 */
export class RecordWriter {
	readonly file: string;
	#descriptor: number | undefined;
	#buffer: string[] = [];
	#timer: NodeJS.Timeout | undefined;
	#bytes = 0;

	constructor(readonly directory: string) {
		this.file = path.join(directory, recordFileName);
	}

	/** Bytes written so far by this writer. */
	get bytesWritten(): number {
		return this.#bytes;
	}

	open(): void {
		mkdirSync(this.directory, {recursive: true});
		this.#descriptor = openSync(this.file, 'a+');
		// A kill can cut the last line short: start on a line of our own (readers skip the cut one).
		const size = statSync(this.file).size;
		const last = Buffer.alloc(1);
		if (size > 0 && readSync(this.#descriptor, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) writeSync(this.#descriptor, '\n');
		this.#timer = setInterval(() => this.flush(), flushIntervalMs);
		this.#timer.unref();
	}

	write(line: RecordLine): void {
		this.#buffer.push(JSON.stringify(line));
	}

	flush(): void {
		if (this.#descriptor === undefined || this.#buffer.length === 0) return;
		const text = this.#buffer.join('\n') + '\n';
		this.#buffer = [];
		writeSync(this.#descriptor, text);
		this.#bytes += Buffer.byteLength(text);
	}

	writeVerdict(verdict: Verdict): void {
		const target = path.join(this.directory, verdictFileName);
		const temporary = `${target}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(verdict, null, 2) + '\n');
		renameSync(temporary, target);
	}

	close(): void {
		clearInterval(this.#timer);
		this.flush();
		if (this.#descriptor !== undefined) closeSync(this.#descriptor);
		this.#descriptor = undefined;
	}
}
