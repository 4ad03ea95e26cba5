import './force-color.js';
import test from 'ava';
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import type {LogLine} from '../../source/engine/types.js';
import {LogBuffer} from '../../source/stack/log-buffer.js';
import {initialLogView, type LogViewAction, type LogViewState, reduceLogView} from '../../source/stack/log-view.js';
import {rawLogLines} from '../../source/ui/log-lines-text.js';
import {LogPane} from '../../source/ui/log-pane.js';
import {createTheme} from '../../source/ui/theme.js';
import {VirtualTerminal} from '../helpers/virtual-terminal.js';

function onScreen(lines: readonly string[], width: number): string[] {
	const terminal = new VirtualTerminal(width + 4, lines.length);
	for (const [index, line] of lines.entries()) terminal.write(`\u001B[${index + 1};1H${line}\u001B[0m`);
	return terminal.snapshot();
}

/** A view of web's and db's lines (a few long, one wide), after the given actions. */
function view(service: string | undefined, actions: LogViewAction[], limit = 200): LogViewState {
	const buffer = new LogBuffer({linesPerService: limit, mergedLines: limit});
	for (let index = 0; index < 30; index++) {
		const service = index % 3 === 0 ? 'db' : 'web';
		const text = index % 7 === 0 ? `error ${index}: ${'x'.repeat(index * 4)} 数据库 end` : `line ${index} ok error-free`;
		const line: LogLine = {containerId: `${service}-id`, stream: 'stdout', time: new Date(Date.UTC(2024, 4, 1, 10) + index * 1000).toISOString(), text};
		buffer.push({service, label: service}, line);
		if (index === 20) buffer.mark({service: 'web', label: 'web'}, 'web-id', BigInt(Date.UTC(2024, 4, 1, 10) + index * 1000) * 1_000_000n + 1n, '── container web-1 (web-id) was removed; the lines above are from it ──');
	}

	let state = initialLogView(service, 8, service === undefined);
	state = reduceLogView(state, {type: 'linesChanged', service, lines: buffer.lines(service), dropped: buffer.dropped(service), labels: buffer.labels});
	for (const action of actions) state = reduceLogView(state, action);
	return state;
}

const cases: Array<[string, string | undefined, LogViewAction[], number?]> = [
	['scrolled to the top past dropped lines', 'web', [{type: 'togglePause'}, {type: 'scrollToTop'}], 6],
	['following one service', 'web', []],
	['all services with prefixes and timestamps', undefined, [{type: 'toggleTimestamps'}]],
	['a search with a current match', undefined, [{type: 'setSearch', text: 'error'}, {type: 'nextMatch'}]],
	['paused with new lines waiting', 'web', [{type: 'togglePause'}, {type: 'scrollUp', count: 3}]],
	['long lines wrapped, a removed container\'s marker among them', 'web', [{type: 'resized', height: 8, width: 48}, {type: 'toggleWrap'}, {type: 'togglePause'}, {type: 'scrollUp', count: 6}]],
	['wrapped, all services, timestamps and a match cut by the wrap', undefined, [{type: 'resized', height: 8, width: 48}, {type: 'toggleWrap'}, {type: 'toggleTimestamps'}, {type: 'setSearch', text: 'xxxx 数据库'}, {type: 'nextMatch'}]],
];

for (const themeName of ['colored', 'plain'] as const) {
	for (const width of [100, 50]) {
		for (const [name, service, actions, limit] of cases) {
			test(`raw log lines look exactly like ink's log pane: ${name} (${themeName}, ${width} columns)`, t => {
				const theme = createTheme({isColorEnabled: themeName === 'colored'});
				const state = view(service, actions, limit);
				const raw = rawLogLines(state, theme, width);
				const pane = (
					<Box width={width} flexDirection="column">
						<LogPane state={state} theme={theme} />
					</Box>
				);
				const ink = (render(pane).lastFrame() ?? '').split('\n');
				t.true(raw.length > 1 && raw.length <= state.height + 1, "the header and at most the pane's rows");
				t.deepEqual(onScreen(raw, width), onScreen(ink.slice(0, raw.length), width));
			});
		}
	}
}
