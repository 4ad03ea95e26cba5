import type Docker from 'dockerode';
import {followLogs} from '../engine/logs.js';
import type {ContainerInfo} from '../engine/types.js';
import {LogBuffer, type LogBufferLimits, defaultLimits} from './log-buffer.js';

/** What the follower needs to know of a container. */
export type FollowedContainer = Pick<ContainerInfo, 'id' | 'service' | 'number'>;

export type LogFollowerOptions = {
	/** Lines of history to start each container with. */
	readonly tail?: number;
	readonly limits?: LogBufferLimits;
};

export const defaultTail = 1000;

/**
 * Follows the output of a set of containers into one bounded buffer, where lines of
 * several containers interleave by time. One `followLogs` per container, each with its
 * own AbortController: a container leaving the set (selection changed, container gone)
 * has its stream aborted, and `close` aborts them all. Create one per selection, so the
 * history fetched with `tail` never overlaps lines already stored.
 */
export class LogFollower {
	readonly buffer: LogBuffer;
	readonly #controllers = new Map<string, AbortController>();
	/** Containers whose stream ended by itself (removed); following again would repeat their history. */
	readonly #ended = new Set<string>();
	readonly #tail: number;
	#isClosed = false;

	constructor(
		private readonly docker: Docker,
		options: LogFollowerOptions = {},
	) {
		this.#tail = options.tail ?? defaultTail;
		this.buffer = new LogBuffer(options.limits ?? defaultLimits);
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

		for (const id of this.#ended) {
			if (!wanted.has(id)) {
				this.#ended.delete(id);
			}
		}

		for (const container of wanted.values()) {
			if (!this.#isClosed && !this.#controllers.has(container.id) && !this.#ended.has(container.id)) {
				const controller = new AbortController();
				this.#controllers.set(container.id, controller);
				void this.#follow(container, labelOf(container, containers), controller);
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

	async #follow(container: FollowedContainer, label: string, controller: AbortController): Promise<void> {
		const {signal} = controller;
		const origin = {service: container.service, label};
		try {
			for await (const line of followLogs(this.docker, container.id, {signal, tail: this.#tail})) {
				if (signal.aborted) {
					break;
				}

				this.buffer.push(origin, line);
			}
		} catch {
			// followLogs retries what can be retried; what is left means the container is out of reach.
		} finally {
			if (this.#controllers.get(container.id) === controller) {
				this.#controllers.delete(container.id);
				this.#ended.add(container.id);
			}
		}
	}
}

/** The service name, or service-N when the service has several containers. */
export function labelOf(container: FollowedContainer, containers: readonly FollowedContainer[]): string {
	const isReplicated = containers.some(other => other.service === container.service && other.id !== container.id);
	return isReplicated ? `${container.service}-${container.number}` : container.service;
}
