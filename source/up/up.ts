import type Docker from 'dockerode';
import type {ComposeProject} from '../compose/types.js';
import {abortable} from '../engine/abort.js';
import {sleep} from '../engine/backoff.js';
import {capabilitiesOf} from '../engine/capabilities.js';
import {listProjectContainers} from '../engine/containers.js';
import {runLifecycle} from '../engine/lifecycle.js';
import type {ContainerInfo} from '../engine/types.js';
import {allServices, type Dependency, dependencyMap, servicesAwaitedToComplete} from './graph.js';
import {hasReachedTarget, initialUpState, isFinished, isSettled, reduceUp, type UpEvent, type UpState} from './model.js';
import {ensureProjectResources, type ResourceResult} from './project-resources.js';
import {prepareService, type Preparation} from './prepare.js';
import {oneLine} from './one-line.js';
import {decide} from './scheduler.js';
import {currentEvents, followUpEvents} from './up-events.js';

export type UpOptions = {
	/** Gives up on services not at their target after this long; 5 minutes by default. */
	readonly timeoutMs?: number;
	/** Called after every change, for the progress display. */
	readonly onChange?: (state: UpState, event: UpEvent) => void;
	/** Called for each network and volume the services need, created or found. */
	readonly onResource?: (resource: ResourceResult) => void;
	/** Aborts the run: nothing more is started, requests in flight are cancelled, the result says what was left. */
	readonly signal?: AbortSignal;
};

/** How often `up` reads health on engines without health events. */
const healthPollMs = 500;

export type UpResult = {
	readonly state: UpState;
	readonly dependencies: Readonly<Record<string, readonly Dependency[]>>;
	/** Every service reached its target. */
	readonly isSuccess: boolean;
	/** The signal aborted it; `abortSummary(state)` says what was left half-done. */
	readonly isAborted: boolean;
	readonly endedAtMs: number;
};

/**
 * Brings the selected services (already closed over their dependencies) up: networks and
 * volumes, images, containers, then starts in dependency order, each service as soon as
 * its depends_on conditions hold. Health and exits come from the project's events stream.
 */
