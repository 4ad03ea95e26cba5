import {setMaxListeners} from 'node:events';
import type Docker from 'dockerode';
import {capabilitiesOf, type EngineCapabilities} from '../engine/capabilities.js';
import {inspectContainer, listProjectContainers} from '../engine/containers.js';
import {sleep} from '../engine/backoff.js';
import {watchEvents} from '../engine/events.js';
import {createStatsSource, type ContainerStatsSource, type StatsSourceOptions} from '../engine/stats-source.js';
import type {EngineEvent, StatsSample} from '../engine/types.js';
import {pollHealth} from './health-poll.js';
import {type StackAction, type StackState, initialState, reduce, runningIds} from './model.js';

type Listener = (state: StackState) => void;

export type WatcherOptions = {
	/** Health changes show within this on engines without health events; 1 s by default. */
	readonly refreshMs?: number;
	/** What the engine reports; asked of it (or taken from connect) when not given. */
	readonly capabilities?: EngineCapabilities;
	/** Which stats reader, and what the engine allows it (see engine/stats-source.ts). */
	readonly stats?: StatsSourceOptions;
};

/** Delay that coalesces the burst of events of one restart into one inspect. */
const inspectDelayMs = 50;
/** Samples that arrive within this are applied as one batch (the API reader's streams tick apart). */
const sampleBatchMs = 100;

/**
 * Feeds one compose project's engine events, listings and stats samples into the
 * reducer. Events drive everything: a container is inspected when an event says it
 * changed, never on a timer. Listing happens once per (re)connect; events that arrive
 * meanwhile are held and applied after the listing, so the newer news wins.
 */
export class StackWatcher {
	#state: StackState;
	readonly #listeners = new Set<Listener>();
	readonly #eventListeners = new Set<(event: EngineEvent) => void>();
	readonly #controller = new AbortController();
	readonly #stats: ContainerStatsSource;
	#pendingSamples = new Map<string, StatsSample>();
	#sampleTimer: NodeJS.Timeout | undefined;
	readonly #inspectTimers = new Map<string, NodeJS.Timeout>();
	#heldEvents: EngineEvent[] | undefined;
	#isRefreshPending = false;

