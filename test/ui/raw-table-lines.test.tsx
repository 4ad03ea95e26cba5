import './force-color.js';
import test from 'ava';
import chalk from 'chalk';
import {render} from 'ink-testing-library';
import {missingServiceStatus} from '../../source/stack/snapshot.js';
import {RawLines, RawLinesContext} from '../../source/ui/raw-lines.js';
import {ServicesTable, type ServicesTableProps} from '../../source/ui/table/services-table.js';
import {createTheme} from '../../source/ui/theme.js';
import {VirtualTerminal} from '../helpers/virtual-terminal.js';
import {manyRows, mebibyte, tableRow} from './rows-fixture.js';

/** What lines look like on a terminal: characters and their styles, however the codes are written. */
function onScreen(lines: readonly string[], width: number): string[] {
	const terminal = new VirtualTerminal(width + 4, lines.length);
	for (const [index, line] of lines.entries()) terminal.write(`\u001B[${index + 1};1H${line}\u001B[0m`);
	return terminal.snapshot();
}

/** The table as ink draws it, and as the raw lines draw it for the frame writer. */
function bothWays(props: ServicesTableProps): {ink: string[]; raw: string[]} {
	const ink = (render(<ServicesTable {...props} />).lastFrame() ?? '').split('\n');
	const store = new RawLines();
	render(
		<RawLinesContext.Provider value={store}>
			<ServicesTable {...props} />
		</RawLinesContext.Provider>,
	);
	return {ink, raw: store.overlay([])};
}

const rows = [
	tableRow({service: 'web'}, {memoryBudgetBytes: 256 * mebibyte, budgetStatus: 'ok', cpuHistory: [0, 20, 90, 40], memoryHistory: [1, 2, 3]}),
	tableRow({service: 'db', state: 'exited', health: 'unhealthy', restarts: 3}, {budgetStatus: 'over'}),
	tableRow({service: 'cache', health: 'starting'}, {budgetStatus: 'near', pendingAction: 'restarting', ports: ['127.0.0.1:6379→6379/tcp']}),
	{status: missingServiceStatus('worker')},
	tableRow({service: '数据库-服务-with-a-very-long-name-that-does-not-fit'}),
];

for (const themeName of ['colored', 'plain'] as const) {
	for (const width of [200, 120, 80, 40]) {
		test(`raw table lines look exactly like ink's table (${themeName}, ${width} columns, selection, colors, budgets, missing, wide text)`, t => {
			const theme = createTheme({isColorEnabled: themeName === 'colored'});
			const {ink, raw} = bothWays({rows, width, height: 12, selectedId: 'id-cache-1', sortKey: 'cpu', theme});
			t.true(raw.length > 5);
			t.deepEqual(onScreen(raw, width), onScreen(ink.slice(0, raw.length), width));
			if (themeName === 'colored') t.true(raw.some(line => line.includes('\u001B[')), 'colors are on: the comparison covers styles');
		});
	}
}

test('raw lines of a scrolled table and of an empty filter look like ink\'s', t => {
	const theme = createTheme({isColorEnabled: true});
	for (const props of [
		{rows: manyRows(40), width: 100, height: 10, selectedId: 'id-service-25-1', theme},
		{rows, width: 100, height: 10, filterText: 'nothing-matches', theme},
	]) {
		const {ink, raw} = bothWays(props);
		t.deepEqual(onScreen(raw, 100), onScreen(ink.slice(0, raw.length), 100));
	}

	t.is(chalk.level, 1);
});
