import chalk from 'chalk';
import test from 'ava';
import {render} from 'ink-testing-library';
import type {LogLine} from '../../source/engine/types.js';
import {LogBuffer, type LogBufferLimits} from '../../source/stack/log-buffer.js';
import type {FollowedContainer} from '../../source/stack/log-follower.js';
import {type LogViewAction, initialLogView, reduceLogView} from '../../source/stack/log-view.js';
import {LogPane, formatClock, highlightMatches, logHeader} from '../../source/ui/log-pane.js';
import {createTheme, type Theme} from '../../source/ui/theme.js';
import {type LineSource, useLogs} from '../../source/ui/use-logs.js';

// Workers have no TTY, so chalk (shared with ink) would print no escape codes at all, and
// assertions about colors, or about their absence, could never fail.
chalk.level = 1;

const colored = createTheme({isColorEnabled: true});
const plain = createTheme({isColorEnabled: false});
const containers: FollowedContainer[] = [
	{id: 'w1', service: 'web', number: 1},
	{id: 'd1', service: 'db', number: 1},
];

/** A line source fed by hand: records what it was asked to follow and whether it was closed. */
class FakeSource implements LineSource {
	readonly buffer: LogBuffer;
	synced: string[][] = [];
	isClosed = false;

	constructor(limits?: LogBufferLimits) {
		this.buffer = new LogBuffer(limits);
	}

	sync(followed: readonly FollowedContainer[]): void {
		this.synced.push(followed.map(container => container.id));
	}

	close(): void {
		this.isClosed = true;
	}

	add(service: string, text: string, second = this.buffer.lastSequence): void {
		const line: LogLine = {containerId: `${service}-id`, stream: 'stdout', time: new Date(Date.UTC(2024, 4, 1, 10) + second * 1000).toISOString(), text};
		this.buffer.push({service, label: service}, line);
	}
}

type HarnessProps = {
	readonly sources: FakeSource[];
	readonly service: string | undefined;
	readonly theme?: Theme;
	readonly height?: number;
	readonly actions?: {dispatch?: (action: LogViewAction) => void};
};

/** The app's use of the pane: the hook makes a source per selection, the pane draws the state. */
function Harness({sources, service, theme = plain, height = 6, actions = {}}: HarnessProps) {
	const logs = useLogs({createSource: () => sources.shift() ?? new FakeSource(), containers, service, height, intervalMs: 50});
	actions.dispatch = logs.dispatch;
	return <LogPane state={logs.state} theme={theme} />;
}

async function frameWith(lastFrame: () => string | undefined, text: string): Promise<string> {
	const started = Date.now();
	while (!(lastFrame() ?? '').includes(text)) {
		if (Date.now() - started > 2000) {
			throw new Error(`no frame with ${JSON.stringify(text)}; last:\n${lastFrame() ?? ''}`);
		}

		await new Promise(resolve => setTimeout(resolve, 10));
	}

	return lastFrame() ?? '';
}

