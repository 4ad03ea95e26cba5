import chalk from 'chalk';
import test from 'ava';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {LogBuffer} from '../../source/stack/log-buffer.js';
import {type LogViewAction, type LogViewState, initialLogView, reduceLogView} from '../../source/stack/log-view.js';
import {LogPane} from '../../source/ui/log-pane.js';
import {createTheme} from '../../source/ui/theme.js';

// Workers have no TTY: without this chalk prints no escape codes and the inverse check could never fail.
chalk.level = 1;

const plain = createTheme({isColorEnabled: false});
const url = 'https://4b1c-203-0-113-7.ngrok-free.app';
const ngrokLine = `t=2024-05-01T10:00:00+0000 lvl=info msg="started tunnel" obj=tunnels name=command_line addr=http://localhost:8080 url=${url}`;

/** A pane 50 columns wide showing web's lines (or all services'), after the given actions. */
function view(texts: ReadonlyArray<[string, string]>, service: string | undefined, ...actions: LogViewAction[]): LogViewState {
	return viewOf(6, texts, service, ...actions);
}

function viewOf(height: number, texts: ReadonlyArray<[string, string]>, service: string | undefined, ...actions: LogViewAction[]): LogViewState {
	const buffer = new LogBuffer();
	for (const [index, [from, text]] of texts.entries()) {
		buffer.push({service: from, label: from}, {containerId: from, stream: 'stdout', time: new Date(Date.UTC(2024, 4, 1, 10) + index * 1000).toISOString(), text});
	}

	const loaded = reduceLogView(initialLogView(service, height, false, 50), {type: 'linesChanged', service, lines: buffer.lines(service), dropped: 0, labels: buffer.labels});
	return actions.reduce(reduceLogView, loaded);
}

function frame(state: LogViewState): string[] {
	const {lastFrame, unmount} = render(<LogPane state={state} theme={plain} />);
	const lines = (lastFrame() ?? '').replace(/\n+$/, '').split('\n');
	unmount();
	return lines;
}

test('a long line is cut with … until W wraps it: then the whole URL shows, every row within the pane', t => {
	const lines: Array<[string, string]> = [['ngrok', 'agent starting'], ['ngrok', ngrokLine]];
	const cut = frame(view(lines, 'ngrok'));
	t.false(cut.join('\n').includes(url));
	t.true(cut.some(line => line.endsWith('…')));

	const wrapped = frame(view(lines, 'ngrok', {type: 'toggleWrap'}));
	t.is(wrapped[0], 'Logs: ngrok · following · wrapped');
	// A terminal shows no trailing spaces: pad each row back to the pane's width to read the text.
	t.is(wrapped[1], 'agent starting');
	t.is(wrapped.slice(2).map(row => row.padEnd(50)).join('').trimEnd(), ngrokLine);
	t.true(wrapped.slice(2).map(row => row.padEnd(50)).join('').includes(url), 'the URL, whole, read across the rows');
	t.true(wrapped.every(line => stringWidth(line) <= 50));
	t.is(wrapped.length, 2 + Math.ceil(ngrokLine.length / 50), 'the header, the short line, then the long one on as many rows as it needs');

	const short = frame(viewOf(2, lines, 'ngrok', {type: 'toggleWrap'}));
	t.is(short.length, 1 + 2, 'a line taller than the pane…');
	t.true(short[1]?.startsWith('t=2024'), '…shows from its start');

	const unwrapped = frame(view(lines, 'ngrok', {type: 'toggleWrap'}, {type: 'toggleWrap'}));
	t.deepEqual(unwrapped, cut);
});

test('wrapped rows continue under the text, past the timestamp and the service name', t => {
	const state = viewOf(12, [['web', 'ready'], ['ngrok', ngrokLine]], undefined, {type: 'toggleWrap'}, {type: 'toggleTimestamps'});
	const rows = frame(state).slice(1);
	const prefix = 'HH:MM:SS.mmm '.length + 'ngrok | '.length;
	t.regex(rows[1] ?? '', /^\d\d:\d\d:\d\d\.\d{3} ngrok \| t=2024/);
	for (const row of rows.slice(2)) {
		t.is(row.slice(0, prefix), ' '.repeat(prefix), `a continuation row starts under the text: ${JSON.stringify(row)}`);
	}

	t.is(rows.slice(1).map(row => row.padEnd(50).slice(prefix)).join('').trimEnd(), ngrokLine);
});

test('a search match cut by the wrap is highlighted on both rows', t => {
	const theme = createTheme({isColorEnabled: true});
	const state = view([['ngrok', `${'x'.repeat(45)}ngrok-free`]], 'ngrok', {type: 'toggleWrap'}, {type: 'setSearch', text: 'ngrok-free'});
	const {lastFrame, unmount} = render(<LogPane state={state} theme={theme} />);
	t.teardown(unmount);
	const text = lastFrame() ?? '';
	t.true(text.includes('\u001B[7mngrok\u001B[27m'), 'the first half of the match, in inverse');
	t.true(text.includes('\u001B[7m-free\u001B[27m'), 'the second half, in inverse');
});
