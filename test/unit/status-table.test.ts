import test from 'ava';
import {formatStatusTable} from '../../source/commands/status-table.js';
import type {ServiceStatus} from '../../source/stack/snapshot.js';

const mebibyte = 1024 * 1024;

function status(overrides: Partial<ServiceStatus> = {}): ServiceStatus {
	return {
		service: 'web',
		container: 'fixture-web-1',
		id: 'abc',
		replica: 1,
		image: 'nginx:1',
		state: 'running',
		health: 'healthy',
		cpuPercent: 50.625,
		memoryBytes: 179.4 * mebibyte,
		memoryLimitBytes: 512 * mebibyte,
		memoryPercent: 35.04,
		networkRxBytes: 0,
		networkTxBytes: 0,
		blockReadBytes: 0,
		blockWriteBytes: 0,
		pids: 4,
		restarts: 2,
		exitCode: null,
		isOomKilled: false,
		hasOomKill: false,
		startedAt: '2024-05-01T10:00:00Z',
		uptimeSeconds: 3725,
		...overrides,
	};
}

/** The cells of one printed row: columns are separated by at least two spaces. */
function cells(line: string | undefined): string[] {
	return (line ?? '').split(/ {2,}/);
}

test('a running and an exited container print as docker-like aligned columns', t => {
	const table = formatStatusTable([
		status(),
		status({
			service: 'worker',
			container: 'fixture-worker-1',
			state: 'exited',
			exitCode: 137,
			health: 'none',
			cpuPercent: null,
			memoryBytes: null,
			memoryLimitBytes: null,
			memoryPercent: null,
			restarts: 0,
			uptimeSeconds: null,
		}),
	]);
	t.is(
		table,
		[
			'SERVICE  CONTAINER         STATE         HEALTH   CPU %   MEM USAGE / LIMIT  MEM %   RESTARTS  UPTIME',
			'web      fixture-web-1     running       healthy  50.62%  179.4MiB / 512MiB  35.04%  2         1h02m',
			'worker   fixture-worker-1  exited (137)  -        -       -                  -       0         -',
		].join('\n'),
	);
});

test('every column starts at the same place on every line, whatever the widths', t => {
	const lines = formatStatusTable([
		status({service: 'a-very-long-service-name', container: 'x'}),
		status({service: 'b', container: 'another-rather-long-container-name'}),
	]).split('\n');
	const starts = (line: string) => cells(line).map(cell => line.indexOf(cell));
	t.is(lines.length, 3);
	t.deepEqual(starts(lines[1] ?? '').slice(0, 3), starts(lines[0] ?? '').slice(0, 3));
	t.deepEqual(starts(lines[2] ?? '').slice(0, 3), starts(lines[0] ?? '').slice(0, 3));
});

test('no line ends in spaces', t => {
	const table = formatStatusTable([status({uptimeSeconds: null}), status()]);
	t.false(table.split('\n').some(line => line.endsWith(' ')));
});

test('CPU shows - until a second sample gives a value; 0 % shows as a value', t => {
	t.is(cells(formatStatusTable([status({cpuPercent: null})]).split('\n')[1])[4], '-');
	t.is(cells(formatStatusTable([status({cpuPercent: 0})]).split('\n')[1])[4], '0.00%');
});

test('memory without a limit shows - for the limit', t => {
	const row = cells(formatStatusTable([status({memoryBytes: 50 * mebibyte, memoryLimitBytes: 0})]).split('\n')[1]);
	t.true(row.includes('50MiB / -'));
});

test('an exited container shows its exit code; a created one only its state', t => {
	const rows = formatStatusTable([status({state: 'exited', exitCode: 0}), status({state: 'created', exitCode: null})]).split('\n');
	t.is(cells(rows[1])[2], 'exited (0)');
	t.is(cells(rows[2])[2], 'created');
});

test('health none prints as -, other health as its name', t => {
	const rows = formatStatusTable([status({health: 'none'}), status({health: 'starting'})]).split('\n');
	t.is(cells(rows[1])[3], '-');
	t.is(cells(rows[2])[3], 'starting');
});

test('an empty stack prints only the header', t => {
	t.is(formatStatusTable([]), 'SERVICE  CONTAINER  STATE  HEALTH  CPU %  MEM USAGE / LIMIT  MEM %  RESTARTS  UPTIME');
});
