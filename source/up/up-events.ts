import type Docker from 'dockerode';
import {AbortedError} from '../engine/abort.js';
import {inspectContainer} from '../engine/containers.js';
import {lastHealthOutput} from '../engine/create.js';
import {watchEvents} from '../engine/events.js';
import type {EngineEvent} from '../engine/types.js';
import type {UpEvent} from './model.js';

export type UpEventHandlers = {
	readonly onEvent: (event: UpEvent) => void;
	/** The stream came back after a loss: events may have been missed. */
	readonly onReconnect: () => void;
	/** Follow health_status events too; false where the engine's carry no status (health is polled then). */
	readonly withHealth?: boolean;
	/** From the engine's capabilities: whether its event filters can be trusted. */
	readonly hasReliableEventFilters?: boolean;
};

/**
 * Follows the project's exits and health changes as `up` events. Resolves once the engine
 * has the stream open, so nothing `up` starts afterwards can be missed; rejects when the
 * first attempt fails.
 */
export async function followUpEvents(docker: Docker, project: string, signal: AbortSignal, handlers: UpEventHandlers): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		let isFirst = true;
		signal.addEventListener('abort', () => reject(new AbortedError('up aborted')), {once: true});
		void watchEvents(docker, {
			project,
			signal,
			withHealth: handlers.withHealth ?? true,
			...(handlers.hasReliableEventFilters === undefined ? {} : {hasReliableEventFilters: handlers.hasReliableEventFilters}),
			onEvent: event => void toUpEvent(docker, event).then(next => next && handlers.onEvent(next)),
			onConnection(isConnected, error) {
				if (!isFirst) {
					if (isConnected) {
						handlers.onReconnect();
					}

					return;
				}

				isFirst = false;
				if (isConnected) {
					resolve();
				} else {
					reject(error ?? new Error('cannot follow the engine events'));
				}
			},
		});
	});
}

/** The engine events `up` follows: exits, and health changes (with the probe's output when unhealthy). */
export async function toUpEvent(docker: Docker, event: EngineEvent): Promise<UpEvent | undefined> {
	if (event.action === 'die') {
		// The engine records OOMKilled before it reports the exit.
		const container = await inspectContainer(docker, event.id).catch(() => undefined);
		return {type: 'died', containerId: event.id, exitCode: event.exitCode ?? -1, isOomKilled: container?.isOomKilled ?? false, atMs: Date.now()};
	}

	if (event.action !== 'health_status' || event.health === undefined) {
		return undefined;
	}

	const output = event.health === 'unhealthy' ? await lastHealthOutput(docker, event.id) : undefined;
	return {type: 'health', containerId: event.id, health: event.health, atMs: Date.now(), ...(output ? {output} : {})};
}

/** What the containers' state says now, as the events that would have said it. */
export async function currentEvents(docker: Docker, ids: readonly string[]): Promise<UpEvent[]> {
	const events: UpEvent[] = [];
	for (const id of ids) {
		const container = await inspectContainer(docker, id).catch(() => undefined);
		if (container?.state === 'exited' || container?.state === 'dead') {
			events.push({type: 'died', containerId: id, exitCode: container.exitCode ?? -1, isOomKilled: container.isOomKilled, atMs: Date.now()});
		} else if (container?.health === 'healthy') {
			events.push({type: 'health', containerId: id, health: container.health, atMs: Date.now()});
		} else if (container?.health === 'unhealthy') {
			const output = await lastHealthOutput(docker, id);
			events.push({type: 'health', containerId: id, health: container.health, atMs: Date.now(), ...(output ? {output} : {})});
		}
	}

	return events;
}
