import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import {type BudgetState, initialBudgetState} from '../../source/stack/budget-types.js';
import {orderedWarnings, WarningsPanel, type WarningsPanelProps} from '../../source/ui/panels/warnings-panel.js';
import {createTheme} from '../../source/ui/theme.js';
import {budgets, mebibyte, now, warning} from './panels-fixtures.js';

process.env.TZ = 'UTC';
const plain = createTheme({isColorEnabled: false});

function lines(overrides: Partial<WarningsPanelProps> = {}): string[] {
	const props: WarningsPanelProps = {budgets, now, selectedIndex: 0, width: 100, height: 20, theme: plain, ...overrides};
	return (render(<WarningsPanel {...props} />).lastFrame() ?? '').split('\n').map(line => line.trimEnd());
}

test('the meters: stack and services, value against budget in its unit, and the level', t => {
	t.deepEqual(lines().slice(0, 6), [
		'Budgets and warnings  2 active, 2 ended',
		'  SUBJECT RESOURCE USAGE           LEVEL',
		'  stack   memory   900MiB / 1GiB   near',
		'  stack   cpu      55.00% / 200%   ok',
		'  web     memory   300MiB / 256MiB over',
		'  worker  cpu      -               no budget',
	]);
});

test('warnings: active first then ended, newest first, with start time, peak in its unit, duration and end', t => {
	const frame = lines();
	const start = frame.findIndex(line => line.includes('WARNING'));
	t.deepEqual(frame.slice(start, start + 5), [
		'  WARNING  SUBJECT STARTED  PEAK / BUDGET   DURATION STATE',
		'> memory   worker  10:08:00 1.5GiB / 128MiB 2m00s    active',
		'  memory   web     10:05:00 310MiB / 256MiB 5m00s    active',
		'  cpu      stack   10:01:00 250.50% / 200%  30s      ended 10:01:30',
		'  startup  db      10:00:00 45s / 30s       45s      ended 10:00:45',
	]);
});

test('an active warning lasts until now; an ended one keeps its duration', t => {
	const later = lines({now: now + 3_600_000}).join('\n');
	t.regex(later, /worker {2}10:08:00 .* 1h02m {4}active/);
	t.regex(later, /stack {3}10:01:00 .* 30s {6}ended/);
});

test('orderedWarnings is the order the panel selects in', t => {
	t.deepEqual(orderedWarnings(budgets.warnings).map(item => item.id), [4, 2, 3, 1]);
	const frame = lines({selectedIndex: 2});
	t.regex(frame.find(line => line.startsWith('>')) ?? '', /^> cpu {6}stack/);
});

test('over is red and near yellow; active warnings are red', t => {
	const frame = lines({theme: createTheme({isColorEnabled: true})});
	t.regex(frame.find(line => line.includes('300MiB / 256MiB')) ?? '', /\u001B\[31m300MiB \/ 256MiB/);
	t.regex(frame.find(line => line.includes('900MiB / 1GiB')) ?? '', /\u001B\[33m900MiB \/ 1GiB/);
	t.regex(frame.find(line => line.includes('10:05:00')) ?? '', /\u001B\[31m.*active/);
});

test('budgets show as the profile wrote them; usage and peaks in the same unit system', t => {
	const state: BudgetState = {
		...budgets,
		meters: [
			{service: undefined, resource: 'memory', value: 900e6, budget: 1e9, written: '1GB', level: 'near'},
			{service: undefined, resource: 'cpu', value: 12.5, budget: 50, written: '50%', level: 'ok'},
			{service: 'web', resource: 'memory', value: 300e6, budget: 256e6, written: '256MB', level: 'over'},
		],
		warnings: [warning({id: 2, kind: 'memory', budget: 256e6, written: '256MB', peak: 310e6})],
	};
	const frame = lines({budgets: state}).join('\n');
	t.regex(frame, /stack {3}memory {3}900MB \/ 1GB/);
	t.regex(frame, /stack {3}cpu {6}12\.50% \/ 50%/);
	t.regex(frame, /web {5}memory {3}300MB \/ 256MB/);
	t.regex(frame, /310MB \/ 256MB/);
	t.notRegex(frame, /MiB/);
});

test('a budget written as a bare number of bytes or of cores shows in the unit of its value', t => {
	const state: BudgetState = {
		...budgets,
		meters: [
			{service: 'web', resource: 'memory', value: 300 * mebibyte, budget: 256 * mebibyte, written: String(256 * mebibyte), level: 'over'},
			{service: 'web', resource: 'cpu', value: 40, budget: 50, written: '0.5', level: 'ok'},
		],
		warnings: [],
	};
	const frame = lines({budgets: state}).join('\n');
	t.regex(frame, /web {5}memory {3}300MiB \/ 256MiB/);
	t.regex(frame, /web {5}cpu {6}40\.00% \/ 50%/);
});

test('no budgets and no warnings say so', t => {
	const frame = lines({budgets: initialBudgetState()});
	t.true(frame.includes('  this profile sets no budgets'));
	t.true(frame.includes('  no budget warnings so far'));
	t.regex(frame[0] ?? '', /0 active, 0 ended$/);
});

test('with more warnings than fit, the selected one is scrolled into view', t => {
	const many = Array.from({length: 30}, (_, index) => warning({id: index + 1, kind: 'memory', peak: (300 + index) * mebibyte, startedAt: now - index * 1000}));
	const frame = lines({budgets: {...budgets, warnings: many}, selectedIndex: 25, height: 10});
	t.is(frame.length, 10);
	t.regex(frame[8] ?? '', /^> memory {3}web {5}\d\d:\d\d:\d\d 325MiB/);
	t.regex(frame[9] ?? '', /^ {2}\d+–\d+ of 37$/);
});
