import type {Health} from '../engine/types.js';

/** Where one service is on its way up. failed and blocked are final; so is reaching the target. */
export type Phase =
	| 'waiting'
	| 'pulling'
	| 'building'
	| 'creating'
	| 'created'
	| 'starting'
	| 'running'
	| 'healthy'
	| 'completed'
	| 'failed'
	| 'blocked';

/** What `up` waits for: completed when a dependent needs it to finish, healthy when it has a healthcheck. */
export type Target = 'running' | 'healthy' | 'completed';

export type ServiceRun = {
	readonly name: string;
	readonly phase: Phase;
	/** Known once the containers exist. */
	readonly target: Target | undefined;
	readonly hasHealthcheck: boolean | undefined;
	readonly containerIds: readonly string[];
	readonly healthyIds: readonly string[];
	readonly completedIds: readonly string[];
	/** Live detail of the current phase: pull bytes, build step. */
	readonly detail: string | undefined;
	/** Why it failed or is blocked. */
	readonly reason: string | undefined;
	/** Epoch ms at which each phase was entered. */
	readonly phaseTimes: Readonly<Partial<Record<Phase, number>>>;
	/** What happened to its containers: for the summary. */
	readonly action: 'created' | 'recreated' | 'kept' | undefined;
};

export type UpState = {
	readonly startedAtMs: number;
	/** Set when the up was aborted (quit, ctrl-c): nothing after it changes what it left. */
	readonly abortedAtMs?: number;
	/** Service names in file order. */
	readonly order: readonly string[];
	readonly services: Readonly<Record<string, ServiceRun>>;
};

export type UpEvent =
	| {readonly type: 'phase'; readonly service: string; readonly phase: 'pulling' | 'building' | 'creating' | 'starting'; readonly atMs: number}
	| {readonly type: 'detail'; readonly service: string; readonly detail: string}
	| {
			readonly type: 'prepared';
			readonly service: string;
			readonly atMs: number;
			readonly containerIds: readonly string[];
			readonly hasHealthcheck: boolean;
			readonly isAwaitedToComplete: boolean;
			readonly action: 'created' | 'recreated' | 'kept';
			/** Set when every container was found running already: the ones of them that are healthy. */
			readonly runningHealthyIds?: readonly string[];
	  }
	/** Started by us, or found running; healthyIds from inspect for containers found running. */
	| {readonly type: 'running'; readonly service: string; readonly atMs: number; readonly healthyIds: readonly string[]}
	| {readonly type: 'health'; readonly containerId: string; readonly health: Health; readonly atMs: number; readonly output?: string}
	/** isOomKilled: the engine says the OOM killer ended it. */
	| {readonly type: 'died'; readonly containerId: string; readonly exitCode: number; readonly isOomKilled?: boolean; readonly atMs: number}
	| {readonly type: 'failed' | 'blocked'; readonly service: string; readonly reason: string; readonly atMs: number}
	| {readonly type: 'timed-out'; readonly atMs: number; readonly afterMs: number}
	| {readonly type: 'aborted'; readonly atMs: number};

export function initialUpState(order: readonly string[], startedAtMs: number): UpState {
	const services = Object.fromEntries(
		order.map(name => [
			name,
			{
				name,
				phase: 'waiting',
				target: undefined,
				hasHealthcheck: undefined,
				containerIds: [],
				healthyIds: [],
				completedIds: [],
				detail: undefined,
				reason: undefined,
				phaseTimes: {waiting: startedAtMs},
				action: undefined,
			} satisfies ServiceRun,
		]),
	);
	return {startedAtMs, order, services};
}

/** Reached its target: what `up` counts as success. */
export function hasReachedTarget(run: ServiceRun): boolean {
	switch (run.target) {
		case 'running': {
			return run.phase === 'running' || run.phase === 'healthy' || run.phase === 'completed';
		}

		case 'healthy':
		case 'completed': {
			return run.phase === run.target;
		}

		case undefined: {
			return false;
		}
	}
}

/** Nothing more will happen to it in this `up`. */
export function isSettled(run: ServiceRun): boolean {
	return run.phase === 'failed' || run.phase === 'blocked' || run.phase === 'completed' || hasReachedTarget(run);
}

export function isFinished(state: UpState): boolean {
	return state.abortedAtMs !== undefined || Object.values(state.services).every(run => isSettled(run));
}

