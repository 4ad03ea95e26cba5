import type {ContainerInfo, EngineEvent, StatsSample} from '../engine/types.js';
import {type LifecycleState, applyLifecycleEvent, initialLifecycle, withContainers, withInspected, withoutContainer} from './incidents.js';

export type EngineStatus = 'connecting' | 'connected' | 'lost';

/** Everything stacktui knows about the watched project, changed only by `reduce`. */
export type StackState = {
	readonly project: string;
	readonly engine: EngineStatus;
	/** Why the engine was lost, one line. */
	readonly engineError: string | undefined;
	/** True once the containers were listed after the last (re)connect. */
	readonly isListed: boolean;
	readonly containers: ReadonlyMap<string, ContainerInfo>;
	/** Latest sample per running container. */
	readonly stats: ReadonlyMap<string, StatsSample>;
	/** Restarts counted per container, and the OOM kills and crashes seen (source/stack/incidents.ts). */
	readonly lifecycle: LifecycleState;
};

export type StackAction =
	| {readonly type: 'engine-connected'}
	| {readonly type: 'engine-lost'; readonly error: string}
	| {readonly type: 'containers-listed'; readonly containers: readonly ContainerInfo[]}
	| {readonly type: 'container-inspected'; readonly container: ContainerInfo}
	| {readonly type: 'container-gone'; readonly id: string}
	| {readonly type: 'engine-event'; readonly event: EngineEvent}
	| {readonly type: 'stats-sampled'; readonly id: string; readonly sample: StatsSample}
	/** Samples of many containers at once: one new map per batch, not one per sample (200 containers). */
	| {readonly type: 'stats-batch'; readonly samples: ReadonlyMap<string, StatsSample>};

export function initialState(project: string): StackState {
	return {project, engine: 'connecting', engineError: undefined, isListed: false, containers: new Map(), stats: new Map(), lifecycle: initialLifecycle()};
}

export function reduce(state: StackState, action: StackAction): StackState {
	switch (action.type) {
		case 'engine-connected': {
			return {...state, engine: 'connected', engineError: undefined};
		}

		case 'engine-lost': {
			return {...state, engine: 'lost', engineError: action.error, isListed: false, stats: new Map()};
		}

		case 'containers-listed': {
			const containers = new Map(action.containers.map(container => [container.id, container]));
			const stats = new Map([...state.stats].filter(([id]) => containers.get(id)?.state === 'running'));
			return {...state, isListed: true, containers, stats, lifecycle: withContainers(state.lifecycle, action.containers, true)};
		}

		case 'container-inspected': {
			const next = withContainer(state, action.container);
			return {...next, lifecycle: withInspected(withContainers(state.lifecycle, [action.container], false), action.container)};
		}

		case 'container-gone': {
			return withLifecycle(without(state, action.id), withoutContainer(state.lifecycle, action.id));
		}

		case 'engine-event': {
			const lifecycle = applyLifecycleEvent(state.lifecycle, action.event, state.containers.get(action.event.id));
			const next = withLifecycle(applyEvent(state, action.event), lifecycle);
			return isLateOomKill(state, next, action.event) ? withContainer(next, {...next.containers.get(action.event.id)!, isOomKilled: true}) : next;
		}

		case 'stats-sampled': {
			// A stream still open just after a stop sends zeros: keep samples of running containers only.
			if (state.containers.get(action.id)?.state !== 'running') {
				return state;
			}

			return {...state, stats: new Map(state.stats).set(action.id, action.sample)};
		}

		case 'stats-batch': {
			let stats: Map<string, StatsSample> | undefined;
			for (const [id, sample] of action.samples) {
				if (state.containers.get(id)?.state !== 'running') continue;
				stats ??= new Map(state.stats);
				stats.set(id, sample);
			}

			return stats === undefined ? state : {...state, stats};
		}
	}
}

function applyEvent(state: StackState, event: EngineEvent): StackState {
	const container = state.containers.get(event.id);
	if (event.action === 'destroy') {
		return without(state, event.id);
	}

	if (container === undefined) {
		return state; // Not listed yet: the watcher inspects it.
	}

	switch (event.action) {
		case 'start':
		case 'restart':
		case 'unpause': {
			// A new run starts its health checks over; restart and unpause follow a start or keep the run.
			const health = event.action === 'start' && container.health !== 'none' ? 'starting' : container.health;
			// A new run: its start time is the event's until an inspect reads the exact one.
			// OOMKilled stays as the engine says: a restart policy keeps it, a start by hand clears it (the inspect that follows tells).
			const run = event.action === 'start' && container.state !== 'running' ? {startedAt: new Date(Number(event.timeNano / 1_000_000n)).toISOString()} : {};
			return withContainer(state, {...container, state: 'running', health, exitCode: undefined, ...run});
		}

		case 'die': {
			// Killed by SIGKILL after an oom event of this run: the OOM killer ended the main process.
			const isOomKilled = event.exitCode === 137 && state.lifecycle.runs.get(event.id)?.hasOomKill === true;
			const next = withContainer(state, {...container, state: 'exited', exitCode: event.exitCode, isOomKilled});
			return {...next, stats: withoutKey(next.stats, event.id)};
		}

		case 'pause': {
			const next = withContainer(state, {...container, state: 'paused'});
			return {...next, stats: withoutKey(next.stats, event.id)};
		}

		case 'health_status': {
			return withContainer(state, {...container, health: event.health ?? container.health});
		}

		default: {
			return state;
		}
	}
}

/** An `oom` that turned the last exit's crash into an OOM kill: the container was OOM-killed, as its inspect will say. */
function isLateOomKill(before: StackState, after: StackState, event: EngineEvent): boolean {
	const crash = before.lifecycle.runs.get(event.id)?.crashIncidentId;
	return event.action === 'oom' && crash !== undefined && after.lifecycle.runs.get(event.id)?.crashIncidentId === undefined && after.containers.has(event.id);
}

function withLifecycle(state: StackState, lifecycle: LifecycleState): StackState {
	return lifecycle === state.lifecycle ? state : {...state, lifecycle};
}

function withContainer(state: StackState, container: ContainerInfo): StackState {
	return {...state, containers: new Map(state.containers).set(container.id, container)};
}

function without(state: StackState, id: string): StackState {
	if (!state.containers.has(id) && !state.stats.has(id)) {
		return state;
	}

	return {...state, containers: withoutKey(state.containers, id), stats: withoutKey(state.stats, id)};
}

function withoutKey<Value>(map: ReadonlyMap<string, Value>, key: string): ReadonlyMap<string, Value> {
	const copy = new Map(map);
	copy.delete(key);
	return copy;
}

/** Ids of the containers that should have a stats stream. */
export function runningIds(state: StackState): string[] {
	return [...state.containers.values()].filter(container => container.state === 'running').map(container => container.id);
}
