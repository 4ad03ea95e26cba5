import type {BudgetState} from './budget-types.js';
import type {StackMonitor} from './monitor.js';

/** One service in the soak panel: peaks since the start, leak slope, uptime, restarts. */
export type ServiceSoak = {
	readonly service: string;
	readonly memoryPeak: number | undefined;
	/** The whole run's memory, bucket peaks oldest first (bounded however long the run). */
	readonly memoryHistory: readonly number[];
	readonly cpuPeak: number | undefined;
	/** Bytes per hour, with the one-sided confidence it grows; undefined until the window is covered. */
	readonly leakPerHour: number | undefined;
	readonly leakConfidence: number | undefined;
	readonly isLeaking: boolean;
	readonly uptimeRatio: number | undefined;
	readonly restarts: number;
};

export type ProbeSoak = {readonly probe: string; readonly service: string; readonly count: number; readonly successRatio: number | undefined; readonly p95: number | undefined; readonly lastError: string | undefined};

/** What the dashboard's soak panel shows: a plain snapshot, made once per render tick. */
export type SoakSummary = {
	readonly phase: string | null;
	readonly startedAt: number;
	readonly held: number;
	readonly breached: number;
	readonly notEvaluated: number;
	/** Breached budgets: id and description. */
	readonly breaches: ReadonlyArray<{readonly id: string; readonly description: string; readonly note: string}>;
	readonly services: readonly ServiceSoak[];
	readonly probes: readonly ProbeSoak[];
};

export const emptySoakSummary: SoakSummary = {phase: null, startedAt: 0, held: 0, breached: 0, notEvaluated: 0, breaches: [], services: [], probes: []};

/** The run so far from the monitor and its last evaluation. */
export function summarizeSoak(monitor: StackMonitor, budgets: BudgetState): SoakSummary {
	const {evaluator} = monitor;
	const count = (status: string) => budgets.tracks.filter(track => track.status === status).length;
	const names = [...new Set([...evaluator.facts.services.keys(), ...evaluator.memory.keys()])].filter(name => name !== 'stack').sort((left, right) => left.localeCompare(right));
	return {
		phase: budgets.phase,
		startedAt: monitor.startedAt,
		held: count('held'),
		breached: count('breached'),
		notEvaluated: count('not-evaluated'),
		breaches: budgets.tracks.filter(track => track.status === 'breached').map(track => ({id: track.id, description: track.description, note: track.note})),
		services: names.map(service => {
			const facts = evaluator.facts.services.get(service);
			const leak = evaluator.leaks.get(service)?.reading();
			const leakTrack = budgets.tracks.find(track => track.kind === 'leak' && track.subject === service);
			return {
				service,
				memoryPeak: evaluator.memory.get(service)?.summary()?.max,
				memoryHistory: monitor.memory.get(service)?.buckets().map(bucket => bucket.max) ?? [],
				cpuPeak: evaluator.cpu.get(service)?.summary()?.max,
				leakPerHour: leak?.slopePerHour,
				leakConfidence: leak?.confidence,
				isLeaking: leakTrack?.level === 'breach' || leakTrack?.level === 'over',
				uptimeRatio: facts?.uptimeRatio,
				restarts: facts?.restarts ?? 0,
			};
		}),
		probes: monitor.profile.probes.map(probe => {
			const tally = evaluator.probes.get(probe.name);
			return {probe: probe.name, service: probe.service, count: tally?.count ?? 0, successRatio: tally?.successRatio, p95: tally?.percentile(0.95), lastError: tally?.lastError};
		}),
	};
}
