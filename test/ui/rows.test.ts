import test from 'ava';
import {arrangeRows, nextSortKey, scrollWindow} from '../../source/ui/table/rows.js';
import {mebibyte, tableRow} from './rows-fixture.js';

const rows = [
	tableRow({service: 'web', cpuPercent: 5, memoryBytes: 300 * mebibyte, state: 'running'}),
	tableRow({service: 'db', cpuPercent: 40, memoryBytes: 100 * mebibyte, state: 'running'}),
	tableRow({service: 'batch', cpuPercent: null, memoryBytes: null, state: 'exited'}),
	tableRow({service: 'api', replica: 2, id: 'api-2', cpuPercent: 1, memoryBytes: 50 * mebibyte, state: 'restarting'}),
	tableRow({service: 'api', replica: 1, id: 'api-1', cpuPercent: 1, memoryBytes: 50 * mebibyte, state: 'running'}),
];

function names(sortKey: Parameters<typeof arrangeRows>[1], filterText?: string): string[] {
	return arrangeRows(rows, sortKey, filterText).map(row => `${row.status.service}${row.status.replica > 1 ? `#${row.status.replica}` : ''}`);
}

test('sort by name orders services, then replicas', t => {
	t.deepEqual(names('name'), ['api', 'api#2', 'batch', 'db', 'web']);
});

test('sort by CPU and memory puts the largest first and unknown values last', t => {
	t.deepEqual(names('cpu'), ['db', 'web', 'api', 'api#2', 'batch']);
	t.deepEqual(names('memory'), ['web', 'db', 'api', 'api#2', 'batch']);
});

test('sort by state puts running first, then restarting, then exited', t => {
	t.deepEqual(names('state'), ['api', 'db', 'web', 'api#2', 'batch']);
});

test('the filter matches service names case-insensitively and ignores surrounding spaces', t => {
	t.deepEqual(names('name', ' API '), ['api', 'api#2']);
	t.deepEqual(names('name', 'nothing'), []);
});

test('o cycles name → CPU → memory → state → name', t => {
	t.deepEqual([nextSortKey('name'), nextSortKey('cpu'), nextSortKey('memory'), nextSortKey('state')], ['cpu', 'memory', 'state', 'name']);
});

test('the window scrolls only when the selection leaves it, and never past the end', t => {
	t.is(scrollWindow(0, 5, 10, 40), 0);
	t.is(scrollWindow(0, 10, 10, 40), 1);
	t.is(scrollWindow(20, 25, 10, 40), 20);
	t.is(scrollWindow(20, 3, 10, 40), 3);
	t.is(scrollWindow(35, 39, 10, 40), 30);
	t.is(scrollWindow(12, -1, 10, 15), 5);
	t.is(scrollWindow(4, 2, 10, 5), 0);
});
