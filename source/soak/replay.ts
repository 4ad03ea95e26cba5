import type {StatsSample} from '../engine/types.js';
import type {BudgetState} from '../stack/budget-types.js';
import type {HostReading} from '../stack/budget-values.js';
import {initialState, type StackState} from '../stack/model.js';
import {type MonitorProfile, StackMonitor} from '../stack/monitor.js';
import type {RunNote} from '../stack/run-notes.js';
import {RunLedger} from './ledger.js';
import {containerOf} from './record-lines.js';
import type {ContainerLine, EndLine, NoteLine, RecordLine, RunLine} from './record-types.js';

export type Replayed = {
	readonly header: RunLine;
	readonly ledger: RunLedger;
	readonly monitor: StackMonitor;
	/** The stack as the record last saw it. */
	readonly state: StackState;
	/** Each container's last line, by id (a resumed recorder goes on from these). */
	readonly containers: Map<string, ContainerLine>;
	readonly budgets: BudgetState | undefined;
	readonly end: EndLine | null;
	readonly lastAt: number;
};

/**
 * Feeds a record back through a fresh monitor, as the run fed it live: container states,
 * sample windows, host load, probe results, notes and steps, evaluated at each change. Gives
 * the verdict a record holds (peaks, uptime, exits, probe counts, step outcomes), so a resumed
 * run goes on where the killed one stopped. Undefined without a `run` line.
 */
export function replay(lines: readonly RecordLine[], profile: MonitorProfile): Replayed | undefined {
	const header = lines.find((line): line is RunLine => line.type === 'run');
	if (header === undefined) return undefined;
	const ledger = new RunLedger();
	const monitor = new StackMonitor(profile, header.services, header.at);
	const containers = new Map<string, ContainerLine>();
	const byIndex = new Map<number, ContainerLine>();
	let state: StackState = {...initialState(header.profile.project), engine: 'connected', isListed: true};
	let host: HostReading | undefined;
	let budgets: BudgetState | undefined;
	let end: EndLine | null = null;
	const evaluate = (at: number) => {
		budgets = monitor.evaluate(at, state, host);
	};

	for (const line of lines) {
		switch (line.type) {
			case 'run': {
				ledger.session(line);
				if (line.session > 1) monitor.skipTo(line.at);
				break;
			}

			case 'container': {
				containers.set(line.id, line);
				byIndex.set(line.index, line);
				const container = containerOf(line, header.profile.project);
				const stats = new Map(state.stats);
				if (container.state !== 'running') stats.delete(line.id);
				state = {...state, containers: new Map(state.containers).set(line.id, container), stats};
				evaluate(line.at);
				break;
			}

			case 'samples': {
				const stats = new Map(state.stats);
				for (const [index, cpu, kibibytes] of line.values) {
					const known = byIndex.get(index);
					if (known !== undefined && state.containers.get(known.id)?.state === 'running') stats.set(known.id, sampleOf(cpu, kibibytes));
				}

				state = {...state, stats};
				evaluate(line.at);
				break;
			}

			case 'host': {
				host = {memoryFreeBytes: line.memoryFreeBytes ?? undefined, diskFreeBytes: line.diskFreeBytes ?? undefined};
				break;
			}

			case 'probe': {
				monitor.probeResult({at: line.at, probe: line.probe, isOk: line.isOk, latencyMs: line.latencyMs, ...(line.error === undefined ? {} : {error: line.error})});
				break;
			}

			case 'note': {
				const note = noteOf(line);
				if (note !== undefined) monitor.note(note);
				break;
			}

			case 'step': {
				ledger.step(line);
				if (line.state === 'started') monitor.stepStarted(line.name);
				if (line.state === 'passed' || line.state === 'failed' || line.state === 'skipped') monitor.stepEnded(line.name, line.state === 'passed');
				evaluate(line.at);
				break;
			}

			case 'phase': {
				ledger.phase(line);
				break;
			}

			case 'end': {
				end = line;
				break;
			}

			default: {
				break;
			}
		}

		ledger.seen(line.at);
	}

	if (budgets === undefined) evaluate(ledger.lastAt);
	return {header, ledger, monitor, state, containers, budgets, end, lastAt: ledger.lastAt};
}

function sampleOf(cpu: number | null, kibibytes: number): StatsSample {
	return {read: '', cpuPercent: cpu ?? undefined, memoryBytes: kibibytes * 1024, memoryLimitBytes: 0, memoryPercent: 0, networkRxBytes: 0, networkTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 0};
}

function noteOf(line: NoteLine): RunNote | undefined {
	if (line.note === 'stack-start') return {type: 'stack-start', at: line.at, cause: line.cause === 'restart' ? 'restart' : 'up'};
	if (line.service === undefined) return undefined;
	return {type: line.note, at: line.at, service: line.service, cause: line.cause, ...(line.step === undefined ? {} : {step: line.step})};
}
