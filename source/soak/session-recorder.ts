import type {ContainerInfo, EngineEvent} from '../engine/types.js';
import type {StackState} from '../stack/model.js';
import type {MonitorEvent} from '../stack/monitor.js';
import type {StackSession} from '../stack/session.js';
import {maskText, sanitizeLine} from '../stack/clean-text.js';
import type {RunLedger} from './ledger.js';
import {containerLine, hasChanged, SampleWindow} from './record-lines.js';
import {type ContainerLine, type EndLine, type RunLine, sampleWindowMs, type StepLine} from './record-types.js';
import type {RecordWriter} from './record-writer.js';
import {buildVerdict} from './verdict.js';
import type {Verdict} from './verdict-types.js';

const hostIntervalMs = 10_000;
const verdictIntervalMs = 5000;

/** Containers known to a record: their index and last line (carried over on a resume). */
export type RecordedContainers = Map<string, ContainerLine>;

/**
 * Writes everything a session sees into a record: container changes, engine events, 2-second
 * sample windows, host load, probes, warnings, phases, notes, keys and steps; and the verdict
 * so far beside it. Attach after the session is made, before it starts.
 */
export class SessionRecorder {
	readonly #unsubscribe: Array<() => void> = [];
	readonly #window = new SampleWindow();
	readonly #timers: NodeJS.Timeout[] = [];
	#nextIndex: number;
	#lastState: StackState | undefined;
	/** Told each step line (the soak prints them). */
	onStep: ((line: StepLine) => void) | undefined;

	constructor(
		readonly session: StackSession,
		readonly writer: RecordWriter,
		readonly header: RunLine,
		readonly ledger: RunLedger,
		readonly containers: RecordedContainers = new Map(),
		readonly secrets: readonly string[] = [],
	) {
		this.#nextIndex = Math.max(0, ...[...containers.values()].map(line => line.index + 1));
	}

