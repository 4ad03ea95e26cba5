import type Docker from 'dockerode';
import {type ContainerDetails, inspectDetails} from '../engine/details.js';
import {runLifecycle, type LifecycleAction} from '../engine/lifecycle.js';
import type {StatsCapabilities, StatsReader} from '../engine/stats-source.js';
import type {Profile} from '../profile/types.js';
import {type BudgetState, initialBudgetState} from './budgets.js';
import {StackHistory} from './history.js';
import {emptyHostStats, type HostStats, hostReading, watchHostStats} from './host-stats.js';
import {secretMasker} from './known-secrets.js';
import {LogFollower} from './log-follower.js';
import {runMonitorProbes} from './probes/monitor-probes.js';
import type {StackState} from './model.js';
import {StackMonitor} from './monitor.js';
import {type OperationContext, OperationTracker, runsOf, waitForStack} from './operations.js';
import {emptySoakSummary, type SoakSummary, summarizeSoak} from './soak-summary.js';
import type {EngineEvent} from '../engine/types.js';
import {followServiceLogs, initialTunnelStatus, serviceRunOf, type TunnelStatus, watchTunnel} from './tunnels/index.js';
import {StackWatcher} from './watcher.js';

export type PendingAction = 'starting' | 'stopping' | 'restarting' | 'creating';

/** A key the user pressed and what it did, for a record. */
export type UserAction = {readonly at: number; readonly key: string; readonly command: string; readonly target?: string};

export type SessionOptions = SessionStatsOptions & {
	/** Compose services expected to run: every-service budgets and stack health cover these. */
	readonly services?: readonly string[];
	/** Epoch ms the run began (phases by time count from it); default now. */
	readonly startedAt?: number;
	/** A monitor that already knows the run (a resumed record); default a new one. */
	readonly monitor?: StackMonitor;
	/** Secret values to mask in log lines (knownSecretValues of the profile and its services). */
	readonly secretValues?: readonly string[];
};

export type StatusMessage = {readonly text: string; readonly isError: boolean; readonly at: number};

/** Everything the dashboard shows, replaced as a whole at most once per render tick. */
export type SessionView = {
	readonly state: StackState;
	readonly budgets: BudgetState;
	readonly tunnels: readonly TunnelStatus[];
	readonly host: HostStats;
	/** Container id → action sent and not yet answered. */
	readonly pending: ReadonlyMap<string, PendingAction>;
	readonly message: StatusMessage | undefined;
	readonly startedAt: number;
	readonly now: number;
	/** The run so far, for the soak panel. */
	readonly soak?: SoakSummary;
};

/** Stack-wide operations that need the compose model (up, ordered restart), given by the caller; each resolves with its outcome line. */
export type StackOperations = {
	readonly up?: (context: OperationContext) => Promise<string>;
	readonly restartStack?: (context: OperationContext) => Promise<string>;
};

const pendingOf: Record<LifecycleAction, PendingAction> = {start: 'starting', stop: 'stopping', restart: 'restarting', kill: 'stopping'};
/** How the session reads per-container stats: the reader (flag, else profile, else auto) and what the engine allows. */
export type SessionStatsOptions = {
	readonly reader?: StatsReader;
	readonly capabilities?: StatsCapabilities;
};

/** Event-driven changes (a restart, a health flip) show within this; samples wait for the profile's refresh. */
const eventDelayMs = 50;

/**
 * One running dashboard: the watcher (events, stats), sample history, budgets, tunnels
 * and host load, plus the actions the keys trigger. Renders are throttled to one per tick.
 */
export class StackSession {
	readonly history = new StackHistory();
	readonly monitor: StackMonitor;
	readonly #actionListeners = new Set<(action: UserAction) => void>();
	readonly #watcher: StackWatcher;
	readonly #controller = new AbortController();
	readonly #listeners = new Set<(view: SessionView) => void>();
	readonly #operations = new OperationTracker();
	readonly #secretValues: readonly string[];
	#view: SessionView;
	#timer: NodeJS.Timeout | undefined;
	#timerDue = 0;

