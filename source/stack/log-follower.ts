import type Docker from 'dockerode';
import {followLogs} from '../engine/logs.js';
import {SeenLines} from '../engine/seen-lines.js';
import type {ContainerInfo} from '../engine/types.js';
import type {Masker} from './known-secrets.js';
import {LogBuffer, type LineOrigin, type LogBufferLimits, defaultLimits} from './log-buffer.js';

/** What the follower needs to know of a container; the name, when given, is what a marker calls it. */
export type FollowedContainer = Pick<ContainerInfo, 'id' | 'service' | 'number'> & {readonly name?: string};

export type LogFollowerOptions = {
	/** Lines of history to start each container with, and at most to catch up when following again. */
	readonly tail?: number;
	readonly limits?: LogBufferLimits;
	/** Masks known secrets in every line stored. */
	readonly mask?: Masker;
};

export const defaultTail = 1000;

type Known = {readonly container: FollowedContainer; readonly origin: LineOrigin; readonly seen: SeenLines};

/**
 * Follows the output of a set of containers into one bounded buffer, where lines of
 * several containers interleave by time. One `followLogs` per container, each with its
 * own AbortController: a container leaving the set (pane closed, selection changed) has
 * its stream aborted, and `close` aborts them all. The buffer outlives the streams: a
 * container followed again resumes after the last line it delivered (SeenLines), so
 * reopening the pane or coming back to a service neither repeats nor loses a line. When a
 * container is removed its lines stay, closed by a marker line that names it.
 */
export class LogFollower {
	readonly buffer: LogBuffer;
	readonly #controllers = new Map<string, AbortController>();
	/** Containers with lines in the buffer (or a stream opening), and what each delivered. */
	readonly #known = new Map<string, Known>();
	/** Containers whose stream ended by itself (removed): following again would find nothing. */
	readonly #ended = new Set<string>();
	readonly #tail: number;
	#isClosed = false;

	constructor(
		private readonly docker: Docker,
		options: LogFollowerOptions = {},
	) {
		this.#tail = options.tail ?? defaultTail;
		this.buffer = new LogBuffer(options.limits ?? defaultLimits, options.mask);
	}

	/** Follows exactly these containers: starts the new ones and aborts the others. */
	sync(containers: readonly FollowedContainer[]): void {
		const wanted = new Map(containers.map(container => [container.id, container]));
		for (const [id, controller] of this.#controllers) {
			if (!wanted.has(id)) {
				controller.abort();
				this.#controllers.delete(id);
			}
		}

		const services = new Set(containers.map(container => container.service));
		for (const [id, known] of this.#known) {
			// Another container of the same service listed without this one: it was removed (recreated).
			if (!wanted.has(id) && services.has(known.container.service)) {
				this.#retire(id);
			}
		}

		for (const id of this.#ended) {
			if (!wanted.has(id)) {
				this.#ended.delete(id);
			}
		}

		for (const container of wanted.values()) {
			if (!this.#isClosed && !this.#controllers.has(container.id) && !this.#ended.has(container.id)) {
				const controller = new AbortController();
				this.#controllers.set(container.id, controller);
				void this.#follow(this.#knownOf(container, containers), controller);
			}
		}
	}

	/** Ids of the containers with a stream open or opening. */
	get followedIds(): string[] {
		return [...this.#controllers.keys()];
	}

	close(): void {
		this.#isClosed = true;
		this.sync([]);
	}

	#knownOf(container: FollowedContainer, containers: readonly FollowedContainer[]): Known {
		const known = this.#known.get(container.id);
		const label = labelOf(container, containers);
		const next = {container, origin: {service: container.service, label}, seen: known?.seen ?? new SeenLines()};
		this.#known.set(container.id, next);
		return next;
	}

	async #follow(known: Known, controller: AbortController): Promise<void> {
		const {signal} = controller;
		const {id} = known.container;
		try {
			for await (const line of followLogs(this.docker, id, {signal, tail: this.#tail, seen: known.seen})) {
				if (signal.aborted) {
					break;
				}

				this.buffer.push(known.origin, line);
			}
		} catch {
			// followLogs retries what can be retried; what is left means the container is out of reach.
		} finally {
			if (this.#controllers.get(id) === controller) {
				this.#controllers.delete(id);
				this.#ended.add(id);
				this.#retire(id);
			}
		}
	}

	/** The container is gone: a marker after its last line says so, and it is forgotten. */
	#retire(id: string): void {
		const known = this.#known.get(id);
		this.#known.delete(id);
		const newest = known?.seen.newest();
		if (known === undefined || newest === undefined) {
			return;
		}

		const {container} = known;
		const name = container.name === undefined ? id.slice(0, 12) : `${container.name} (${id.slice(0, 12)})`;
		this.buffer.mark(known.origin, id, newest, `── container ${name} was removed; the lines above are from it ──`);
	}
}

/** The service name, or service-N when the service has several containers. */
export function labelOf(container: FollowedContainer, containers: readonly FollowedContainer[]): string {
	const isReplicated = containers.some(other => other.service === container.service && other.id !== container.id);
	return isReplicated ? `${container.service}-${container.number}` : container.service;
}