export async function runUp(docker: Docker, project: ComposeProject, services: readonly string[], options: UpOptions = {}): Promise<UpResult> {
	const byName = new Map(allServices(project).map(service => [service.name, service]));
	const dependencies = dependencyMap(project, services);
	const awaited = servicesAwaitedToComplete(project, services);
	let state = initialUpState(services, Date.now());
	let finish: () => void = () => undefined;
	const finished = new Promise<void>(resolve => {
		finish = resolve;
	});

	// Ours: aborted by the caller's signal, and at the end so nothing started here outlives the run.
	const controller = new AbortController();
	const {signal} = controller;
	const dispatch = (event: UpEvent) => {
		const next = reduceUp(state, event);
		if (next === state) {
			return;
		}

		state = next;
		options.onChange?.(state, event);
		const decisions = state.abortedAtMs === undefined ? decide(dependencies, state) : [];
		for (const decision of decisions) {
			// A nested dispatch may have acted on this service already.
			if (state.services[decision.service]?.phase !== 'created') {
				continue;
			}

			if (decision.type === 'block') {
				dispatch({type: 'blocked', service: decision.service, reason: decision.reason, atMs: Date.now()});
			} else {
				dispatch({type: 'phase', service: decision.service, phase: 'starting', atMs: Date.now()});
				void startService(decision.service);
			}
		}

		if (isFinished(state)) {
			finish();
		}
	};

	const startService = async (name: string) => {
		const ids = state.services[name]?.containerIds ?? [];
		const results = await Promise.all(ids.map(async id => runLifecycle(docker, id, 'start', {abortSignal: signal})));
		const failure = results.find(result => !result.isOk);
		dispatch(
			failure === undefined
				? {type: 'running', service: name, atMs: Date.now(), healthyIds: []}
				: {type: 'failed', service: name, reason: failure.error ?? 'start failed', atMs: Date.now()},
		);
	};

	const onAbort = () => {
		dispatch({type: 'aborted', atMs: Date.now()});
		controller.abort();
	};

	options.signal?.addEventListener('abort', onAbort, {once: true});
	if (options.signal?.aborted) {
		onAbort();
	}

	const timeoutMs = options.timeoutMs ?? 300_000;
	const timer = setTimeout(() => dispatch({type: 'timed-out', atMs: Date.now(), afterMs: timeoutMs}), timeoutMs);
	try {
		let existing: ContainerInfo[];
		try {
			for (const resource of await abortable(ensureProjectResources(docker, project, services), signal)) {
				options.onResource?.(resource);
			}

			// The containers still on their way, as the events that would have said where they are.
			const readCurrent = async () => {
				const started = Object.values(state.services).filter(run => !isSettled(run) && ['starting', 'running', 'healthy'].includes(run.phase));
				for (const event of await currentEvents(docker, started.flatMap(run => run.containerIds))) {
					dispatch(event);
				}
			};

			const {hasHealthEvents, hasReliableEventFilters} = await abortable(capabilitiesOf(docker, signal), signal);
			await followUpEvents(docker, project.name, signal, {
				withHealth: hasHealthEvents,
				hasReliableEventFilters,
				onEvent: event => dispatch(event),
				// Events missed while the stream was down.
				onReconnect: () => void readCurrent(),
			});
			if (!hasHealthEvents) void pollUntilAborted(readCurrent, healthPollMs, signal);
			existing = await abortable(listProjectContainers(docker, project.name), signal);
		} catch (error) {
			// Without its networks, volumes or events no service can come up: each says why.
			for (const name of services) {
				dispatch({type: 'failed', service: name, reason: oneLine(error), atMs: Date.now()});
			}

			existing = [];
		}

		const images = new Map<string, Promise<string>>();
		const preparations = new Map<string, Promise<Preparation>>();
		const prepare = (name: string): Promise<Preparation> => {
			const service = byName.get(name);
			if (service === undefined) {
				return Promise.reject(new Error(`${name} is not a service of this project`));
			}

			const work =
				preparations.get(name) ??
				prepareService(service, {
					docker,
					project,
					existing: existing.filter(container => container.service === name),
					images,
					containerIdOf: async target => (await prepare(target)).containerIds[0],
					onPhase: phase => dispatch({type: 'phase', service: name, phase, atMs: Date.now()}),
					onDetail: detail => dispatch({type: 'detail', service: name, detail}),
					signal,
				});
			preparations.set(name, work);
			return work;
		};

		for (const name of services.filter(name => state.services[name]?.phase === 'waiting' && !signal.aborted)) {
			prepare(name).then(
				({isRunning, healthyIds, unhealthyIds, ...preparation}) => {
					const isAwaitedToComplete = awaited.has(name);
					// A container found running counts as started, unless a dependent needs it to run to completion.
					const isStarted = isRunning && !isAwaitedToComplete;
					dispatch({type: 'prepared', service: name, atMs: Date.now(), isAwaitedToComplete, ...preparation, ...(isStarted ? {runningHealthyIds: healthyIds} : {})});
					// The engine reports health only when it changes: one found unhealthy would never be news.
					if (isStarted && unhealthyIds.length > 0) {
						dispatch({type: 'failed', service: name, reason: 'unhealthy since before this up', atMs: Date.now()});
					}
				},
				(error: unknown) => dispatch({type: 'failed', service: name, reason: oneLine(error), atMs: Date.now()}),
			);
		}

		if (isFinished(state)) {
			finish();
		}

		await finished;
	} finally {
		clearTimeout(timer);
		options.signal?.removeEventListener('abort', onAbort);
		controller.abort();
	}

	const runs = Object.values(state.services);
	const isAborted = state.abortedAtMs !== undefined;
	return {state, dependencies, isSuccess: !isAborted && runs.every(run => hasReachedTarget(run)), isAborted, endedAtMs: Date.now()};
}

/** Runs `read` every `periodMs` (never two at once) until the signal aborts. */
async function pollUntilAborted(read: () => Promise<void>, periodMs: number, signal: AbortSignal): Promise<void> {
	while (!signal.aborted) {
		await sleep(periodMs, signal);
		await read().catch(() => undefined);
	}
}