	constructor(
		private readonly docker: Docker,
		private readonly profile: Profile,
		private readonly operations: StackOperations = {},
		options: SessionOptions = {},
	) {
		this.#watcher = new StackWatcher(docker, profile.project, {
			refreshMs: profile.refreshMs,
			stats: {
				reader: options.reader ?? profile.statsReader ?? 'auto',
				...(options.capabilities === undefined ? {} : {capabilities: options.capabilities}),
				intervalMs: profile.refreshMs,
			},
		});
		this.#secretValues = options.secretValues ?? [];
		const now = options.startedAt ?? Date.now();
		this.monitor = options.monitor ?? new StackMonitor(profile, options.services ?? [], now);
		this.#view = {
			state: this.#watcher.state,
			budgets: initialBudgetState(),
			tunnels: profile.tunnels.map(initialTunnelStatus),
			host: emptyHostStats,
			pending: new Map(),
			message: undefined,
			startedAt: now,
			now,
			soak: {...emptySoakSummary, startedAt: this.monitor.startedAt},
		};
	}

	get view(): SessionView {
		return this.#view;
	}

	subscribe(listener: (view: SessionView) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Every new stack state as the watcher produces it, before any render throttling (for a record). */
	subscribeState(listener: (state: StackState) => void): () => void {
		return this.#watcher.subscribe(listener);
	}

	/** Engine events of the project as they arrive (for a record). */
	subscribeEvents(listener: (event: EngineEvent) => void): () => void {
		return this.#watcher.subscribeEvents(listener);
	}

	/** Keys pressed and what they did (for a record). */
	subscribeActions(listener: (action: UserAction) => void): () => void {
		this.#actionListeners.add(listener);
		return () => this.#actionListeners.delete(listener);
	}

	/** Tells recorders a key was pressed. */
	recordAction(key: string, command: string, target?: string): void {
		const action = {at: Date.now(), key, command, ...(target === undefined ? {} : {target})};
		for (const listener of this.#actionListeners) listener(action);
	}

	start(): void {
		const {signal} = this.#controller;
		this.#watcher.subscribe(state => this.#onState(state));
		this.#watcher.start();
		void watchHostStats(host => this.#update({host}, this.profile.refreshMs), {signal});
		for (const [index, tunnel] of this.profile.tunnels.entries()) {
			void this.#followTunnel(index, tunnel, signal);
		}

		void runMonitorProbes(this.docker, this.monitor, () => this.#view.state, signal);
		// Budgets are about durations: evaluate on a clock too, not only when samples arrive.
		const clock = setInterval(() => this.#update({}, 0), this.profile.refreshMs);
		signal.addEventListener('abort', () => clearInterval(clock), {once: true});
	}

	stop(): void {
		void this.#operations.abortAll(0);
		this.#controller.abort();
		this.#watcher.stop();
		clearTimeout(this.#timer);
		this.#listeners.clear();
	}

	/** Runs a lifecycle action on one container; the row shows it pending until the engine answers. */
	async act(id: string, action: LifecycleAction): Promise<void> {
		const container = this.#view.state.containers.get(id);
		const name = container?.name ?? id.slice(0, 12);
		this.#setPending(id, pendingOf[action]);
		const started = Date.now();
		const service = container?.service;
		// The user asked for it: exits are expected, and downtime until it is up again is planned.
		if (service !== undefined && action !== 'start') this.monitor.note({type: 'service-down', at: started, service, cause: 'key'});
		let isOk = false;
		const {text} = await this.#operations.run(`${action} ${name}`, async abortSignal => {
			const result = await runLifecycle(this.docker, id, action, {abortSignal});
			isOk = result.isOk;
			if (result.isAborted) return `${action} ${name}: aborted (the engine may still finish it)`;
			return result.isOk ? `${action} ${name}: done in ${formatSeconds(Date.now() - started)}` : (result.error ?? `${action} failed`);
		});
		if (service !== undefined && (action === 'start' || action === 'restart')) this.monitor.note({type: 'service-up', at: Date.now(), service, cause: 'key'});
		this.#setPending(id, undefined);
		if (!this.#operations.signal.aborted) this.say(text, !isOk);
	}

	/** Runs a stack-wide operation, reporting its outcome in the status line; `extraIds` (missing rows) show pending too. */
	async operate(name: keyof StackOperations, label: string, extraIds: readonly string[] = []): Promise<void> {
		const operation = this.operations[name];
		if (operation === undefined) {
			this.say(`${label}: needs the profile's compose file`, true);
			return;
		}

		const ids = [...this.#view.state.containers.keys(), ...extraIds];
		for (const id of ids) this.#setPending(id, name === 'up' ? 'creating' : 'restarting');
		this.say(`${label}…`, false);
		const services = [...new Set([...this.#view.state.containers.values()].map(container => container.service))];
		const at = Date.now();
		this.monitor.note({type: 'stack-start', at, cause: name === 'up' ? 'up' : 'restart'});
		if (name === 'restartStack') for (const service of services) this.monitor.note({type: 'service-down', at, service, cause: 'key'});
		const source = {state: () => this.#view.state, subscribe: (listener: (state: StackState) => void) => this.#watcher.subscribe(listener)};
		const {text, isError} = await this.#operations.run(label, async signal =>
			operation({signal, runs: () => runsOf(this.#view.state), waitForStack: async (before, budgetMs) => waitForStack(source, before, budgetMs, signal)}),
		);
		if (name === 'restartStack' && !isError) for (const service of services) this.monitor.note({type: 'service-up', at: Date.now(), service, cause: 'key'});
		for (const id of ids) this.#setPending(id, undefined);
		if (!this.#operations.signal.aborted) this.say(text, isError);
	}

	/** Aborts every operation under way (quit) and resolves with what each left half-done, waiting at most `graceMs`. */
	async abortOperations(graceMs: number): Promise<string[]> {
		return this.#operations.abortAll(graceMs);
	}

	/** The log pane's source: one while the dashboard runs, closed when it quits; known secrets masked in every line. */
	createLogSource(): LogFollower {
		return new LogFollower(this.docker, {mask: secretMasker(this.#secretValues)});
	}

	/** Inspects one container for the details panel; undefined when it is gone. */
	async details(id: string): Promise<ContainerDetails | undefined> {
		try {
			return await inspectDetails(this.docker, id, this.#controller.signal);
		} catch (error) {
			this.say(`details: ${(error as Error).message.split('\n')[0] ?? 'failed'}`, true);
			return undefined;
		}
	}

	say(text: string, isError: boolean): void {
		this.#update({message: {text, isError, at: Date.now()}}, 0);
	}

	#onState(state: StackState): void {
		const previous = this.#view.state;
		if (state.stats !== previous.stats) {
			const now = Date.now();
			for (const [id, sample] of state.stats) {
				if (previous.stats.get(id) !== sample) this.history.record(id, now, sample);
			}
		}

		if (state.containers !== previous.containers) this.history.retain(state.containers.keys());
		this.#update({state}, state.containers === previous.containers ? this.profile.refreshMs : eventDelayMs);
	}

	async #followTunnel(index: number, tunnel: Profile['tunnels'][number], signal: AbortSignal): Promise<void> {
		const getState = () => this.#view.state;
		for await (const status of watchTunnel(tunnel, {
			signal,
			logs: followServiceLogs(this.docker, getState, tunnel.service),
			serviceRun: () => serviceRunOf(getState(), tunnel.service),
		})) {
			this.#update({tunnels: this.#view.tunnels.map((old, position) => (position === index ? status : old))}, 0);
		}
	}

	#setPending(id: string, action: PendingAction | undefined): void {
		const pending = new Map(this.#view.pending);
		if (action === undefined) pending.delete(id);
		else pending.set(id, action);
		this.#update({pending}, 0);
	}

	/** Applies a change and schedules a render no later than `delayMs` from now. */
	#update(change: Partial<SessionView>, delayMs: number): void {
		this.#view = {...this.#view, ...change};
		const due = Date.now() + delayMs;
		if (this.#timer !== undefined && this.#timerDue <= due) return;
		clearTimeout(this.#timer);
		this.#timerDue = due;
		this.#timer = setTimeout(() => this.#emit(), delayMs);
	}

	#emit(): void {
		this.#timer = undefined;
		if (this.#controller.signal.aborted) return;
		const now = Date.now();
		// Rows with an action under way (restarting…) hold their budgets: no warning for a restart asked for.
		const budgets = this.monitor.evaluate(now, this.#view.state, hostReading(this.#view.host), new Set(this.#view.pending.keys()));
		this.#view = {...this.#view, budgets, now, soak: summarizeSoak(this.monitor, budgets)};
		for (const listener of this.#listeners) listener(this.#view);
	}
}

function formatSeconds(milliseconds: number): string {
	return `${(milliseconds / 1000).toFixed(1)} s`;
}
