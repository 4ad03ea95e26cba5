import {closeSync, openSync, readFileSync, readlinkSync, readSync} from 'node:fs';

const buffer = Buffer.alloc(64 * 1024);

/**
 * Reads small kernel files (cgroup, /proc) again and again: the file stays open and each read is one
 * pread at offset 0, which makes the kernel produce the text afresh. Reads are synchronous on purpose:
 * these files live in memory and answer in microseconds, far less than a thread-pool round trip.
 * Opened files are bounded (`maxOpen`); past that a read opens and closes the file.
 */
export class KernelFiles {
	readonly #open = new Map<string, number>();

	constructor(private readonly maxOpen = 900) {}

	/** The file's text; throws like fs does (ENOENT once a container's cgroup is gone). */
	read(file: string): string {
		let descriptor = this.#open.get(file);
		if (descriptor === undefined) {
			if (this.#open.size >= this.maxOpen) return readFileSync(file, 'latin1');
			descriptor = openSync(file, 'r');
			this.#open.set(file, descriptor);
		}

		try {
			const length = readSync(descriptor, buffer, 0, buffer.length, 0);
			return length < buffer.length ? buffer.toString('latin1', 0, length) : readFileSync(file, 'latin1');
		} catch (error) {
			this.close(file);
			throw error;
		}
	}

	/** The file's text, or undefined when it cannot be read. */
	tryRead(file: string): string | undefined {
		try {
			return this.read(file);
		} catch {
			return undefined;
		}
	}

	/** Where a symbolic link points (a process's /proc/PID/ns/net), undefined when unreadable. */
	link(file: string): string | undefined {
		try {
			return readlinkSync(file);
		} catch {
			return undefined;
		}
	}

	close(file: string): void {
		const descriptor = this.#open.get(file);
		if (descriptor === undefined) return;
		this.#open.delete(file);
		try {
			closeSync(descriptor);
		} catch {
			// Already closed.
		}
	}

	closeAll(): void {
		for (const file of [...this.#open.keys()]) this.close(file);
	}
}
