import type {Budgets} from '../profile/types.js';
import type {PlannedBudget} from './budget-plan.js';
import type {BudgetState, BudgetTrack, BudgetWarning} from './budget-types.js';
import {defaultHistoryLimit} from './budget-types.js';
import {sumUsage} from './budget-usage.js';
import {type HostReading, valueOf} from './budget-values.js';
import {metersOf} from './budget-meters.js';
import {LeakTracker} from './leak-tracker.js';
import type {StackState} from './model.js';
import {ProbeTally, type ProbeResult} from './probe-tally.js';
import {RunFacts} from './run-facts.js';
import type {RunNote} from './run-notes.js';
import {SeriesAccumulator} from './series-summary.js';
import {StepRecoveries} from './step-recovery.js';
import {initialThreshold, stepThreshold, type ThresholdSettings, type ThresholdState, worse} from './threshold.js';
import {type Track, trackView, warningMessage} from './track.js';

export type EvaluatorInput = {
	/** Epoch ms of this evaluation; never earlier than the last one. */
	readonly now: number;
	readonly state: StackState;
	/** The phase now; null: none named. */
	readonly phase: string | null;
	readonly host?: HostReading;
	/** Probe checks finished since the last evaluation. */
	readonly probes?: readonly ProbeResult[];
	/** What stacktui did since the last evaluation. */
	readonly notes?: readonly RunNote[];
	/**
	 * Containers with an action sent on purpose and not finished (restarting…): the memory, CPU
	 * and startup budgets of their services (and the stack's, while any) hold as they are, so a
	 * deliberate restart neither raises a warning nor ends one and raises it again.
	 */
	readonly deliberateIds?: ReadonlySet<string>;
};

/** Kinds a deliberate action holds. */
const heldKinds = new Set(['memory', 'cpu', 'startup', 'stack-startup']);

/** Kinds judged on their value over the whole run (a ratio, a percentile), not on breaches along the way. */
const finalKinds = new Set(['first-try-health', 'uptime', 'probe-success', 'probe-latency']);

/**
 * The one budget evaluator: the dashboard's warnings panel, `stacktui status`, the soak and a
 * replayed record all call `evaluate` with the stack as it is, and get meters, tracks (one per
 * budget: status, level, worst, spans) and warnings. Deterministic: the same inputs give the
 * same results. Call it on every new state and on a clock tick, so durations advance.
 */
export class BudgetEvaluator {
	readonly facts: RunFacts;
	readonly probes = new Map<string, ProbeTally>();
	readonly leaks = new Map<string, LeakTracker>();
	readonly recoveries: StepRecoveries;
	readonly memory = new Map<string, SeriesAccumulator>();
	readonly cpu = new Map<string, SeriesAccumulator>();
	readonly #tracks: Track[];
	readonly #runKeys = new Map<string, string>();
	#warnings: BudgetWarning[] = [];
	#nextWarningId = 1;
	#lastNow: number | undefined;
	#state: BudgetState | undefined;

	constructor(
		readonly plan: readonly PlannedBudget[],
		readonly budgets: Pick<Budgets, 'sustainMs' | 'clearMs' | 'hysteresis' | 'nearFraction' | 'stack' | 'services' | 'phases'>,
		expected: readonly string[],
		readonly historyLimit = defaultHistoryLimit,
	) {
		this.facts = new RunFacts(expected);
		this.recoveries = new StepRecoveries(plan.filter(budget => budget.kind === 'recovery').map(budget => ({step: budget.step ?? 0, service: budget.service ?? '', limitMs: budget.limit})));
		this.#tracks = plan.map(budget => ({budget, settings: this.#settingsOf(budget), threshold: initialThreshold, breaches: [], observed: undefined, current: undefined, evaluatedMs: 0, note: '', warningId: undefined, container: undefined}));
		for (const budget of plan) {
			if (budget.kind === 'leak') this.leaks.set(budget.subject, new LeakTracker({windowMs: budget.windowMs ?? 1_800_000, warmupMs: budget.warmupMs ?? 0}));
		}
	}

	/** The last evaluation's result. */
	get state(): BudgetState | undefined {
		return this.#state;
	}

	/** Nobody watched until `now` (a record resumed after a kill): the gap counts for no budget. */
	skipTo(now: number): void {
		this.#lastNow = now;
		this.facts.skipTo(now);
	}

