import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import {ServicesTable} from '../../source/ui/table/services-table.js';
import {createTheme} from '../../source/ui/theme.js';
import {tableRow} from './rows-fixture.js';

const colored = createTheme({isColorEnabled: true});
const red = '\u001B[31m';
const gray = '\u001B[90m';

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lineOf(rows: Parameters<typeof ServicesTable>[0]['rows'], service: string): string {
	const frame = render(<ServicesTable rows={rows} width={100} height={8} theme={colored} />).lastFrame() ?? '';
	return frame.split('\n').find(line => line.includes(service)) ?? '';
}

const stopped = {state: 'exited', exitCode: 0, health: 'unhealthy', cpuPercent: null, memoryBytes: null, uptimeSeconds: null} as const;

test('a service stopped on purpose reads exited (0), muted, with no health: not red ✗ unhealthy', t => {
	const line = lineOf([tableRow({service: 'worker', ...stopped})], 'worker');
	t.regex(line, /exited \(0\)/);
	t.notRegex(line, /unhealthy|✗/);
	t.regex(line, new RegExp(`${escapeRegExp(gray)}\\s*exited \\(0\\)`), 'muted');
	t.false(line.includes(red), 'nothing red');
});

test('a crash stays red: exited (1)', t => {
	const line = lineOf([tableRow({service: 'worker', ...stopped, exitCode: 1})], 'worker');
	t.regex(line, new RegExp(`${escapeRegExp(red)}\\s*exited \\(1\\)`));
});

test('a container restarting on purpose says restarting…, its failing probe shows as starting', t => {
	const line = lineOf([tableRow({service: 'db', health: 'unhealthy'}, {pendingAction: 'restarting'})], 'db');
	t.regex(line, /restarting…\s+\S*↻ starting/);
	t.notRegex(line, /unhealthy|✗/);
	t.false(line.includes(red));
});

test('a stale row (engine lost) is muted whole, even one over its budget', t => {
	const line = lineOf([tableRow({service: 'cache', health: 'unhealthy'}, {isStale: true, budgetStatus: 'over'})], 'cache');
	t.regex(line, /\? stale/);
	t.false(line.includes(red), 'no red: not live');
	t.true(line.includes(gray));
});
