import {toNanoseconds} from '../engine/log-lines.js';
import type {LogLine} from '../engine/types.js';
import type {Masker} from './known-secrets.js';
import {sanitize} from './sanitize.js';

/** One stored log line: sanitized, numbered in arrival order. */
export type BufferedLine = {
	/** Arrival order across the whole buffer, from 1; tells new lines from old ones. */
	readonly sequence: number;
	/** `marker`: stacktui's own note between lines (a removed container's lines end here), not container output. */
	readonly kind: 'line' | 'marker';
	readonly service: string;
	/** The name shown in front of the line: the service, or service-N for a replica. */
	readonly label: string;
	readonly containerId: string;
	readonly stream: 'stdout' | 'stderr';
	/** RFC 3339 time as the engine stamped it. */
	readonly time: string;
	readonly timeNano: bigint;
	/** Without escape sequences or control characters. */
	readonly text: string;
};

export type LogBufferLimits = {
	readonly linesPerService: number;
	readonly mergedLines: number;
};

export const defaultLimits: LogBufferLimits = {linesPerService: 5000, mergedLines: 20_000};

/** Lines kept in time order (arrival order among equal times), the oldest dropped beyond a count. */
class BoundedLines {
	/** Live lines are items[offset..]; dropped ones are cut off in batches, not one shift per line. */
	#items: BufferedLine[] = [];
	#offset = 0;
	dropped = 0;

	constructor(private readonly capacity: number) {}

	get size(): number {
		return this.#items.length - this.#offset;
	}

	insert(line: BufferedLine): void {
		const items = this.#items;
		let index = items.length;
		// Lines of several containers arrive nearly in time order: search back from the end.
		while (index > this.#offset && isBefore(line, items[index - 1]!)) {
			index -= 1;
		}

		if (index === items.length) {
			items.push(line);
		} else {
			items.splice(index, 0, line);
		}

		if (this.size > this.capacity) {
			this.#offset += 1;
			this.dropped += 1;
		}

		if (this.#offset >= Math.max(64, this.capacity / 4)) {
			this.#items = items.slice(this.#offset);
			this.#offset = 0;
		}
	}

	snapshot(): readonly BufferedLine[] {
		return this.#items.slice(this.#offset);
	}
}

function isBefore(line: BufferedLine, other: BufferedLine): boolean {
	return line.timeNano < other.timeNano;
}

type Listener = () => void;

/** Which service a line belongs to and the name shown in front of it. */
export type LineOrigin = {readonly service: string; readonly label: string};

/**
 * Log lines of the followed containers, bounded by count: per service, and merged for
 * the "all services" view, each dropping its oldest lines beyond its limit. Text is
 * sanitized and known secrets masked here, so nothing a container printed reaches storage unfiltered.
 */
export class LogBuffer {
	readonly #services = new Map<string, BoundedLines>();
	readonly #merged: BoundedLines;
	readonly #labels = new Set<string>();
	readonly #listeners = new Set<Listener>();
	/** Newest time per container, for a line without one (the rest of a line cut at 64 KiB). */
	readonly #lastTimes = new Map<string, bigint>();
	#sequence = 0;

	constructor(
		private readonly limits: LogBufferLimits = defaultLimits,
		/** Masks known secret values in each line (a container that echoes its password); none by default. */
		private readonly mask: Masker = text => text,
	) {
		this.#merged = new BoundedLines(limits.mergedLines);
	}

	/** Sequence number of the newest line; 0 when empty. */
	get lastSequence(): number {
		return this.#sequence;
	}

	/** Labels in the order their first line arrived; gives each a stable color. */
	get labels(): readonly string[] {
		return [...this.#labels];
	}

	push(origin: LineOrigin, line: LogLine): BufferedLine {
		const timeNano = toNanoseconds(line.time) || (this.#lastTimes.get(line.containerId) ?? 0n);
		this.#lastTimes.set(line.containerId, timeNano);
		return this.#store(origin, {kind: 'line', containerId: line.containerId, stream: line.stream, time: line.time, timeNano, text: this.mask(sanitize(line.text))});
	}

	/** Adds stacktui's own note at a time among the lines, e.g. where a removed container's lines end. */
	mark(origin: LineOrigin, containerId: string, timeNano: bigint, text: string): BufferedLine {
		const time = new Date(Number(timeNano / 1_000_000n)).toISOString();
		return this.#store(origin, {kind: 'marker', containerId, stream: 'stdout', time, timeNano, text: sanitize(text)});
	}

	#store(origin: LineOrigin, line: Omit<BufferedLine, 'sequence' | 'service' | 'label'>): BufferedLine {
		this.#sequence += 1;
		// The label (a service name from a compose file or a container label) is shown too: sanitized as the text is.
		const stored: BufferedLine = {sequence: this.#sequence, service: origin.service, label: sanitize(origin.label), ...line};
		let lines = this.#services.get(origin.service);
		if (lines === undefined) {
			lines = new BoundedLines(this.limits.linesPerService);
			this.#services.set(origin.service, lines);
		}

		lines.insert(stored);
		this.#merged.insert(stored);
		this.#labels.add(stored.label);
		for (const listener of this.#listeners) {
			listener();
		}

		return stored;
	}

	/** The lines of one service, or of all services when undefined; oldest first. */
	lines(service?: string): readonly BufferedLine[] {
		return this.#select(service)?.snapshot() ?? [];
	}

	size(service?: string): number {
		return this.#select(service)?.size ?? 0;
	}

	/** How many lines were dropped to stay within the limit. */
	dropped(service?: string): number {
		return this.#select(service)?.dropped ?? 0;
	}

	/** Calls the listener after every push; returns the unsubscribe function. */
	subscribe(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#select(service: string | undefined): BoundedLines | undefined {
		return service === undefined ? this.#merged : this.#services.get(service);
	}
}
