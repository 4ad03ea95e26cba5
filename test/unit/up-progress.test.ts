import test from 'ava';
import {initialUpState, reduceUp, type UpEvent, type UpState} from '../../source/up/model.js';
import {UpProgress} from '../../source/up/progress-output.js';
import {formatElapsed, liveLines, plainLine, summaryLines} from '../../source/up/progress-text.js';

const dependencies = {db: [], api: [{service: 'db', condition: 'service_healthy', isRequired: true}]} as const;

function replay(events: readonly UpEvent[]): UpState {
	return events.reduce(reduceUp, initialUpState(['db', 'api'], 10_000));
}

const history: UpEvent[] = [
	{type: 'phase', service: 'db', phase: 'pulling', atMs: 10_000},
	{type: 'detail', service: 'db', detail: '1.0 MiB / 4.0 MiB'},
	{type: 'phase', service: 'db', phase: 'creating', atMs: 11_000},
	{type: 'prepared', service: 'db', containerIds: ['d'], hasHealthcheck: true, isAwaitedToComplete: false, action: 'created', atMs: 11_200},
	{type: 'prepared', service: 'api', containerIds: ['a'], hasHealthcheck: false, isAwaitedToComplete: false, action: 'kept', atMs: 11_300},
	{type: 'phase', service: 'db', phase: 'starting', atMs: 11_300},
	{type: 'running', service: 'db', healthyIds: [], atMs: 11_500},
	{type: 'health', containerId: 'd', health: 'healthy', atMs: 13_500},
	{type: 'phase', service: 'api', phase: 'starting', atMs: 13_500},
	{type: 'running', service: 'api', healthyIds: [], atMs: 13_600},
];

test('elapsed times: tenths below a minute, then minutes and seconds', t => {
	t.is(formatElapsed(0), '0.0s');
	t.is(formatElapsed(2340), '2.3s');
	t.is(formatElapsed(65_000), '1m05s');
});

test('plain lines name the service, its state and the time since the up began', t => {
	const state = replay(history.slice(0, 2));
	t.is(plainLine(state.services['db']!, state), 'db: pulling 1.0 MiB / 4.0 MiB (0.0s)');
	const waiting = replay(history.slice(0, 5));
	t.is(plainLine(waiting.services['api']!, waiting, ['db (healthy)']), 'api: waiting for db (healthy) (1.3s)');
	const failed = reduceUp(waiting, {type: 'blocked', service: 'api', reason: 'db failed: unhealthy', atMs: 14_000});
	t.is(plainLine(failed.services['api']!, failed), 'api: blocked: db failed: unhealthy (4.0s)');
});

test('the summary gives each service its result, time and steps, then the total', t => {
	const state = replay(history);
	t.deepEqual(summaryLines(state, 13_700), [
		'db         3.5s  healthy  (pull 1.0s, create 0.2s, start 0.2s, healthy after 2.0s)',
		'api        3.6s  running  (kept, start 0.1s)',
		'2/2 services ready in 3.7s',
	]);
	const blocked = reduceUp(replay(history.slice(0, 5)), {type: 'blocked', service: 'api', reason: 'db failed: unhealthy', atMs: 14_000});
	t.is(summaryLines(blocked, 14_000).at(-1), '0/2 services ready in 4.0s');
});

test('the live display shows the time in the current phase for services still on their way', t => {
	const state = replay(history.slice(0, 7));
	t.deepEqual(liveLines(state, 12_500, name => (name === 'api' ? ['db (healthy)'] : [])), [
		'• db         1.0s  running, waiting until healthy',
		'• api        1.2s  waiting for db (healthy)',
	]);
	t.is(liveLines(replay(history), 20_000, () => [])[0], '✔ db         3.5s  healthy');
});

test('without a terminal, one line per state change; with one, the block is redrawn in place', t => {
	const written: string[] = [];
	const plain = new UpProgress({isTTY: false, write: text => written.push(text)}, dependencies);
	let state = initialUpState(['db', 'api'], 10_000);
	for (const event of history) {
		state = reduceUp(state, event);
		plain.onChange(state, event);
	}

	plain.finish(state, 13_700);
	const lines = written.join('').split('\n');
	t.deepEqual(lines.slice(0, 4), ['db: pulling (0.0s)', 'db: creating (1.0s)', 'db: created (1.2s)', 'api: waiting for db (healthy) (1.3s)']);
	t.true(lines.includes('db: healthy (3.5s)'));
	t.false(lines.some(line => line.includes('MiB')), 'pull byte counts are not logged line by line');

	const screen: string[] = [];
	const live = new UpProgress({isTTY: true, columns: 80, write: text => screen.push(text)}, dependencies);
	live.onChange(state, history.at(-1)!);
	live.finish(state, 13_700);
	t.true(screen[0]?.startsWith('\u001B[2K✔ db'));
	t.true(screen[1]?.startsWith('\ndb         3.5s  healthy'));
});
