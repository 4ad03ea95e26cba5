import type Docker from 'dockerode';
import {Backoff, sleep} from './backoff.js';
import {capabilitiesOf} from './capabilities.js';
import {projectFilter, toHealth} from './containers.js';
import {LineSplitter} from './line-splitter.js';
import {type EngineEvent, projectLabel, serviceLabel} from './types.js';

/** The container actions that change what stacktui shows. */
export const watchedActions = [
	'create',
	'start',
	'die',
	'stop',
	'kill',
	'restart',
	'destroy',
	'health_status',
	'oom',
	'pause',
	'unpause',
] as const;

type RawEvent = {
	Type?: string;
	Action?: string;
	id?: string;
	Actor?: {ID?: string; Attributes?: Record<string, string>};
	time?: number;
	timeNano?: number;
};

/** Turns one line of the engine's events stream into an event; undefined when it is not one. */
export function parseEvent(line: string): EngineEvent | undefined {
	let raw: RawEvent | null;
	try {
		raw = JSON.parse(line) as RawEvent | null;
	} catch {
		return undefined;
	}

	if (typeof raw !== 'object' || raw === null) {
		return undefined;
	}

	const id = raw.Actor?.ID ?? raw.id;
	if (raw.Type !== 'container' || id === undefined || raw.Action === undefined) {
		return undefined;
	}

	const attributes = raw.Actor?.Attributes ?? {};
	const [named = '', detail] = raw.Action.split(': ');
	// Podman calls a container's removal `remove`; Docker has no container event of that name.
	const action = named === 'remove' ? 'destroy' : named;
	const exitCode = attributes['exitCode'];
	const signal = attributes['signal'];
	return {
		id,
		action,
		// Podman sends a bare `health_status` (its HealthStatus field lags a check behind): no news of the health itself.
		health: action === 'health_status' && detail !== undefined ? toHealth(detail.trim()) : undefined,
		exitCode: exitCode === undefined ? undefined : Number(exitCode),
		...(signal === undefined ? {} : {signal: Number(signal)}),
		service: attributes[serviceLabel],
		project: attributes[projectLabel],
		// Read from the text: JSON numbers above 2^53 lose their last digits.
		timeNano: BigInt(/"timeNano":(\d+)/.exec(line)?.[1] ?? Math.round((raw.time ?? 0) * 1e9)),
	};
}

export type EventsOptions = {
	readonly project: string;
	readonly signal: AbortSignal;
	readonly onEvent: (event: EngineEvent) => void;
	/** Also follow health_status events; false for engines whose health events carry no usable status. */
	readonly withHealth?: boolean;
	/** The engine's label filter can be trusted; otherwise every container event is read and filtered here. From the engine's capabilities when not given. */
	readonly hasReliableEventFilters?: boolean;
	/** Called when the stream is up (after every reconnect, so the caller can resync) and when it is lost. */
	readonly onConnection: (isConnected: boolean, error?: Error) => void;
};

/**
 * Follows the project's container events until the signal aborts. When the engine goes
 * away the stream is reopened with growing delays; every reconnect is reported so the
 * caller lists again instead of trusting state that may have changed meanwhile.
 */
export async function watchEvents(docker: Docker, options: EventsOptions): Promise<void> {
	const {signal} = options;
	const backoff = new Backoff();
	while (!signal.aborted) {
		let error: Error | undefined;
		try {
			const actions = eventsToWatch(options.withHealth ?? true);
			const type: Array<'container'> = ['container'];
			const isReliable = options.hasReliableEventFilters ?? (await capabilitiesOf(docker, signal)).hasReliableEventFilters;
			const filters = isReliable ? {type, label: [projectFilter(options.project)], event: actions} : {type};
			const stream = await docker.getEvents({filters, abortSignal: signal});
			backoff.reset();
			options.onConnection(true);
			await readEvents(stream, signal, event => {
				// Filtered here too: an engine whose filters drop events is asked for all of them.
				if (event.project === options.project && actions.includes(event.action)) options.onEvent(event);
			});
		} catch (caught) {
			error = caught as Error;
		}

		if (signal.aborted) {
			return;
		}

		options.onConnection(false, error ?? new Error('the engine closed the events stream'));
		await sleep(backoff.next(), signal);
	}
}

function eventsToWatch(withHealth: boolean): string[] {
	return watchedActions.filter(action => withHealth || action !== 'health_status');
}

async function readEvents(
	stream: NodeJS.ReadableStream,
	signal: AbortSignal,
	onEvent: (event: EngineEvent) => void,
): Promise<void> {
	const splitter = new LineSplitter();
	const destroy = () => (stream as NodeJS.ReadableStream & {destroy(): void}).destroy();
	signal.addEventListener('abort', destroy, {once: true});
	try {
		for await (const chunk of stream) {
			for (const line of splitter.push(chunk as Buffer)) {
				const event = parseEvent(line);
				if (event !== undefined) {
					onEvent(event);
				}
			}
		}
	} finally {
		signal.removeEventListener('abort', destroy);
		destroy();
	}
}