/** The one reducer of an `up` run. After an abort it changes nothing: the state says what was left. */
export function reduceUp(state: UpState, event: UpEvent): UpState {
	if (state.abortedAtMs !== undefined) {
		return state;
	}

	switch (event.type) {
		case 'aborted': {
			return {...state, abortedAtMs: event.atMs};
		}

		case 'phase': {
			return update(state, event.service, run => enter(run, event.phase, event.atMs, {detail: undefined}));
		}

		case 'detail': {
			return update(state, event.service, run => (isSettled(run) ? run : {...run, detail: event.detail}));
		}

		case 'prepared': {
			const target: Target = event.isAwaitedToComplete ? 'completed' : event.hasHealthcheck ? 'healthy' : 'running';
			return update(state, event.service, run => {
				const created = enter(run, 'created', event.atMs, {
					detail: undefined,
					target,
					hasHealthcheck: event.hasHealthcheck,
					containerIds: event.containerIds,
					healthyIds: [],
					completedIds: [],
					action: event.action,
				});
				const healthyIds = event.runningHealthyIds;
				return healthyIds === undefined ? created : toRunning(created, healthyIds, event.atMs);
			});
		}

		case 'running': {
			return update(state, event.service, run => {
				if (run.phase !== 'created' && run.phase !== 'starting') {
					return run;
				}

				return toRunning(run, event.healthyIds, event.atMs);
			});
		}

		case 'health': {
			return updateOwner(state, event.containerId, run => {
				if (event.health === 'unhealthy' && (run.phase === 'running' || run.phase === 'starting')) {
					return enter(run, 'failed', event.atMs, {reason: `unhealthy${event.output ? `: ${event.output}` : ''}`});
				}

				if (event.health !== 'healthy' || run.healthyIds.includes(event.containerId)) {
					return run;
				}

				const healthyIds = [...run.healthyIds, event.containerId];
				const next = {...run, healthyIds};
				return run.phase === 'running' && allOf(next, healthyIds) ? enter(next, 'healthy', event.atMs) : next;
			});
		}

		case 'died': {
			return updateOwner(state, event.containerId, run => {
				if (run.phase === 'failed' || run.phase === 'blocked' || run.phase === 'waiting') {
					return run;
				}

				if (event.exitCode !== 0) {
					const reason = event.isOomKilled ? `OOM killed: out of memory (exit code ${event.exitCode})` : `exited with code ${event.exitCode}`;
					return enter(run, 'failed', event.atMs, {reason});
				}

				const completedIds = [...new Set([...run.completedIds, event.containerId])];
				const next = {...run, completedIds};
				return allOf(next, completedIds) ? enter(next, 'completed', event.atMs) : next;
			});
		}

		case 'failed':
		case 'blocked': {
			return update(state, event.service, run =>
				run.phase === 'failed' || run.phase === 'blocked' ? run : enter(run, event.type, event.atMs, {reason: event.reason}),
			);
		}

		case 'timed-out': {
			let next = state;
			for (const run of Object.values(state.services)) {
				if (!isSettled(run)) {
					const isBlocked = run.phase === 'created';
					const reason = isBlocked
						? `still waiting for its dependencies after ${Math.round(event.afterMs / 1000)}s`
						: `not ${run.target ?? 'ready'} after ${Math.round(event.afterMs / 1000)}s`;
					next = update(next, run.name, current => enter(current, isBlocked ? 'blocked' : 'failed', event.atMs, {reason}));
				}
			}

			return next;
		}
	}
}

function toRunning(run: ServiceRun, healthyIds: readonly string[], atMs: number): ServiceRun {
	const running = enter(run, 'running', atMs, {detail: undefined, healthyIds: [...new Set([...run.healthyIds, ...healthyIds])]});
	return allOf(running, running.healthyIds) ? enter(running, 'healthy', atMs) : running;
}

function allOf(run: ServiceRun, ids: readonly string[]): boolean {
	return run.containerIds.length > 0 && run.containerIds.every(id => ids.includes(id));
}

function enter(run: ServiceRun, phase: Phase, atMs: number, changes: Partial<ServiceRun> = {}): ServiceRun {
	return {...run, ...changes, phase, phaseTimes: {...run.phaseTimes, [phase]: atMs}};
}

function update(state: UpState, service: string, change: (run: ServiceRun) => ServiceRun): UpState {
	const run = state.services[service];
	if (run === undefined) {
		return state;
	}

	const next = change(run);
	return next === run ? state : {...state, services: {...state.services, [service]: next}};
}

function updateOwner(state: UpState, containerId: string, change: (run: ServiceRun) => ServiceRun): UpState {
	const owner = Object.values(state.services).find(run => run.containerIds.includes(containerId));
	return owner === undefined ? state : update(state, owner.name, change);
}