	start(): void {
		// The ledger first: it dates the gap since the last line before this header counts as seen.
		this.ledger.session(this.header);
		this.#write(this.header);
		this.#unsubscribe.push(
			this.session.subscribeState(state => this.#onState(state)),
			this.session.subscribeEvents(event => this.#onEvent(event)),
			this.session.subscribeActions(action => this.#write({type: 'action', at: action.at, key: action.key, command: action.command, ...(action.target === undefined ? {} : {target: action.target})})),
			this.session.monitor.subscribe(event => this.#onMonitor(event)),
		);
		const windowTimer = setInterval(() => this.#flushWindow(), sampleWindowMs);
		const hostTimer = setInterval(() => this.#writeHost(), hostIntervalMs);
		const verdictTimer = setInterval(() => this.writeVerdict(), verdictIntervalMs);
		this.#timers.push(windowTimer, hostTimer, verdictTimer);
	}

	/** A step's progress (the soak's step runner reports here). */
	step(line: StepLine): void {
		const cleaned = {...line, message: this.#clean(line.message)};
		this.ledger.step(cleaned);
		this.#write(cleaned);
		this.onStep?.(cleaned);
	}

	verdict(end?: EndLine): Verdict {
		const {monitor} = this.session;
		const budgets = monitor.evaluator.state ?? this.session.view.budgets;
		return buildVerdict({header: this.ledger.sessions[0] ?? this.header, ledger: this.ledger, monitor, budgets, now: Date.now(), end});
	}

	writeVerdict(end?: EndLine): Verdict {
		const verdict = this.verdict(end);
		this.writer.writeVerdict(verdict);
		return verdict;
	}

	/** Writes the end line and the final verdict, and stops recording. */
	close(end: Omit<EndLine, 'type' | 'status'> & {status?: EndLine['status']}): Verdict {
		for (const unsubscribe of this.#unsubscribe) unsubscribe();
		for (const timer of this.#timers) clearInterval(timer);
		this.#flushWindow();
		const line: EndLine = {type: 'end', ...end, status: end.status ?? this.verdict().status};
		this.#write(line);
		const verdict = this.writeVerdict(line);
		this.writer.close();
		return verdict;
	}

	#onState(state: StackState): void {
		const previous = this.#lastState;
		this.#lastState = state;
		const now = Date.now();
		if (previous === undefined || state.containers !== previous.containers) {
			for (const container of state.containers.values()) this.#observeContainer(container, now);
		}

		if (previous !== undefined && state.stats === previous.stats) return;
		for (const [id, sample] of state.stats) {
			if (previous?.stats.get(id) === sample) continue;
			const line = this.containers.get(id);
			if (line !== undefined) this.#window.add(line.index, sample);
		}
	}

	#observeContainer(container: ContainerInfo, now: number): ContainerLine {
		const known = this.containers.get(container.id);
		if (known !== undefined && !hasChanged(known, container)) return known;
		const line = containerLine(now, known?.index ?? this.#nextIndex++, container);
		this.containers.set(container.id, line);
		this.#write(line);
		return line;
	}

	#onEvent(event: EngineEvent): void {
		const at = Number(event.timeNano / 1_000_000n) || Date.now();
		const known = this.containers.get(event.id) ?? this.#lastState?.containers.get(event.id);
		const index = known === undefined ? this.#placeholder(event, at) : 'index' in known ? known.index : this.#observeContainer(known, at).index;
		const planned = this.session.monitor.evaluator.facts.services.get(event.service ?? '')?.planned;
		this.#write({
			type: 'event',
			at,
			index,
			action: event.action,
			...(event.health === undefined ? {} : {health: event.health}),
			...(event.exitCode === undefined ? {} : {exitCode: event.exitCode}),
			...(planned === undefined ? {} : {cause: 'planned'}),
		});
	}

	/** An event of a container not listed yet: a line from what the event says. */
	#placeholder(event: EngineEvent, at: number): number {
		const line: ContainerLine = {type: 'container', at, index: this.#nextIndex++, id: event.id, name: event.id.slice(0, 12), service: event.service ?? '', state: 'created', health: 'none', startedAt: null, exitCode: null, restartCount: 0, isOomKilled: false};
		this.containers.set(event.id, line);
		this.#write(line);
		return line.index;
	}

	#onMonitor(event: MonitorEvent): void {
		switch (event.type) {
			case 'probe': {
				const {result} = event;
				this.#write({type: 'probe', at: result.at, probe: result.probe, isOk: result.isOk, latencyMs: Math.round(result.latencyMs * 10) / 10, ...(result.error === undefined ? {} : {error: this.#clean(result.error)})});
				break;
			}

			case 'phase': {
				const line = {type: 'phase' as const, at: event.at, phase: event.phase, previous: event.previous, reason: event.reason};
				this.ledger.phase(line);
				this.#write(line);
				break;
			}

			case 'warning': {
				const {warning} = event;
				this.#write({type: 'warning', at: event.at, change: event.change, id: warning.id, budgetId: warning.budgetId, severity: 'breach', since: warning.startedAt, peak: warning.peak, current: warning.current ?? null, limit: warning.budget, written: warning.written, message: this.#clean(warning.message)});
				break;
			}

			case 'note': {
				const {note} = event;
				if (note.type === 'step') break;
				this.#write({type: 'note', at: note.at, note: note.type, cause: note.cause, ...('service' in note ? {service: note.service} : {}), ...('step' in note && note.step !== undefined ? {step: note.step} : {})});
				break;
			}
		}
	}

	/** Writes the window's line and flushes at once: a kill loses at most one window (2 s). */
	#flushWindow(): void {
		if (!this.#window.isEmpty) this.#write(this.#window.take(Date.now()));
		this.writer.flush();
	}

	#writeHost(): void {
		const {host} = this.session.view;
		const free = (total: number | undefined, used: number | undefined) => (total === undefined || used === undefined ? null : total - used);
		this.#write({type: 'host', at: Date.now(), cpuPercent: host.cpuPercent === undefined ? null : Math.round(host.cpuPercent * 10) / 10, memoryFreeBytes: free(host.memoryTotalBytes, host.memoryUsedBytes), memoryTotalBytes: host.memoryTotalBytes ?? null, diskFreeBytes: free(host.diskTotalBytes, host.diskUsedBytes), diskTotalBytes: host.diskTotalBytes ?? null});
	}

	#clean(text: string): string {
		return maskText(sanitizeLine(text), this.secrets);
	}

	#write(line: Parameters<RecordWriter['write']>[0]): void {
		this.ledger.seen(line.at);
		this.writer.write(line);
	}
}
