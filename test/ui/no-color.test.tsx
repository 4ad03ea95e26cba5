import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import {Header} from '../../source/ui/header.js';
import {HelpOverlay} from '../../source/ui/help-overlay.js';
import {ServicesTable} from '../../source/ui/table/services-table.js';
import {createTheme, isColorWanted, type Theme} from '../../source/ui/theme.js';
import {mebibyte, tableRow} from './rows-fixture.js';

const escape = '\u001B[';
const rows = [
	tableRow({service: 'web'}, {budgetStatus: 'ok', cpuHistory: [1, 2, 3]}),
	tableRow({service: 'worker', health: 'unhealthy'}, {budgetStatus: 'over'}),
	tableRow({service: 'cache', health: 'starting'}, {budgetStatus: 'near'}),
];

function screen(theme: Theme): string {
	const {lastFrame} = render(
		<>
			<Header
				width={80}
				theme={theme}
				profileName="demo"
				engine={{host: 'unix:///var/run/docker.sock', version: '20.10.24', status: 'connected'}}
				stack={{cpuPercent: 55, memoryBytes: 900 * mebibyte, memoryBudgetBytes: 1024 * mebibyte, budgetStatus: 'near'}}
				startedAt={0}
				now={1000}
				warningCount={2}
			/>
			<ServicesTable rows={rows} width={80} height={6} selectedId="id-web-1" theme={theme} />
			<HelpOverlay width={80} isReadOnly theme={theme} />
		</>,
	);
	return lastFrame() ?? '';
}

function lineOf(frame: string, text: string): string {
	return frame.split('\n').find(line => line.includes(text)) ?? '';
}

test('with colors, rows over and near budget are red and yellow and the selection is inverse', t => {
	const frame = screen(createTheme({isColorEnabled: true}));
	t.true(lineOf(frame, 'worker').includes(`${escape}31m`), 'over budget is red');
	t.true(lineOf(frame, 'cache').includes(`${escape}33m`), 'near budget is yellow');
	t.true(lineOf(frame, 'web').includes(`${escape}7m`), 'the selected row is inverse');
});

test('under NO_COLOR nothing is styled: no escape codes at all, the selection shown by a marker', t => {
	const frame = screen(createTheme({isColorEnabled: false}));
	t.false(frame.includes('\u001B'), JSON.stringify(frame.split('\n').find(line => line.includes('\u001B'))));
	t.regex(lineOf(frame, 'web'), /^> {1,}web/);
	t.regex(lineOf(frame, 'worker'), /^ {2}worker/);
});

test('NO_COLOR set and not empty, or TERM=dumb, turns colors off', t => {
	t.false(isColorWanted({NO_COLOR: '1'}));
	t.false(isColorWanted({TERM: 'dumb'}));
	t.true(isColorWanted({NO_COLOR: ''}));
	t.true(isColorWanted({TERM: 'xterm-256color'}));
});

test('the plain theme has no color anywhere', t => {
	const colors: unknown[] = [];
	const collect = (value: unknown, key: string): void => {
		if (typeof value === 'object' && value !== null) {
			for (const [name, child] of Object.entries(value)) collect(child, name);
		} else if (typeof value !== 'boolean' && key !== 'marker') {
			colors.push(value);
		}
	};

	collect(createTheme({isColorEnabled: false}), '');
	t.true(colors.length > 10);
	t.true(colors.every(color => color === undefined));
	t.false(createTheme({isColorEnabled: false}).isStyled);
});
