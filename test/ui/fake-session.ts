import type {ContainerInfo} from '../../source/engine/types.js';
import type {Profile} from '../../source/profile/types.js';
import {initialBudgetState} from '../../source/stack/budgets.js';
import {StackHistory} from '../../source/stack/history.js';
import {emptyHostStats} from '../../source/stack/host-stats.js';
import {LogBuffer} from '../../source/stack/log-buffer.js';
import type {SessionView} from '../../source/stack/session.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

/** A running container of the `demo` project; override what a test is about. */
export function container(service: string, overrides: Partial<ContainerInfo> = {}): ContainerInfo {
	return {
		id: `id-${service}`,
		name: `demo-${service}-1`,
		service,
		project: 'demo',
		number: 1,
		image: `${service}:1`,
		state: 'running',
		health: 'none',
		startedAt: new Date().toISOString(),
		finishedAt: undefined,
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: false,
		labels: {},
		...overrides,
	};
}

export const fakeProfile = {
	name: 'demo',
	project: 'demo',
	envFile: undefined,
	refreshMs: 1000,
	budgets: {sustainMs: 0, startupMs: undefined, stack: {}, services: {}},
	tunnels: [],
	links: {},
} as unknown as Profile;

/** A session without an engine: a view the test changes by hand, and what it was asked to do. */
export class FakeSession {
	readonly history = new StackHistory();
	readonly calls: string[] = [];
	readonly logBuffer = new LogBuffer();
	readonly #listeners = new Set<(view: SessionView) => void>();
	view: SessionView;

	constructor(containers: readonly ContainerInfo[] = []) {
		this.view = {
			state: {project: 'demo', engine: 'connected', engineError: undefined, isListed: true, containers: new Map(containers.map(item => [item.id, item])), stats: new Map(), lifecycle: initialLifecycle()},
			budgets: initialBudgetState(),
			tunnels: [],
			host: emptyHostStats,
			pending: new Map(),
			message: undefined,
			startedAt: Date.now(),
			now: Date.now(),
		};
	}

	subscribe(listener: (view: SessionView) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	change(change: Partial<SessionView>): void {
		this.view = {...this.view, ...change};
		for (const listener of this.#listeners) listener(this.view);
	}

	say(text: string, isError: boolean): void {
		this.change({message: {text, isError, at: Date.now()}});
	}

	async act(id: string, action: string): Promise<void> {
		this.calls.push(`${action} ${id}`);
	}

	async operate(name: string): Promise<void> {
		this.calls.push(`operate ${name}`);
	}

	async details(id: string): Promise<undefined> {
		this.calls.push(`details ${id}`);
		return undefined;
	}

	createLogSource() {
		return {buffer: this.logBuffer, sync() {}, close() {}};
	}
}
