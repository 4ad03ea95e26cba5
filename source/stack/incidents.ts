import type {ContainerInfo, EngineEvent} from '../engine/types.js';

/**
 * What happened to a container that nobody asked for: `oom-killed`, its main process was
 * killed by the OOM killer (the container died of it); `oom`, a process inside was (the
 * container runs on); `crashed`, it exited with a non-zero code without a stop or kill
 * request (a `kill -9` of PID 1, a segfault, an error exit).
 */
export type IncidentKind = 'oom-killed' | 'oom' | 'crashed';

export type Incident = {
	/** Increasing within one state's lifetime: a stable key, and the order they happened in. */
	readonly id: number;
	readonly kind: IncidentKind;
	readonly service: string;
	/** Container name, kept after the container is gone. */
	readonly container: string;
	readonly containerId: string;
	/** The exit code of `oom-killed` and `crashed` (137 for SIGKILL); undefined for `oom`. */
	readonly exitCode: number | undefined;
	/** Epoch ms, as the engine stamped the event. */
	readonly at: number;
};

/** What is known of a container's runs: its restarts, and what its current run went through. */
export type RunFacts = {
	/** The engine's RestartCount when stacktui first saw the container: restarts from before. */
	readonly baselineRestarts: number;
	/** Starts seen after an earlier run ended: restarts by the policy, by a user or by stacktui. */
	readonly restartsSeen: number;
	/** A process of the current run was OOM-killed (an `oom` event). */
	readonly hasOomKill: boolean;
	/** The `oom` incident of the current run: it becomes `oom-killed` if the container dies of it. */
	readonly oomIncidentId: number | undefined;
	/** The current run was asked to stop (a stop, or a kill with a stopping signal): its exit is no crash. */
	readonly isStopRequested: boolean;
	/**
	 * The `crashed` incident of the last exit, kept across a restart: the engine may report the
	 * `oom` of that exit after its `die` (or only its inspect says OOMKilled), and then it was an OOM kill.
	 */
	readonly crashIncidentId: number | undefined;
};

/** Restarts and incidents of the project's containers, changed only by the model's reducer. */
export type LifecycleState = {
	readonly runs: ReadonlyMap<string, RunFacts>;
	/** Oldest first; beyond `incidentLimit` the oldest are dropped. */
	readonly incidents: readonly Incident[];
	readonly nextIncidentId: number;
};

export const incidentLimit = 500;

/** Signals `docker stop`, `docker kill` and Ctrl-C send to end a container: the exit that follows was asked for. */
const stoppingSignals = new Set([undefined, 2, 3, 9, 15]);

export function initialLifecycle(): LifecycleState {
	return {runs: new Map(), incidents: [], nextIncidentId: 1};
}

function freshRun(restartCount: number): RunFacts {
	return {baselineRestarts: restartCount, restartsSeen: 0, hasOomKill: false, oomIncidentId: undefined, isStopRequested: false, crashIncidentId: undefined};
}

/**
 * Starts facts for containers seen for the first time, with the engine's restart count as the
 * baseline. A full listing also forgets containers that are gone.
 */
export function withContainers(lifecycle: LifecycleState, containers: readonly ContainerInfo[], isFullList: boolean): LifecycleState {
	const listed = new Set(containers.map(container => container.id));
	const isNew = containers.some(container => !lifecycle.runs.has(container.id));
	const isStale = isFullList && [...lifecycle.runs.keys()].some(id => !listed.has(id));
	if (!isNew && !isStale) return lifecycle;
	const runs = new Map(isFullList ? [...lifecycle.runs].filter(([id]) => listed.has(id)) : lifecycle.runs);
	for (const container of containers) {
		if (!runs.has(container.id)) runs.set(container.id, freshRun(container.restartCount));
	}

	return {...lifecycle, runs};
}

export function withoutContainer(lifecycle: LifecycleState, id: string): LifecycleState {
	if (!lifecycle.runs.has(id)) return lifecycle;
	const runs = new Map(lifecycle.runs);
	runs.delete(id);
	return {...lifecycle, runs};
}

