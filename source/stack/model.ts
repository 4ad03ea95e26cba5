import type {ContainerInfo, EngineEvent, StatsSample} from '../engine/types.js';

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
	return {project, engine: 'connecting', engineError: undefined, isListed: false, containers: new Map(), stats: new Map()};
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
			return {...state, isListed: true, containers, stats};
		}

		case 'container-inspected': {
			return withContainer(state, action.container);
		}

		case 'container-gone': {
			return without(state, action.id);
		}

		case 'engine-event': {
			return applyEvent(state, action.event);
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
			return withContainer(state, {...container, state: 'running', health, exitCode: undefined});
		}

		case 'die': {
			const next = withContainer(state, {...container, state: 'exited', exitCode: event.exitCode});
			return {...next, stats: withoutKey(next.stats, event.id)};
		}

		case 'pause': {
			const next = withContainer(state, {...container, state: 'paused'});
			return {...next, stats: withoutKey(next.stats, event.id)};
		}

		case 'health_status': {
			return withContainer(state, {...container, health: event.health ?? container.health});
		}

		case 'oom': {
			return withContainer(state, {...container, isOomKilled: true});
		}

		default: {
			return state;
		}
	}
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
