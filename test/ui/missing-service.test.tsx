import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import type {Profile} from '../../source/profile/types.js';
import {initialBudgetState} from '../../source/stack/budgets.js';
import {emptyHostStats} from '../../source/stack/host-stats.js';
import type {SessionView, StackSession} from '../../source/stack/session.js';
import {missingServiceStatus} from '../../source/stack/snapshot.js';
import {initialAppState} from '../../source/ui/app-state.js';
import {type KeyContext, type KeyResult, reduceKey} from '../../source/ui/dashboard-keys.js';
import {type Command, defaultKeymap} from '../../source/ui/keymap.js';
import {MissingNote, Panels} from '../../source/ui/panels.js';
import {createTheme} from '../../source/ui/theme.js';
import {tableRow} from './rows-fixture.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

const plain = createTheme({isColorEnabled: false});
const missing = {status: missingServiceStatus('web')};
const note = 'web has no container yet: press u to bring up missing services';

/** A session that records what it was asked to do. */
function fakeSession() {
	const calls: string[] = [];
	const session = {
		say: (text: string, isError: boolean) => calls.push(`say ${text}${isError ? ' (error)' : ''}`),
		act: async (id: string, action: string) => void calls.push(`act ${action} ${id}`),
		operate: async (name: string, _label: string, extraIds: readonly string[] = []) => void calls.push(`operate ${name} ${extraIds.join(',')}`),
		details: async (id: string) => void calls.push(`details ${id}`),
	};
	return {calls, session: session as unknown as StackSession};
}

const view: SessionView = {
	state: {project: 'demo', engine: 'connected', engineError: undefined, isListed: true, containers: new Map(), stats: new Map(), lifecycle: initialLifecycle()},
	budgets: initialBudgetState(),
	tunnels: [],
	host: emptyHostStats,
	pending: new Map(),
	message: undefined,
	startedAt: 0,
	now: 0,
};
const profile = {project: 'demo', links: {}, envFile: undefined} as unknown as Profile;

const keys: Partial<Record<Command, string>> = {start: 's', restart: 'r', stop: 'x', shell: 'e', up: 'u'};

/** One key press on the missing `web` row, as the dashboard folds it: the state it leads to and the effects. */
function press(command: Command): KeyResult {
	const context: KeyContext = {
		rows: [tableRow({service: 'api'}), missing],
		terminalRows: 24,
		terminalColumns: 100,
		panelLines: 0,
		tunnels: [],
		links: {},
		project: 'demo',
		containerCount: 1,
		keymap: defaultKeymap,
		isReadOnly: false,
	};
	return reduceKey({...initialAppState, selectedKey: 'web#1'}, {input: keys[command] ?? '', key: {}}, context);
}

const said = {type: 'say', text: note, isError: false};

test('s on a missing row says how to create it and starts nothing', t => {
	t.deepEqual(press('start').effects, [said]);
});

test('restart, stop and shell on a missing row do nothing but say so', t => {
	for (const command of ['restart', 'stop', 'shell'] as const) {
		const {state, effects} = press(command);
		t.deepEqual(effects, [said], command);
		t.is(state.confirmation, undefined, 'no stop question');
	}
});

test('u brings the stack up with the missing rows shown pending', t => {
	t.deepEqual(press('up').effects, [{type: 'operate', operation: 'up', label: 'bring up missing services', extraIds: ['missing:web']}]);
});

test('the details panel of a missing row shows the note and inspects nothing', t => {
	const {calls, session} = fakeSession();
	const counts: number[] = [];
	const {lastFrame} = render(
		<Panels state={{...initialAppState, panel: 'details'}} view={view} session={session} profile={profile} selected={missing} width={80} height={6} theme={plain} onLineCount={count => counts.push(count)} />,
	);
	const lines = (lastFrame() ?? '').split('\n');
	t.is(lines[0], 'Details: web');
	t.is(lines[1], note);
	t.deepEqual(calls, []);
	t.is(counts.at(-1), 1);
});

test('the note panel names the pane and the service', t => {
	const frame = render(<MissingNote title="Logs" service="worker" width={80} height={4} theme={plain} />).lastFrame() ?? '';
	t.deepEqual(frame.split('\n').slice(0, 2), ['Logs: worker', 'worker has no container yet: press u to bring up missing services']);
});
