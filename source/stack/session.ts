import type Docker from 'dockerode';
import {type ContainerDetails, inspectDetails} from '../engine/details.js';
import {runLifecycle, type LifecycleAction} from '../engine/lifecycle.js';
import type {Profile} from '../profile/types.js';
import {type BudgetState, evaluateBudgets, initialBudgetState} from './budgets.js';
import {StackHistory} from './history.js';
import {emptyHostStats, type HostStats, watchHostStats} from './host-stats.js';
import {secretMasker} from './known-secrets.js';
import {LogFollower} from './log-follower.js';
import type {StackState} from './model.js';
import {followServiceLogs, initialTunnelStatus, serviceRunOf, type TunnelStatus, watchTunnel} from './tunnels/index.js';
import {StackWatcher} from './watcher.js';

export type PendingAction = 'starting' | 'stopping' | 'restarting' | 'creating';

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
};

/** Stack-wide operations that need the compose model (up, ordered restart), given by the caller. */
export type StackOperations = {
	readonly up?: () => Promise<string>;
	readonly restartStack?: () => Promise<string>;
};

const pendingOf: Record<LifecycleAction, PendingAction> = {start: 'starting', stop: 'stopping', restart: 'restarting', kill: 'stopping'};
/** Event-driven changes (a restart, a health flip) show within this; samples wait for the profile's refresh. */
const eventDelayMs = 50;

/**
 * One running dashboard: the watcher (events, stats), sample history, budgets, tunnels
 * and host load, plus the actions the keys trigger. Renders are throttled to one per tick.
 */
export class StackSession {
	readonly history = new StackHistory();
	readonly #watcher: StackWatcher;
	readonly #controller = new AbortController();
	readonly #listeners = new Set<(view: SessionView) => void>();
	#view: SessionView;
	#timer: NodeJS.Timeout | undefined;
	#timerDue = 0;

	constructor(
		private readonly docker: Docker,
		private readonly profile: Profile,
		private readonly operations: StackOperations = {},
		/** Secret values to mask in log lines (knownSecretValues of the profile and its services). */
		private readonly secretValues: readonly string[] = [],
	) {
		this.#watcher = new StackWatcher(docker, profile.project);
		const now = Date.now();
		this.#view = {
			state: this.#watcher.state,
			budgets: initialBudgetState(),
			tunnels: profile.tunnels.map(initialTunnelStatus),
			host: emptyHostStats,
			pending: new Map(),
			message: undefined,
			startedAt: now,
			now,
		};
	}

	get view(): SessionView {
		return this.#view;
	}

	subscribe(listener: (view: SessionView) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	start(): void {
		const {signal} = this.#controller;
		this.#watcher.subscribe(state => this.#onState(state));
		this.#watcher.start();
		void watchHostStats(host => this.#update({host}, this.profile.refreshMs), {signal});
		for (const [index, tunnel] of this.profile.tunnels.entries()) {
			void this.#followTunnel(index, tunnel, signal);
		}

		// Budgets are about durations: evaluate on a clock too, not only when samples arrive.
		const clock = setInterval(() => this.#update({}, 0), this.profile.refreshMs);
		signal.addEventListener('abort', () => clearInterval(clock), {once: true});
	}

	stop(): void {
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
		const result = await runLifecycle(this.docker, id, action);
		this.#setPending(id, undefined);
		this.say(result.isOk ? `${action} ${name}: done in ${formatSeconds(Date.now() - started)}` : (result.error ?? `${action} failed`), !result.isOk);
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
		try {
			this.say(await operation(), false);
		} catch (error) {
			this.say(`${label}: ${(error as Error).message.split('\n')[0] ?? 'failed'}`, true);
		} finally {
			for (const id of ids) this.#setPending(id, undefined);
		}
	}

	/** The log pane's source: one while the dashboard runs, closed when it quits; known secrets masked in every line. */
	createLogSource(): LogFollower {
		return new LogFollower(this.docker, {mask: secretMasker(this.secretValues)});
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
		const budgets = evaluateBudgets(this.#view.budgets, {now, state: this.#view.state, budgets: this.profile.budgets});
		this.#view = {...this.#view, budgets, now};
		for (const listener of this.#listeners) listener(this.#view);
	}
}

function formatSeconds(milliseconds: number): string {
	return `${(milliseconds / 1000).toFixed(1)} s`;
}
