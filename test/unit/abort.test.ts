import test from 'ava';
import {abortable, isAbortError} from '../../source/engine/abort.js';
import {OperationTracker, stackReadiness} from '../../source/stack/operations.js';
import {abortSummary} from '../../source/up/abort-summary.js';
import {initialUpState, isFinished, reduceUp, type UpEvent} from '../../source/up/model.js';
import {lifecycleAbortText} from '../../source/up/stop.js';
import {container} from '../ui/fake-session.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

function replay(events: readonly UpEvent[]) {
	return events.reduce(reduceUp, initialUpState(['db', 'api', 'web', 'worker'], 10_000));
}

const underWay: UpEvent[] = [
	{type: 'prepared', service: 'db', containerIds: ['d'], hasHealthcheck: true, isAwaitedToComplete: false, action: 'created', atMs: 11_000},
	{type: 'prepared', service: 'api', containerIds: ['a'], hasHealthcheck: false, isAwaitedToComplete: false, action: 'created', atMs: 11_100},
	{type: 'phase', service: 'web', phase: 'pulling', atMs: 11_200},
	{type: 'phase', service: 'db', phase: 'starting', atMs: 11_300},
	{type: 'running', service: 'db', healthyIds: [], atMs: 11_500},
];

test('an aborted up says, service by service, what it left: started, created, not created', t => {
	const state = replay([...underWay, {type: 'aborted', atMs: 12_000}]);
	t.true(isFinished(state), 'nothing more is waited for');
	t.is(abortSummary(state), 'up aborted: db started, not healthy yet; api created, not started; web not created (pull interrupted); worker not created');
});

test('after the abort nothing changes what it left', t => {
	const aborted = replay([...underWay, {type: 'aborted', atMs: 12_000}]);
	t.is(reduceUp(aborted, {type: 'health', containerId: 'd', health: 'healthy', atMs: 12_100}), aborted);
	t.is(reduceUp(aborted, {type: 'failed', service: 'api', reason: 'aborted', atMs: 12_100}), aborted);
});

test('services that reached their target are named as such', t => {
	const state = replay([...underWay, {type: 'health', containerId: 'd', health: 'healthy', atMs: 11_900}, {type: 'aborted', atMs: 12_000}]);
	t.regex(abortSummary(state), /^up aborted: db healthy; api created, not started;/);
});

test('an aborted stop or restart names the services done and those left', t => {
	t.is(lifecycleAbortText('restart', {done: ['db', 'cache'], left: ['api', 'web']}), 'restart aborted: db, cache restarted; api, web not restarted');
	t.is(lifecycleAbortText('stop', {done: [], left: ['web']}), 'stop aborted: web not stopped');
});

test('abortable rejects as soon as the signal aborts; the error reads as an abort', async t => {
	const controller = new AbortController();
	const never = new Promise<string>(() => undefined);
	const pending = abortable(never, controller.signal);
	controller.abort();
	const error = await t.throwsAsync(pending);
	t.true(isAbortError(error));
	t.is(await abortable(Promise.resolve('done'), new AbortController().signal), 'done');
});

test('the tracker aborts every operation under way and collects what each left', async t => {
	const tracker = new OperationTracker();
	const finished = tracker.run('restart web', async () => 'restart web: done');
	const up = tracker.run('up', async signal => new Promise<string>(resolve => signal.addEventListener('abort', () => resolve('up aborted: db created, api not started'))));
	const stuck = tracker.run('build', async () => new Promise<string>(() => undefined));
	t.deepEqual(await finished, {text: 'restart web: done', isError: false});
	const lines = await tracker.abortAll(200);
	t.deepEqual(lines, ['up aborted: db created, api not started', 'build: aborted, still running when stacktui quit']);
	t.deepEqual(await up, {text: 'up aborted: db created, api not started', isError: false});
	void stuck;
});

test('a failed operation is an error line naming it', async t => {
	const tracker = new OperationTracker();
	t.deepEqual(await tracker.run('up', async () => Promise.reject(new Error('no engine\nstack'))), {text: 'up: no engine', isError: true});
});

test('the stack is back when every container is on a new run at its target', t => {
	const before = new Map([
		['id-db', 'run-1'],
		['id-job', 'run-1'],
	]);
	const state = (db: Parameters<typeof container>[1], job: Parameters<typeof container>[1]) => ({
		project: 'demo',
		engine: 'connected' as const,
		engineError: undefined,
		isListed: true,
		containers: new Map([
			['id-db', container('db', {startedAt: 'run-1', health: 'healthy', ...db})],
			['id-job', container('job', {startedAt: 'run-1', ...job})],
		]),
		stats: new Map(),
		lifecycle: initialLifecycle(),
	});
	t.deepEqual(stackReadiness(state({}, {}), before), {isBack: false, waiting: ['db (healthy)', 'job (running)']}, 'the old runs do not count');
	t.deepEqual(stackReadiness(state({startedAt: 'run-2', health: 'starting'}, {startedAt: 'run-2'}), before), {isBack: false, waiting: ['db (starting)']});
	t.deepEqual(stackReadiness(state({startedAt: 'run-2'}, {startedAt: 'run-2', state: 'exited', exitCode: 0}), before), {isBack: true, waiting: []}, 'a one-shot that exited 0 is at its target');
});