	evaluate(input: EvaluatorInput): BudgetState {
		const {now, state} = input;
		const elapsed = this.#lastNow === undefined ? 0 : Math.max(0, now - this.#lastNow);
		const notes = input.notes ?? [];
		this.recoveries.applyNotes(notes, this.facts);
		this.facts.advance(state, now, notes);
		this.recoveries.settle(this.facts, now);
		for (const result of input.probes ?? []) this.#tally(result.probe).add(result);
		const usage = sumUsage(state, id => state.containers.get(id)?.service);
		this.#observeSeries(usage, now);
		const context = {now, state, usage, facts: this.facts, host: input.host, probes: this.probes, leaks: this.leaks, recoveries: this.recoveries};
		const deliberate = [...(input.deliberateIds ?? [])].flatMap(id => state.containers.get(id)?.service ?? []);
		const isHeld = (track: Track) => heldKinds.has(track.budget.kind) && deliberate.length > 0 && (track.budget.subject === 'stack' || deliberate.includes(track.budget.subject));
		for (const track of this.#tracks) {
			const isActive = track.budget.phase === null || track.budget.phase === input.phase;
			const computed = valueOf(track.budget, context);
			const result = isHeld(track) ? {...computed, value: undefined} : computed;
			if (result.note !== undefined) track.note = result.note;
			if (!isActive) {
				if (track.threshold.level !== 'ok') this.#apply(track, {state: initialThreshold, change: track.threshold.level === 'breach' ? {endedAt: now} : {}}, now);
				continue;
			}

			if (result.value !== undefined) track.evaluatedMs += elapsed;
			track.current = result.current ?? result.value;
			track.container = result.container;
			const candidate = result.observed ?? result.value;
			if (candidate !== undefined) {
				track.observed = finalKinds.has(track.budget.kind) ? candidate : track.observed === undefined ? candidate : worse(track.budget.comparison, track.observed, candidate);
			}

			this.#apply(track, stepThreshold(track.threshold, track.settings, result.value, now, result.since), now);
		}

		this.#lastNow = now;
		const tracks = this.#tracks.map(track => trackView(track, finalKinds.has(track.budget.kind)));
		this.#state = {
			meters: metersOf(usage, this.plan, tracks, input.phase, this.budgets.nearFraction),
			warnings: this.#warnings,
			tracks,
			phase: input.phase,
			stackStartup: this.#stackStartup(now),
			evaluatedAt: now,
		};
		return this.#state;
	}

	#apply(track: Track, step: {state: ThresholdState; change: {began?: boolean; endedAt?: number}}, now: number): void {
		track.threshold = step.state;
		const since = step.state.since ?? now;
		if (step.change.began) {
			track.breaches.push({from: since, to: null, peak: step.state.peak ?? 0});
			if (track.breaches.length > 100) track.breaches.splice(1, 1);
			track.warningId = this.#nextWarningId++;
			this.#warnings = trimHistory([...this.#warnings, this.#warning(track, now, since)], this.historyLimit);
		} else if (step.change.endedAt !== undefined) {
			const open = track.breaches.at(-1);
			if (open !== undefined && open.to === null) open.to = step.change.endedAt;
			this.#updateWarning(track, now, {endedAt: step.change.endedAt});
			track.warningId = undefined;
		} else if (track.warningId !== undefined) {
			const open = track.breaches.at(-1);
			if (open !== undefined && step.state.peak !== undefined) open.peak = step.state.peak;
			this.#updateWarning(track, now, {});
		}
	}

	#warning(track: Track, now: number, since: number): BudgetWarning {
		const {budget} = track;
		const peak = this.#displayPeak(track);
		const warning = {
			id: track.warningId ?? 0,
			budgetId: budget.id,
			kind: budget.kind,
			unit: budget.unit,
			service: budget.subjectKind === 'service' ? budget.subject : undefined,
			subject: budget.subject,
			container: track.container,
			phase: budget.phase,
			budget: budget.limit,
			written: budget.written,
			startedAt: since,
			peak,
			current: track.current,
			durationMs: now - since,
			endedAt: undefined,
		};
		return {...warning, message: warningMessage(budget, warning)};
	}

	#updateWarning(track: Track, now: number, change: {endedAt?: number}): void {
		const id = track.warningId;
		if (id === undefined) return;
		this.#warnings = this.#warnings.map(warning => {
			if (warning.id !== id) return warning;
			const endedAt = change.endedAt ?? warning.endedAt;
			const updated = {...warning, peak: this.#displayPeak(track), current: track.current, container: track.container ?? warning.container, endedAt, durationMs: (endedAt ?? now) - warning.startedAt};
			return {...updated, message: warningMessage(track.budget, updated)};
		});
	}

	/** Flag budgets (leak, recovery) show their measure, not the flag. */
	#displayPeak(track: Track): number {
		return track.budget.kind === 'leak' || track.budget.kind === 'recovery' || track.budget.kind === 'startup' || track.budget.kind === 'stack-startup'
			? (track.observed ?? 0)
			: (track.threshold.peak ?? track.observed ?? 0);
	}

	#settingsOf(budget: PlannedBudget): ThresholdSettings {
		const {sustainMs, clearMs, hysteresis, nearFraction} = this.budgets;
		if (budget.kind === 'startup' || budget.kind === 'stack-startup') return {limit: budget.limit, comparison: 'at-most', sustainMs: 0, clearMs: 0, hysteresis: 0, nearFraction};
		if (budget.kind === 'memory' || budget.kind === 'cpu' || budget.kind === 'host-memory' || budget.kind === 'host-disk') {
			return {limit: budget.limit, comparison: budget.comparison, sustainMs, clearMs, hysteresis, nearFraction};
		}

		if (budget.kind === 'leak') return {limit: 0.5, comparison: 'at-most', sustainMs, clearMs, hysteresis: 0, nearFraction: 1};
		if (budget.kind === 'recovery') return {limit: 0.5, comparison: 'at-most', sustainMs: 0, clearMs: Number.POSITIVE_INFINITY, hysteresis: 0, nearFraction: 1};
		// Counts, ratios and times: a breach at once, no hysteresis; near only at the limit itself.
		return {limit: budget.limit, comparison: budget.comparison, sustainMs: 0, clearMs: 0, hysteresis: 0, nearFraction: 1};
	}

	#tally(probe: string): ProbeTally {
		let tally = this.probes.get(probe);
		if (tally === undefined) {
			tally = new ProbeTally();
			this.probes.set(probe, tally);
		}

		return tally;
	}

	/** Per-service and stack summaries, and the leak trackers (restarted on a new run of the service). */
	#observeSeries(usage: ReturnType<typeof sumUsage>, now: number): void {
		const add = (map: Map<string, SeriesAccumulator>, key: string, value: number | undefined) => {
			if (value === undefined) return;
			let accumulator = map.get(key);
			if (accumulator === undefined) map.set(key, (accumulator = new SeriesAccumulator()));
			accumulator.add(value);
		};

		add(this.memory, 'stack', usage.stack.memory);
		add(this.cpu, 'stack', usage.stack.cpu);
		for (const [service, totals] of usage.services) {
			add(this.memory, service, totals.memory);
			add(this.cpu, service, totals.cpu);
			const leak = this.leaks.get(service);
			if (leak === undefined) continue;
			const runKey = [...this.facts.runs.values()].filter(run => run.service === service && run.isRunning).map(run => `${run.id}:${run.startedAt}`).sort().join(',');
			if (this.#runKeys.has(service) && this.#runKeys.get(service) !== runKey) leak.restart(now);
			this.#runKeys.set(service, runKey);
			if (totals.memory !== undefined && runKey !== '') leak.add(now, totals.memory);
		}
	}

	#stackStartup(now: number): BudgetState['stackStartup'] {
		const start = this.facts.stackStart;
		if (start === undefined) return undefined;
		return {...start, elapsedMs: (start.healthyAt ?? now) - start.from, limitMs: this.budgets.stack.startupMs};
	}
}

/** Drops the oldest ended warnings beyond the limit; active warnings always stay. */
function trimHistory(warnings: BudgetWarning[], limit: number): BudgetWarning[] {
	let excess = warnings.length - limit;
	if (excess <= 0) return warnings;
	return warnings.filter(warning => {
		if (excess > 0 && warning.endedAt !== undefined) {
			excess--;
			return false;
		}

		return true;
	});
}