	constructor(
		private readonly docker: Docker,
		project: string,
		private readonly options: WatcherOptions = {},
	) {
		this.#state = initialState(project);
		// Listing inspects every container at once, each request listening on this signal.
		setMaxListeners(0, this.#controller.signal);
		this.#stats = createStatsSource(docker, (id, sample) => this.#onSample(id, sample), {...options.stats, apiCapabilities: options.capabilities});
	}

	get state(): StackState {
		return this.#state;
	}

	/** Ids whose stats are followed: every running container. */
	get statsStreamIds(): string[] {
		return this.#stats.openIds;
	}

	/** Ids followed through an engine stats stream (the API reader, or the cgroup reader's fallback). */
	get statsApiIds(): string[] {
		return this.#stats.apiIds;
	}

	subscribe(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Engine events as they arrive (after a listing, those held during it). */
	subscribeEvents(listener: (event: EngineEvent) => void): () => void {
		this.#eventListeners.add(listener);
		return () => this.#eventListeners.delete(listener);
	}

	start(): void {
		void this.#run();
	}

	async #run(): Promise<void> {
		const {signal} = this.#controller;
		let capabilities = this.options.capabilities;
		while (capabilities === undefined && !signal.aborted) {
			try {
				capabilities = await capabilitiesOf(this.docker, signal);
			} catch (error) {
				this.#dispatch({type: 'engine-lost', error: oneLine(error as Error)});
				await sleep(1000, signal);
			}
		}

		if (capabilities === undefined) return;
		this.#stats.use(capabilities);
		if (!capabilities.hasHealthEvents) {
			void pollHealth({
				docker: this.docker,
				project: this.#state.project,
				hasLibpodApi: capabilities.hasLibpodApi,
				refreshMs: this.options.refreshMs ?? 1000,
				signal,
				known: () => this.#state.containers,
				onChanged: ids => {
					for (const id of ids) this.#scheduleInspect(id, 0);
				},
			});
		}

		void watchEvents(this.docker, {
			project: this.#state.project,
			withHealth: capabilities.hasHealthEvents,
			hasReliableEventFilters: capabilities.hasReliableEventFilters,
			signal,
			onEvent: event => this.#onEvent(event),
			onConnection: (isConnected, error) => {
				if (isConnected) {
					this.#dispatch({type: 'engine-connected'});
					void this.#refresh();
				} else {
					this.#dispatch({type: 'engine-lost', error: oneLine(error)});
				}
			},
		});
	}

	/** Resolves with the first state that satisfies the predicate, or undefined after the timeout. */
	async waitFor(predicate: (state: StackState) => boolean, timeoutMs: number): Promise<StackState | undefined> {
		if (predicate(this.#state)) {
			return this.#state;
		}

		return new Promise(resolve => {
			const timer = setTimeout(() => finish(undefined), timeoutMs);
			const unsubscribe = this.subscribe(state => predicate(state) && finish(state));
			function finish(state: StackState | undefined) {
				clearTimeout(timer);
				unsubscribe();
				resolve(state);
			}
		});
	}

	/** Closes every stream this watcher opened. */
	stop(): void {
		this.#controller.abort();
		this.#stats.close();
		clearTimeout(this.#sampleTimer);
		for (const timer of this.#inspectTimers.values()) {
			clearTimeout(timer);
		}

		this.#inspectTimers.clear();
		this.#listeners.clear();
		this.#eventListeners.clear();
	}

	#onEvent(event: EngineEvent): void {
		if (this.#heldEvents !== undefined) {
			this.#heldEvents.push(event);
			return;
		}

		this.#dispatch({type: 'engine-event', event});
		for (const listener of this.#eventListeners) listener(event);
		if (event.action !== 'destroy') {
			this.#scheduleInspect(event.id);
		}
	}

	/** Lists the project again; a refresh asked for during one runs once after it, never alongside. */
	async #refresh(): Promise<void> {
		if (this.#heldEvents !== undefined) {
			this.#isRefreshPending = true;
			return;
		}

		this.#heldEvents = [];
		try {
			const containers = await listProjectContainers(this.docker, this.#state.project, this.#controller.signal);
			this.#dispatch({type: 'containers-listed', containers});
		} catch {
			// The events stream sees the same outage and reports it.
		}

		const held = this.#heldEvents;
		this.#heldEvents = undefined;
		for (const event of held) {
			this.#onEvent(event);
		}

		if (this.#isRefreshPending && !this.#controller.signal.aborted) {
			this.#isRefreshPending = false;
			await this.#refresh();
		}
	}

	#scheduleInspect(id: string, delayMs = inspectDelayMs): void {
		clearTimeout(this.#inspectTimers.get(id));
		this.#inspectTimers.set(
			id,
			setTimeout(async () => {
				this.#inspectTimers.delete(id);
				try {
					const container = await inspectContainer(this.docker, id, this.#controller.signal);
					this.#dispatch(container === undefined ? {type: 'container-gone', id} : {type: 'container-inspected', container});
				} catch {
					// Lost engine: the reconnect lists everything again.
				}
			}, delayMs),
		);
	}

	#onSample(id: string, sample: StatsSample): void {
		this.#pendingSamples.set(id, sample);
		this.#sampleTimer ??= setTimeout(() => {
			this.#sampleTimer = undefined;
			const samples = this.#pendingSamples;
			this.#pendingSamples = new Map();
			this.#dispatch({type: 'stats-batch', samples});
		}, sampleBatchMs);
	}

	#dispatch(action: StackAction): void {
		if (this.#controller.signal.aborted) {
			return;
		}

		const previous = this.#state;
		this.#state = reduce(previous, action);
		if (this.#state === previous) {
			return;
		}

		if (this.#state.containers !== previous.containers) {
			this.#stats.sync(runningIds(this.#state));
		}

		for (const listener of this.#listeners) {
			listener(this.#state);
		}
	}
}

function oneLine(error: Error | undefined): string {
	return (error?.message ?? 'connection lost').split('\n')[0] ?? 'connection lost';
}
