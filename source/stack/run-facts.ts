import type {ContainerInfo} from '../engine/types.js';
import type {StackState} from './model.js';
import type {RunNote} from './run-notes.js';
import {ServiceFacts} from './service-facts.js';

export type ServiceHealth = 'healthy' | 'starting' | 'unhealthy' | 'running' | 'down' | 'missing';

/** One run of one container: from a start to its exit. */
export type ContainerRun = {
	readonly id: string;
	readonly name: string;
	readonly service: string;
	/** StartedAt as the engine wrote it: a new value is a new run. */
	key: string;
	startedAt: number;
	/** Seen from its start (or while still starting): its startup and first try count. */
	readonly isObserved: boolean;
	healthyAt: number | undefined;
	firstTry: 'passed' | 'failed' | undefined;
	isRunning: boolean;
	/** Ever seen running. */
	hasRun: boolean;
	/** Started by an event before the inspect gave its StartedAt. */
	isKeyPending: boolean;
};

/** A container is up for a service when it runs and is healthy, or has no health check. */
export function isUp(container: ContainerInfo): boolean {
	return container.state === 'running' && (container.health === 'healthy' || container.health === 'none');
}

/**
 * What happened to the stack's containers over a run, from successive StackStates and
 * stacktui's own notes: runs, exits (expected or not), OOM kills, health on first try, uptime
 * and stack startup. Deterministic: the same inputs give the same facts (a replayed record too).
 */
export class RunFacts {
	readonly services = new Map<string, ServiceFacts>();
	readonly runs = new Map<string, ContainerRun>();
	/** Stack startup: from up / restart / first sight until every expected service is up. */
	stackStart: {from: number; cause: 'up' | 'restart' | 'first-seen'; healthyAt: number | undefined} | undefined;
	readonly #oomFlags = new Set<string>();
	#lastNow: number | undefined;
	#firstAt: number | undefined;

	constructor(readonly expected: readonly string[]) {
		for (const service of expected) this.service(service);
	}

	service(name: string): ServiceFacts {
		let facts = this.services.get(name);
		if (facts === undefined) {
			facts = new ServiceFacts(name);
			this.services.set(name, facts);
		}

		return facts;
	}

	/** Applies notes and a new state at `now`; time since the last call is booked on the state before. */
	advance(state: StackState, now: number, notes: readonly RunNote[]): void {
		const since = this.#lastNow ?? now;
		for (const facts of this.services.values()) facts.book(since, now);
		this.#firstAt ??= now;
		for (const note of notes) this.#applyNote(note);
		const byService = new Map<string, ContainerInfo[]>();
		for (const container of state.containers.values()) {
			byService.set(container.service, [...(byService.get(container.service) ?? []), container]);
			this.#observe(container, now);
		}

		for (const [id, run] of this.runs) {
			if (!state.containers.has(id)) {
				if (run.isRunning) this.service(run.service).exited(run, now);
				this.runs.delete(id);
				this.#oomFlags.delete(id);
			}
		}

		for (const [name, facts] of this.services) facts.settle(byService.get(name) ?? [], now, this.expected.includes(name));
		this.#settleStack(now);
		this.#lastNow = now;
	}

	/** Nobody watched until `now` (stacktui was not running): that time is not booked. */
	skipTo(now: number): void {
		this.#lastNow = now;
	}

	/** The stack's health now: every expected service up. */
	get isStackUp(): boolean {
		return this.expected.length > 0 && this.expected.every(name => this.services.get(name)?.health === 'healthy' || this.services.get(name)?.health === 'running');
	}

	#applyNote(note: RunNote): void {
		if (note.type === 'stack-start') this.stackStart = {from: note.at, cause: note.cause, healthyAt: undefined};
		else if (note.type === 'service-down') this.service(note.service).plannedDown(note.at);
		else if (note.type === 'service-up') this.service(note.service).plannedUp(note.at);
	}

	#observe(container: ContainerInfo, now: number): void {
		const facts = this.service(container.service);
		const previous = this.runs.get(container.id);
		const key = container.startedAt ?? '';
		const isRunning = container.state === 'running';
		const isFirstLook = this.#firstAt === now;
		if (container.isOomKilled && !this.#oomFlags.has(container.id)) facts.oomKilled(now);
		if (container.isOomKilled) this.#oomFlags.add(container.id);
		else this.#oomFlags.delete(container.id);
		let run = previous;
		if (previous === undefined) {
			run = newRun(container, now, isRunning, isRunning && (!isFirstLook || container.health === 'starting'));
			if (isRunning && !isFirstLook) facts.started(run, false);
		} else if (previous.isRunning && isRunning && previous.key !== key) {
			if (previous.isKeyPending) {
				// The inspect after a start caught up with the start event: same run, real start time.
				previous.key = key;
				previous.startedAt = startOf(container, previous.startedAt);
				previous.isKeyPending = false;
			} else {
				// Restarted between two looks.
				facts.exited(previous, now);
				run = newRun(container, now, true, true);
				facts.started(run, true);
			}
		} else if (previous.isRunning && !isRunning) {
			facts.exited(previous, now);
			previous.isRunning = false;
		} else if (!previous.isRunning && isRunning) {
			run = newRun(container, now, true, true);
			// The start event came before the inspect: the start time follows.
			if (key === previous.key) {
				run.isKeyPending = true;
				run.startedAt = now;
			}

			facts.started(run, previous.hasRun);
		}

		if (run === undefined) return;
		run.hasRun ||= previous?.hasRun === true || isRunning;
		this.runs.set(container.id, run);
		facts.observeHealth(run, container, now);
	}

	#settleStack(now: number): void {
		if (this.stackStart === undefined) {
			if (this.#firstAt !== now || this.isStackUp) return;
			const starts = [...this.runs.values()].filter(run => run.isRunning && run.healthyAt === undefined).map(run => run.startedAt);
			this.stackStart = {from: starts.length > 0 ? Math.min(...starts) : now, cause: 'first-seen', healthyAt: undefined};
		}

		if (this.stackStart.healthyAt === undefined && this.isStackUp) this.stackStart.healthyAt = now;
	}
}

function startOf(container: ContainerInfo, fallback: number): number {
	const started = container.startedAt === undefined ? Number.NaN : Date.parse(container.startedAt);
	return Number.isFinite(started) ? started : fallback;
}

function newRun(container: ContainerInfo, now: number, isRunning: boolean, isObserved: boolean): ContainerRun {
	return {
		id: container.id,
		name: container.name,
		service: container.service,
		key: container.startedAt ?? '',
		startedAt: startOf(container, now),
		isObserved,
		healthyAt: undefined,
		firstTry: undefined,
		isRunning,
		hasRun: isRunning,
		isKeyPending: false,
	};
}
