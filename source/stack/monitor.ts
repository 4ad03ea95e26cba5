import type {Profile} from '../profile/types.js';
import type {BudgetState, BudgetWarning} from './budget-types.js';
import {evaluatorFor} from './budgets.js';
import type {BudgetEvaluator} from './evaluator.js';
import type {HostReading} from './budget-values.js';
import {LongSeries} from './long-history.js';
import type {StackState} from './model.js';
import {phaseAt} from './phase-clock.js';
import type {ProbeResult} from './probe-tally.js';
import type {RunNote} from './run-notes.js';

export type MonitorProfile = Pick<Profile, 'budgets' | 'probes' | 'soak' | 'phases'>;

/** What a monitor tells a recorder, beside the stack states it is given. */
export type MonitorEvent =
	| {readonly type: 'probe'; readonly result: ProbeResult}
	| {readonly type: 'note'; readonly note: RunNote}
	| {readonly type: 'phase'; readonly at: number; readonly phase: string | null; readonly previous: string | null; readonly reason: 'start' | 'time' | 'step-started' | 'step-ended'}
	| {readonly type: 'warning'; readonly at: number; readonly change: 'raised' | 'escalated' | 'ended'; readonly warning: BudgetWarning};

/**
 * A run being watched: the budget evaluator, the phase clock, probe results and stacktui's own
 * notes, and the whole run's memory and CPU per service (bounded). The session feeds it states
 * and clock ticks; probes and steps feed it results and notes; a recorder listens.
 */
export class StackMonitor {
	readonly evaluator: BudgetEvaluator;
	/** `stack` and each service: memory bytes and CPU %, summed over containers. */
	readonly memory = new Map<string, LongSeries>();
	readonly cpu = new Map<string, LongSeries>();
	readonly #listeners = new Set<(event: MonitorEvent) => void>();
	readonly #runningSteps = new Set<string>();
	readonly #passedSteps = new Set<string>();
	#notes: RunNote[] = [];
	#probes: ProbeResult[] = [];
	#phase: string | null | undefined;
	#phaseReason: 'start' | 'time' | 'step-started' | 'step-ended' = 'start';
	#warnings = new Map<number, BudgetWarning>();

	constructor(
		readonly profile: MonitorProfile,
		readonly services: readonly string[],
		/** Epoch ms the run began: phases by time count from here. */
		public startedAt: number,
	) {
		this.evaluator = evaluatorFor(profile, services);
	}

	get phase(): string | null {
		return this.#phase ?? null;
	}

	/** Steps running now, by name (phases `while:` them). */
	get runningSteps(): ReadonlySet<string> {
		return this.#runningSteps;
	}

	subscribe(listener: (event: MonitorEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	note(note: RunNote): void {
		this.#notes.push(note);
		this.#emit({type: 'note', note});
	}

	/**
	 * A probe check's result; one of a service in planned downtime (a step or key stopped it) does not
	 * count — nor one that ended after a stop noted since the last evaluation (the facts learn of the
	 * stop only then: a check failing as the stop began was counted, seen in a 1-hour triton soak).
	 */
	probeResult(result: ProbeResult): void {
		const service = this.profile.probes.find(probe => probe.name === result.probe)?.service;
		if (service !== undefined && this.evaluator.facts.services.get(service)?.planned !== undefined) return;
		if (service !== undefined && this.#notes.some(note => note.type === 'service-down' && note.service === service && note.at <= result.at)) return;
		this.#probes.push(result);
		this.#emit({type: 'probe', result});
	}

	stepStarted(name: string): void {
		this.#runningSteps.add(name);
		this.#phaseReason = 'step-started';
	}

	stepEnded(name: string, isPassed: boolean): void {
		this.#runningSteps.delete(name);
		if (isPassed) this.#passedSteps.add(name);
		this.#phaseReason = 'step-ended';
	}

	/** A probe checks once its service was up and its `after` step (if any) passed, and not while the service is down as planned. */
	isProbeReady(probe: {readonly service: string; readonly after: string | undefined}): boolean {
		const service = this.evaluator.facts.services.get(probe.service);
		return service?.isEverUp === true && service.planned === undefined && (probe.after === undefined || this.#passedSteps.has(probe.after));
	}

	/** Nobody watched until `now`: see BudgetEvaluator.skipTo. */
	skipTo(now: number): void {
		this.evaluator.skipTo(now);
	}

	/** One evaluation at `now` of the stack as it is. */
	evaluate(now: number, state: StackState, host?: HostReading, deliberateIds?: ReadonlySet<string>): BudgetState {
		const phase = phaseAt(this.profile.phases, now - this.startedAt, this.#runningSteps);
		if (phase !== this.#phase) {
			this.#emit({type: 'phase', at: now, phase, previous: this.#phase ?? null, reason: this.#phase === undefined ? 'start' : this.#phaseReason});
			this.#phase = phase;
		}

		this.#phaseReason = 'time';
		const notes = this.#notes;
		const probes = this.#probes;
		this.#notes = [];
		this.#probes = [];
		const result = this.evaluator.evaluate({now, state, phase, ...(host === undefined ? {} : {host}), notes, probes, ...(deliberateIds === undefined ? {} : {deliberateIds})});
		this.#recordSeries(now, state);
		this.#diffWarnings(now, result.warnings);
		return result;
	}

	#recordSeries(now: number, state: StackState): void {
		const totals = new Map<string, {memory: number; cpu: number}>();
		for (const container of state.containers.values()) {
			const sample = state.stats.get(container.id);
			if (container.state !== 'running' || sample === undefined) continue;
			for (const key of ['stack', container.service]) {
				const total = totals.get(key) ?? {memory: 0, cpu: 0};
				total.memory += sample.memoryBytes;
				total.cpu += sample.cpuPercent ?? 0;
				totals.set(key, total);
			}
		}

		for (const [key, total] of totals) {
			series(this.memory, key).add(now, total.memory);
			series(this.cpu, key).add(now, total.cpu);
		}
	}

	#diffWarnings(now: number, warnings: readonly BudgetWarning[]): void {
		for (const warning of warnings) {
			const before = this.#warnings.get(warning.id);
			if (before === warning) continue;
			if (before === undefined) this.#emit({type: 'warning', at: now, change: 'raised', warning});
			else if (before.endedAt === undefined && warning.endedAt !== undefined) this.#emit({type: 'warning', at: now, change: 'ended', warning});
			this.#warnings.set(warning.id, warning);
		}

		if (this.#warnings.size > warnings.length * 2 + 100) {
			const kept = new Set(warnings.map(warning => warning.id));
			for (const id of this.#warnings.keys()) if (!kept.has(id)) this.#warnings.delete(id);
		}
	}

	#emit(event: MonitorEvent): void {
		for (const listener of this.#listeners) listener(event);
	}
}

function series(map: Map<string, LongSeries>, key: string): LongSeries {
	let found = map.get(key);
	if (found === undefined) map.set(key, (found = new LongSeries()));
	return found;
}
