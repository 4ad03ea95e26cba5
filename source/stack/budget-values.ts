import type {PlannedBudget} from './budget-plan.js';
import {sumUsage} from './budget-usage.js';
import {isLeak} from './leak.js';
import type {LeakReading, LeakTracker} from './leak-tracker.js';
import type {StackState} from './model.js';
import type {ProbeTally} from './probe-tally.js';
import type {RunFacts} from './run-facts.js';
import type {StepRecoveries} from './step-recovery.js';

/** Free memory and disk of the host, when read. */
export type HostReading = {readonly memoryFreeBytes?: number | undefined; readonly diskFreeBytes?: number | undefined};

/** Everything a budget's value is computed from at one evaluation. */
export type ValueContext = {
	readonly now: number;
	readonly state: StackState;
	readonly usage: ReturnType<typeof sumUsage>;
	readonly facts: RunFacts;
	readonly host: HostReading | undefined;
	readonly probes: ReadonlyMap<string, ProbeTally>;
	readonly leaks: ReadonlyMap<string, LeakTracker>;
	readonly recoveries: StepRecoveries;
};

/**
 * One budget's value now. `value` feeds the breach tracker (undefined: no data, no news);
 * `observed` is the value to remember as the worst when it differs (a startup that ended);
 * `leak` carries the slope for leak budgets.
 */
export type BudgetValue = {
	readonly value: number | undefined;
	readonly observed?: number | undefined;
	readonly current?: number | undefined;
	readonly container?: string;
	readonly note?: string;
	/** When the condition measured began (a start), if earlier than now. */
	readonly since?: number;
	readonly leak?: LeakReading;
};

export function valueOf(budget: PlannedBudget, context: ValueContext): BudgetValue {
	const {facts, now, usage} = context;
	const service = facts.services.get(budget.subject);
	switch (budget.kind) {
		case 'memory':
		case 'cpu': {
			const totals = budget.subject === 'stack' ? usage.stack : usage.services.get(budget.subject) ?? {memory: 0, cpu: 0};
			return {value: totals[budget.kind]};
		}

		case 'host-memory': {
			return {value: context.host?.memoryFreeBytes};
		}

		case 'host-disk': {
			return {value: context.host?.diskFreeBytes};
		}

		case 'startup': {
			// The longest wait of a run still starting; 0 once every run is healthy (the breach, if any, ends).
			const waits = [...facts.runs.values()]
				.filter(run => run.service === budget.subject && run.isRunning && run.isObserved && run.healthyAt === undefined)
				.map(run => ({wait: Math.max(0, now - run.startedAt), container: run.name}));
			const worst = waits.sort((left, right) => right.wait - left.wait)[0];
			const latest = service?.startupMs;
			const hasRun = latest !== undefined || [...facts.runs.values()].some(run => run.service === budget.subject && run.isObserved);
			return {
				value: worst?.wait ?? (hasRun ? 0 : undefined),
				...(worst === undefined ? {} : {since: now - worst.wait}),
				observed: worst?.wait ?? service?.longestStartupMs,
				current: worst?.wait ?? latest,
				...(worst === undefined ? {} : {container: worst.container}),
			};
		}

		case 'stack-startup': {
			const start = facts.stackStart;
			if (start === undefined) return {value: undefined, note: 'the stack was up when stacktui began: run with --up (or press u) to time its startup'};
			const elapsed = (start.healthyAt ?? now) - start.from;
			const word = start.healthyAt === undefined ? 'starting' : 'healthy in';
			return {value: start.healthyAt === undefined ? elapsed : 0, since: start.from, observed: elapsed, current: elapsed, note: `stack ${word} ${seconds(elapsed)} / ${seconds(budget.limit)}`};
		}

		case 'first-try-health': {
			const runs = service?.firstTry.runs ?? 0;
			return {value: runs === 0 ? undefined : (service?.firstTry.passed ?? 0) / runs, note: `${service?.firstTry.passed ?? 0} of ${runs} runs healthy on the first try`};
		}

		case 'uptime': {
			return {value: service?.uptimeRatio};
		}

		case 'restarts': {
			return {value: service === undefined ? 0 : service.exitsWithin(budget.windowMs ?? Number.POSITIVE_INFINITY, now), note: `${service?.unexpectedExitCount ?? 0} unexpected exits in the run`};
		}

		case 'oom': {
			return {value: service?.oomTimes.length ?? 0};
		}

		case 'leak': {
			const tracker = context.leaks.get(budget.subject);
			const reading = tracker?.reading();
			if (reading === undefined) {
				const needed = (budget.windowMs ?? 0) / 2;
				return {value: undefined, note: `needs ${minutes(needed)} of memory samples after a ${minutes(budget.warmupMs ?? 0)} warm-up; has ${minutes(tracker?.coveredMs ?? 0)}`};
			}
			const note = `${perHour(reading.slopePerHour)} (95 % ${perHour(reading.lowerPerHour)} to ${perHour(reading.upperPerHour)}), ${reading.isSteady ? 'steady' : 'not steady'}, over ${minutes(reading.spanMs)}`;
			return {value: isLeak(reading, budget.limit) ? 1 : 0, observed: reading.slopePerHour, current: reading.slopePerHour, leak: reading, note};
		}

		case 'probe-success': {
			const tally = context.probes.get(budget.subject);
			return {value: tally?.successRatio, note: tally === undefined ? 'no check yet' : `${tally.successes} of ${tally.count} checks succeeded`};
		}

		case 'probe-latency': {
			return {value: context.probes.get(budget.subject)?.percentile(Number((budget.percentile ?? 'p95').slice(1)) / 100)};
		}

		case 'recovery': {
			const recovery = budget.step === undefined ? undefined : context.recoveries.recoveries.get(budget.step);
			if (recovery === undefined || recovery.status === 'waiting') return {value: undefined, note: recovery?.message ?? 'not run'};
			const elapsed = recovery.upAt === undefined ? undefined : (recovery.recoveredAt ?? now) - recovery.upAt;
			return {value: recovery.status === 'failed' ? 1 : 0, observed: elapsed, current: elapsed, note: recovery.message};
		}
	}
}

function perHour(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB/h`;
}

function minutes(milliseconds: number): string {
	return milliseconds >= 60_000 ? `${Math.round(milliseconds / 6000) / 10} min` : `${Math.round(milliseconds / 1000)} s`;
}

function seconds(milliseconds: number): string {
	return `${Math.round(milliseconds / 1000)} s`;
}
