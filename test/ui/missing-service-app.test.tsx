import {setTimeout as delay} from 'node:timers/promises';
import test from 'ava';
import {render} from 'ink-testing-library';
import type {ContainerInfo} from '../../source/engine/types.js';
import type {Profile} from '../../source/profile/types.js';
import {initialBudgetState} from '../../source/stack/budgets.js';
import {StackHistory} from '../../source/stack/history.js';
import {emptyHostStats} from '../../source/stack/host-stats.js';
import {LogBuffer} from '../../source/stack/log-buffer.js';
import type {SessionView, StackSession} from '../../source/stack/session.js';
import {App} from '../../source/ui/app.js';
import {createTheme} from '../../source/ui/theme.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

const api: ContainerInfo = {
	id: 'a1',
	name: 'demo-api-1',
	service: 'api',
	project: 'demo',
	number: 1,
	image: 'api:1',
	state: 'running',
	health: 'none',
	startedAt: new Date().toISOString(),
	finishedAt: undefined,
	exitCode: undefined,
	restartCount: 0,
	isOomKilled: false,
	labels: {},
};

/** A session without an engine: a view the test changes by hand, and what it was asked to do. */
class FakeSession {
	readonly history = new StackHistory();
	readonly calls: string[] = [];
	readonly #listeners = new Set<(view: SessionView) => void>();
	view: SessionView = {
		state: {project: 'demo', engine: 'connected', engineError: undefined, isListed: true, containers: new Map(), stats: new Map(), lifecycle: initialLifecycle()},
		budgets: initialBudgetState(),
		tunnels: [],
		host: emptyHostStats,
		pending: new Map(),
		message: undefined,
		startedAt: Date.now(),
		now: Date.now(),
	};

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

	async details(id: string): Promise<undefined> {
		this.calls.push(`details ${id}`);
		return undefined;
	}

	createLogSource() {
		return {buffer: new LogBuffer(), sync() {}, close() {}};
	}
}

const profile = {
	name: 'demo',
	project: 'demo',
	envFile: undefined,
	refreshMs: 1000,
	budgets: {sustainMs: 0, startupMs: undefined, stack: {}, services: {}},
	tunnels: [],
	links: {},
} as unknown as Profile;

function rowOf(frame: string, service: string): string {
	return frame.split('\n').find(line => new RegExp(`^[> ] ${service}\\s`).test(line)) ?? '';
}

test('the dashboard shows every compose service, missing until its container appears', async t => {
	const session = new FakeSession();
	const {lastFrame, stdin, unmount} = render(
		<App
			session={session as unknown as StackSession}
			profile={profile}
			engine={{host: 'unix:///var/run/docker.sock', version: '27.0.0'}}
			isReadOnly={false}
			serviceNames={['web', 'api']}
			theme={createTheme({isColorEnabled: false})}
			onQuit={() => {}}
			onShell={id => session.calls.push(`shell ${id}`)}
			onCopy={() => {}}
		/>,
	);
	await delay(50);
	t.regex(rowOf(lastFrame() ?? '', 'api'), /^> api\s+missing/, 'the first row is selected');
	t.regex(rowOf(lastFrame() ?? '', 'web'), /^ {2}web\s+missing/);

	stdin.write('s');
	await delay(50);
	t.regex(lastFrame() ?? '', /api has no container yet: press u to bring up missing services/);
	stdin.write('l');
	await delay(50);
	t.regex(lastFrame() ?? '', /Logs: api\n.*api has no container yet/);
	stdin.write('l');
	stdin.write('\r');
	await delay(50);
	t.regex(lastFrame() ?? '', /Details: api\n.*api has no container yet/);
	t.deepEqual(session.calls, [], 'nothing was started, inspected or opened');

	session.change({state: {...session.view.state, containers: new Map([[api.id, api]])}});
	await delay(50);
	t.regex(rowOf(lastFrame() ?? '', 'api'), /^> api\s+running/, 'the real row replaces the missing one and stays selected');
	t.regex(rowOf(lastFrame() ?? '', 'web'), /missing/);
	unmount();
});