/** Applies one engine event; `container` is the container as known before the event. */
export function applyLifecycleEvent(lifecycle: LifecycleState, event: EngineEvent, container: ContainerInfo | undefined): LifecycleState {
	if (event.action === 'destroy') return withoutContainer(lifecycle, event.id);
	if (container === undefined) return lifecycle;
	const run = lifecycle.runs.get(container.id) ?? freshRun(container.restartCount);
	const at = Number(event.timeNano / 1_000_000n);
	switch (event.action) {
		case 'start': {
			// A start of a container that ran before and is not running is a restart.
			const isRestart = container.state !== 'running' && container.startedAt !== undefined;
			return withRun(lifecycle, container.id, {
				...freshRun(run.baselineRestarts),
				restartsSeen: run.restartsSeen + (isRestart ? 1 : 0),
				crashIncidentId: run.crashIncidentId,
			});
		}

		case 'kill':
		case 'stop': {
			const isStopping = event.action === 'stop' || stoppingSignals.has(event.signal);
			return isStopping && !run.isStopRequested ? withRun(lifecycle, container.id, {...run, isStopRequested: true}) : lifecycle;
		}

		case 'oom': {
			if (isLateOom(lifecycle, run, at)) return upgradeCrash(lifecycle, container.id, run);
			const raised = raise(lifecycle, {kind: 'oom', service: container.service, container: container.name, containerId: container.id, exitCode: undefined, at});
			return withRun(raised, container.id, {...run, hasOomKill: true, oomIncidentId: lifecycle.nextIncidentId});
		}

		case 'die': {
			const exitCode = event.exitCode ?? container.exitCode;
			if (run.oomIncidentId !== undefined && exitCode !== 0) {
				// The main process died of the OOM kill the `oom` event reported.
				const incidents = lifecycle.incidents.map(incident => (incident.id === run.oomIncidentId ? {...incident, kind: 'oom-killed' as const, exitCode, at} : incident));
				return withRun({...lifecycle, incidents}, container.id, {...run, oomIncidentId: undefined, crashIncidentId: undefined});
			}

			if (exitCode === undefined || exitCode === 0 || run.isStopRequested) {
				return run.crashIncidentId === undefined ? lifecycle : withRun(lifecycle, container.id, {...run, crashIncidentId: undefined});
			}

			const raised = raise(lifecycle, {kind: 'crashed', service: container.service, container: container.name, containerId: container.id, exitCode, at});
			return withRun(raised, container.id, {...run, crashIncidentId: lifecycle.nextIncidentId});
		}

		default: {
			return lifecycle;
		}
	}
}

/** How long after a `die` an `oom` can still be the cause of that exit. */
const lateOomMs = 2000;

/** An `oom` that comes just after a SIGKILL exit counted as a crash: it explains that exit. */
function isLateOom(lifecycle: LifecycleState, run: RunFacts, at: number): boolean {
	const crash = lifecycle.incidents.find(incident => incident.id === run.crashIncidentId);
	return crash !== undefined && crash.exitCode === 137 && at - crash.at <= lateOomMs;
}

function upgradeCrash(lifecycle: LifecycleState, id: string, run: RunFacts): LifecycleState {
	const incidents = lifecycle.incidents.map(incident => (incident.id === run.crashIncidentId ? {...incident, kind: 'oom-killed' as const} : incident));
	return withRun({...lifecycle, incidents}, id, {...run, crashIncidentId: undefined});
}

/** An inspect that says the last exit was an OOM kill turns the crash counted for it into one. */
export function withInspected(lifecycle: LifecycleState, container: ContainerInfo): LifecycleState {
	const run = lifecycle.runs.get(container.id);
	if (run === undefined || !container.isOomKilled || run.crashIncidentId === undefined) return lifecycle;
	const crash = lifecycle.incidents.find(incident => incident.id === run.crashIncidentId);
	return crash?.exitCode === 137 ? upgradeCrash(lifecycle, container.id, run) : lifecycle;
}

function withRun(lifecycle: LifecycleState, id: string, run: RunFacts): LifecycleState {
	return {...lifecycle, runs: new Map(lifecycle.runs).set(id, run)};
}

function raise(lifecycle: LifecycleState, incident: Omit<Incident, 'id'>): LifecycleState {
	const incidents = [...lifecycle.incidents, {id: lifecycle.nextIncidentId, ...incident}];
	return {...lifecycle, incidents: incidents.slice(-incidentLimit), nextIncidentId: lifecycle.nextIncidentId + 1};
}

/** Every restart: the engine's count from before stacktui watched plus the starts it saw, or the engine's count if higher (events missed). */
export function restartCountOf(lifecycle: LifecycleState, container: ContainerInfo): number {
	const run = lifecycle.runs.get(container.id);
	return run === undefined ? container.restartCount : Math.max(container.restartCount, run.baselineRestarts + run.restartsSeen);
}
