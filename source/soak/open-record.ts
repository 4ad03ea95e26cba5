import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import os from 'node:os';
import type {Profile} from '../profile/types.js';
import {planBudgets, specOf} from '../stack/budget-plan.js';
import {maskSecrets} from '../stack/mask.js';
import {StackMonitor} from '../stack/monitor.js';
import {RunLedger} from './ledger.js';
import {readRecordLines} from './read-lines.js';
import {RecordError} from './read-record.js';
import {type ContainerLine, recordFormatVersion, type RunLine, sampleWindowMs} from './record-types.js';
import {replay} from './replay.js';

export type RecordPlan = {
	readonly directory: string;
	readonly profile: Profile;
	readonly services: readonly string[];
	readonly command: 'soak' | 'dashboard';
	readonly plannedDurationMs: number | null;
	readonly engine: {readonly address: string; readonly version: string};
	readonly secrets: readonly string[];
	readonly now: number;
};

/** A record ready to go on: a new one, or the run it holds replayed so far. */
export type OpenedRecord = {
	/** This session's header (session 1 for a new record). */
	readonly header: RunLine;
	/** The first session's header: the run's start and plan. */
	readonly first: RunLine;
	readonly ledger: RunLedger;
	readonly monitor: StackMonitor;
	readonly containers: Map<string, ContainerLine>;
	readonly isResumed: boolean;
};

/**
 * Opens DIR for recording. When DIR already holds a record of the same project, the run it
 * holds is replayed (verdict so far, steps done) and this session continues it; a record of
 * another project is refused with a one-line RecordError.
 */
export function openRecord(plan: RecordPlan): OpenedRecord {
	const lines = readRecordLines(plan.directory);
	const replayed = lines.length === 0 ? undefined : replay(lines, plan.profile);
	if (lines.length > 0 && replayed === undefined) throw new RecordError(`${plan.directory}: record.ndjson has no run line; choose another directory`);
	if (replayed !== undefined && replayed.header.profile.project !== plan.profile.project) {
		throw new RecordError(`${plan.directory} records project ${replayed.header.profile.project}, not ${plan.profile.project}; choose another directory`);
	}

	const session = replayed === undefined ? 1 : replayed.ledger.sessions.length + 1;
	const header = headerOf(plan, replayed?.header.runId ?? randomBytes(8).toString('hex'), session);
	if (replayed === undefined) {
		return {header, first: header, ledger: new RunLedger(), monitor: new StackMonitor(plan.profile, plan.services, plan.now), containers: new Map(), isResumed: false};
	}

	// Nobody watched between the last line and now.
	replayed.monitor.skipTo(plan.now);
	return {header, first: replayed.header, ledger: replayed.ledger, monitor: replayed.monitor, containers: replayed.containers, isResumed: true};
}

function headerOf(plan: RecordPlan, runId: string, session: number): RunLine {
	const {profile} = plan;
	const mask = (text: string) => maskSecrets(text, plan.secrets);
	return {
		type: 'run',
		at: plan.now,
		version: recordFormatVersion,
		runId,
		session,
		command: plan.command,
		stacktuiVersion: packageVersion(),
		profile: {name: profile.name, file: profile.file ?? null, project: profile.project},
		plannedDurationMs: plan.plannedDurationMs,
		host: {hostname: os.hostname(), cpus: os.cpus().length, memoryBytes: os.totalmem()},
		engine: plan.engine,
		services: plan.services,
		budgets: planBudgets({budgets: profile.budgets, probes: profile.probes, steps: profile.soak.steps, services: plan.services}).map(budget => specOf(budget)),
		phases: profile.phases.map(phase => ({name: phase.name, fromMs: phase.fromMs ?? null, untilMs: phase.untilMs ?? null, whileStep: phase.whileStep ?? null})),
		probes: profile.probes.map(probe => ({
			name: probe.name,
			service: probe.service,
			kind: probe.kind,
			target: mask(probe.kind === 'exec' ? (probe.command ?? []).join(' ') : probe.kind === 'http' ? (probe.url ?? '') : `${probe.address?.host ?? ''}:${probe.address?.port ?? ''}`),
			intervalMs: probe.intervalMs,
			timeoutMs: probe.timeoutMs,
		})),
		steps: profile.soak.steps.map(step => ({index: step.index, name: step.name, action: step.action, service: step.service ?? null, command: step.command === undefined ? null : mask(step.command.join(' ')), atMs: step.atMs, forMs: step.forMs ?? null})),
		sampleWindowMs,
	};
}

function packageVersion(): string {
	try {
		return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version?: string}).version ?? 'unknown';
	} catch {
		return 'unknown';
	}
}