test('the selected service\'s newest lines fill the pane under a header', async t => {
	const source = new FakeSource();
	for (let index = 1; index <= 8; index += 1) {
		source.add('web', `line ${index}`);
	}

	const {lastFrame, unmount} = render(<Harness sources={[source]} service="web" />);
	t.teardown(unmount);
	const frame = await frameWith(lastFrame, 'line 8');
	t.deepEqual(frame.split('\n'), ['Logs: web · following', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8']);
	t.deepEqual(source.synced.at(-1), ['w1'], 'only the selected service is followed');
});

test('all services: aligned name prefixes, a distinct palette color each, plain under NO_COLOR', async t => {
	const source = new FakeSource();
	source.add('web', 'from web', 1);
	source.add('db', 'from db', 2);
	const {lastFrame, unmount} = render(<Harness sources={[source]} service={undefined} theme={colored} />);
	t.teardown(unmount);
	const frame = await frameWith(lastFrame, 'from db');
	t.true(frame.includes('\u001B[36mweb | \u001B[39mfrom web'), 'web in cyan');
	t.true(frame.includes('\u001B[35mdb  | \u001B[39mfrom db'), 'db in magenta, padded to align');
	t.deepEqual(source.synced.at(-1), ['w1', 'd1']);

	const plainSource = new FakeSource();
	plainSource.add('web', 'from web', 1);
	const plainRender = render(<Harness sources={[plainSource]} service={undefined} theme={plain} />);
	t.teardown(plainRender.unmount);
	const plainFrame = await frameWith(plainRender.lastFrame, 'from web');
	t.false(plainFrame.includes('\u001B'), 'no escape code under NO_COLOR');
	t.true(plainFrame.includes('web | from web'));
});

test('escape sequences a container printed never reach the frame', async t => {
	const source = new FakeSource();
	source.add('web', '\u001B]0;pwned\u0007\u001B[2J\u001B[H\u001B[31mline 231\u001B[0m');
	const {lastFrame, unmount} = render(<Harness sources={[source]} service="web" />);
	t.teardown(unmount);
	const frame = await frameWith(lastFrame, 'line 231');
	t.false(frame.includes('\u001B'));
	t.false(frame.includes('pwned'));
});

test('a burst of lines re-renders a few times, not once per line', async t => {
	const source = new FakeSource();
	const {lastFrame, frames, unmount} = render(<Harness sources={[source]} service="web" />);
	t.teardown(unmount);
	await frameWith(lastFrame, 'following');
	const before = frames.length;
	const started = Date.now();
	for (let index = 1; index <= 100; index += 1) {
		source.add('web', `line ${index}`);
		await new Promise(resolve => setTimeout(resolve, 3));
	}

	await frameWith(lastFrame, 'line 100');
	const renders = frames.length - before;
	const allowed = Math.ceil((Date.now() - started) / 50) + 2;
	t.true(renders >= 2 && renders <= Math.min(allowed, 50), `${renders} renders for 100 lines (at most ${allowed}: one per 50 ms)`);
});

test('paused: new lines wait behind a marker; search highlights with inverse; timestamps show', async t => {
	const source = new FakeSource();
	for (let index = 1; index <= 8; index += 1) {
		source.add('web', `line ${index}`);
	}

	const actions: HarnessProps['actions'] = {};
	const {lastFrame, unmount} = render(<Harness sources={[source]} service="web" theme={colored} actions={actions} />);
	t.teardown(unmount);
	await frameWith(lastFrame, 'line 8');
	actions.dispatch?.({type: 'togglePause'});
	source.add('web', 'line 9');
	source.add('web', 'line 10');
	const paused = await frameWith(lastFrame, '2 new lines');
	t.true(paused.includes('paused, 2 new'));
	t.true(paused.includes('line 8'));
	t.false(paused.includes('line 9'));

	actions.dispatch?.({type: 'setSearch', text: 'line 6'});
	const searched = await frameWith(lastFrame, '/line 6: 1/1');
	t.true(searched.includes('\u001B[7mline 6\u001B[27m'), 'the match is in inverse');
	t.false(searched.includes('\u001B[7mline 5'), 'other lines are not');

	actions.dispatch?.({type: 'toggleTimestamps'});
	const stamped = await frameWith(lastFrame, 'timestamps');
	t.regex(stamped, /\d\d:\d\d:\d\d\.\d{3} \u001B\[39m/);
});

test('the note about dropped lines shows above the oldest line', async t => {
	const source = new FakeSource({linesPerService: 3, mergedLines: 3});
	for (let index = 1; index <= 10; index += 1) {
		source.add('web', `line ${index}`);
	}

	const actions: HarnessProps['actions'] = {};
	const {lastFrame, unmount} = render(<Harness sources={[source]} service="web" actions={actions} />);
	t.teardown(unmount);
	await frameWith(lastFrame, 'line 10');
	actions.dispatch?.({type: 'scrollToTop'});
	const frame = await frameWith(lastFrame, 'dropped');
	t.is(frame.split('\n')[1], '… 7 older lines dropped');
	t.is(frame.split('\n')[2], 'line 8');
});

test('a new selection keeps the one source and shows the new service; coming back shows the lines once; unmounting closes it', async t => {
	const source = new FakeSource();
	source.add('web', 'web line');
	source.add('db', 'db line');
	const sources = [source];
	const {lastFrame, rerender, unmount} = render(<Harness sources={sources} service="web" />);
	await frameWith(lastFrame, 'web line');
	rerender(<Harness sources={sources} service="db" />);
	const frame = await frameWith(lastFrame, 'db line');
	t.false(frame.includes('web line'));
	t.deepEqual(source.synced.at(-1), ['d1']);
	t.false(source.isClosed, 'the lines read so far are kept');
	rerender(<Harness sources={sources} service="web" />);
	const back = await frameWith(lastFrame, 'web line');
	t.is(back.split('\n').filter(line => line === 'web line').length, 1);
	t.deepEqual(source.synced.at(-1), ['w1']);
	unmount();
	t.true(source.isClosed);
});

test('plain theme: the current match is marked with > instead of inverse', t => {
	const buffer = new LogBuffer();
	for (const text of ['alpha', 'beta', 'gamma']) {
		buffer.push({service: 'web', label: 'web'}, {containerId: 'c', stream: 'stdout', time: '2024-05-01T10:00:00Z', text});
	}

	const loaded = reduceLogView(initialLogView('web', 3), {type: 'linesChanged', service: 'web', lines: buffer.lines(), dropped: 0, labels: ['web']});
	const state = reduceLogView(loaded, {type: 'setSearch', text: 'beta'});
	const {lastFrame, unmount} = render(<LogPane state={state} theme={plain} />);
	t.teardown(unmount);
	t.deepEqual(lastFrame()?.split('\n'), ['Logs: web · paused · /beta: 1/1', '  alpha', '> beta', '  gamma']);
});

test('highlightMatches splits a line into matching and other runs', t => {
	t.deepEqual(highlightMatches('an error and ERROR', 'error'), [
		{text: 'an ', isMatch: false},
		{text: 'error', isMatch: true},
		{text: ' and ', isMatch: false},
		{text: 'ERROR', isMatch: true},
	]);
	t.deepEqual(highlightMatches('text', ''), [{text: 'text', isMatch: false}]);
	t.deepEqual(highlightMatches('x', 'x'), [{text: 'x', isMatch: true}]);
});

test('timestamps are local wall-clock time with milliseconds', t => {
	const zone = process.env['TZ'];
	t.teardown(() => {
		process.env['TZ'] = zone;
	});
	process.env['TZ'] = 'Asia/Kolkata'; // UTC+05:30, no daylight saving.
	t.is(formatClock(BigInt(Date.UTC(2024, 4, 1, 10, 2, 3, 45)) * 1_000_000n + 999_999n), '15:32:03.045');
});

test('the header names the source and the mode', t => {
	t.is(logHeader(initialLogView(undefined)), 'Logs: all services · following');
	t.is(logHeader({...initialLogView('web'), hasTimestamps: true}), 'Logs: web · following · timestamps');
	t.is(logHeader({...initialLogView('web'), search: 'x'}), 'Logs: web · following · /x: no match');
});
