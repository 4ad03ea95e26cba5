import type Docker from 'dockerode';
import type {Profile} from '../profile/types.js';
import type {BudgetUnit} from '../stack/budget-spec.js';
import {evaluatorFor} from '../stack/budgets.js';
import {sanitizeLine} from '../stack/clean-text.js';
import {formatBudgetValue} from '../stack/format.js';
import type {StackState} from '../stack/model.js';
import {phaseAt} from '../stack/phase-clock.js';
import {runProbe} from '../stack/probes/run-probe.js';
import {healthOf} from '../stack/service-facts.js';

/** One budget as `status` shows it: how it stands right now. */
export type BudgetNow = {
	readonly id: string;
	readonly description: string;
	readonly written: string;
	/** over: past its limit now (no sustain in a snapshot); not-evaluated: a snapshot cannot tell (uptime, leaks, …). */
	readonly state: 'ok' | 'near' | 'over' | 'not-evaluated';
	readonly value: number | null;
	readonly unit: BudgetUnit;
	readonly note: string;
};

export type StackCheck = {
	readonly phase: string | null;
	readonly budgets: readonly BudgetNow[];
	/** Services expected to run that do not: missing, stopped or unhealthy, with why. */
	readonly down: ReadonlyArray<{readonly service: string; readonly health: string}>;
};

/** Kinds a single look can judge. */
const snapshotKinds = new Set(['memory', 'cpu', 'startup', 'oom', 'probe-success', 'probe-latency']);

/**
 * A profile's budgets against one snapshot of the stack: memory, CPU, startup, OOM, and each
 * probe run once (the connection tests); the rest need a run (`stacktui soak`). The phase is the
 * one in force with no step running (idle, for triton).
 */
export async function checkStack(docker: Docker, profile: Profile, services: readonly string[], state: StackState, now: number): Promise<StackCheck> {
	const evaluator = evaluatorFor(profile, services);
	const phase = phaseAt(profile.phases, Number.POSITIVE_INFINITY, new Set());
	const containerOf = (service: string) => [...state.containers.values()].find(container => container.service === service && container.state === 'running')?.id;
	const probes = await Promise.all(
		profile.probes.map(async probe => {
			const outcome = await runProbe(probe, {docker, containerOf}, AbortSignal.timeout(probe.timeoutMs + 1000));
			return {at: now, probe: probe.name, ...outcome, ...(outcome.error === undefined ? {} : {error: sanitizeLine(outcome.error)})};
		}),
	);
	const result = evaluator.evaluate({now, state, phase, probes});
	const budgets = result.tracks.map((track): BudgetNow => {
		const isJudged = snapshotKinds.has(track.kind) && (track.phase === null || track.phase === phase) && track.current !== undefined;
		const probeError = track.kind === 'probe-success' ? probes.find(item => item.probe === track.subject)?.error : undefined;
		return {
			id: track.id,
			description: track.description,
			written: track.written,
			state: isJudged ? (track.level === 'breach' ? 'over' : track.level) : 'not-evaluated',
			value: isJudged ? (track.current ?? null) : null,
			unit: track.unit,
			note: probeError ?? (isJudged ? '' : 'needs a run: stacktui soak'),
		};
	});
	const down = services
		.map(service => ({service, health: healthOf([...state.containers.values()].filter(container => container.service === service))}))
		.filter(({health}) => health === 'missing' || health === 'down' || health === 'unhealthy');
	return {phase, budgets, down};
}

/** The budgets table `status` prints under the services. */
export function formatBudgetTable(check: StackCheck): string {
	const rows = check.budgets.map(budget => [budget.state === 'not-evaluated' ? '-' : budget.state.toUpperCase(), budget.id, budget.value === null ? '-' : `${formatBudgetValue(budget.unit, budget.value)} / ${budget.written}`, budget.note]);
	const headers = ['BUDGET', 'ID', 'NOW / LIMIT', 'NOTE'];
	const widths = headers.map((header, column) => Math.max(header.length, ...rows.map(row => row[column]?.length ?? 0)));
	const lines = [headers, ...rows].map(row => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
	const down = check.down.map(({service, health}) => `DOWN  ${service}: ${health === 'missing' ? 'no container' : health}`);
	return [`budgets${check.phase === null ? '' : ` (phase ${check.phase})`}:`, ...lines, ...down].join('\n');
}
