import test from 'ava';
import type {ContainerInfo} from '../../source/engine/types.js';
import type {Profile} from '../../source/profile/types.js';
import {initialBudgetState} from '../../source/stack/budgets.js';
import {StackHistory} from '../../source/stack/history.js';
import {emptyHostStats} from '../../source/stack/host-stats.js';
import type {SessionView} from '../../source/stack/session.js';
import {missingServiceOf, missingServiceStatus, toServiceStatuses, withMissingServices} from '../../source/stack/snapshot.js';
import {dashboardRows, findSelected, isMissingRow, noContainerText, rowKey} from '../../source/ui/dashboard-rows.js';
import {arrangeRows} from '../../source/ui/table/rows.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

function container(service: string, number = 1, overrides: Partial<ContainerInfo> = {}): ContainerInfo {
	return {
		id: `${service}-${number}`,
		name: `fixture-${service}-${number}`,
		service,
		project: 'fixture',
		number,
		image: `${service}:1`,
		state: 'running',
		health: 'none',
		startedAt: '2024-05-01T10:00:00Z',
		finishedAt: undefined,
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: false,
		labels: {},
		...overrides,
	};
}

function view(containers: readonly ContainerInfo[], pending: ReadonlyMap<string, 'creating'> = new Map()): SessionView {
	return {
		state: {project: 'fixture', engine: 'connected', engineError: undefined, isListed: true, containers: new Map(containers.map(item => [item.id, item])), stats: new Map(), lifecycle: initialLifecycle()},
		budgets: initialBudgetState(),
		tunnels: [],
		host: emptyHostStats,
		pending,
		message: undefined,
		startedAt: 0,
		now: Date.parse('2024-05-01T11:00:00Z'),
	};
}

const profile = {budgets: {sustainMs: 0, startupMs: undefined, stack: {}, services: {web: {memoryBytes: 1024}}}} as unknown as Profile;
const services = ['web', 'api', 'db', 'worker'];

function rowsOf(containers: readonly ContainerInfo[], pending?: ReadonlyMap<string, 'creating'>) {
	return dashboardRows(view(containers, pending), profile, new StackHistory(), services);
}

test('a service without a container gets one missing row: no container, no numbers, health -', t => {
	const status = missingServiceStatus('web');
	t.like(status, {service: 'web', state: 'missing', health: 'none', container: '', cpuPercent: null, memoryBytes: null, uptimeSeconds: null, exitCode: null});
	t.is(missingServiceOf(status.id), 'web');
	t.is(missingServiceOf('web-1'), undefined);
	t.is(missingServiceOf(undefined), undefined);
});

test('every active service shows: missing rows are added, in service order', t => {
	const rows = rowsOf([container('db')]);
	t.deepEqual(
		rows.map(row => `${row.status.service}:${row.status.state}`),
		['api:missing', 'db:running', 'web:missing', 'worker:missing'],
	);
	t.true(isMissingRow(rows[0]));
	t.false(isMissingRow(rows[1]));
	t.like(rows[2], {budgetStatus: 'none', memoryBudgetBytes: undefined}, 'a missing row has no budget to be over');
});

test('on a fresh machine every service is a missing row', t => {
	t.deepEqual(
		rowsOf([]).map(row => row.status.service),
		['api', 'db', 'web', 'worker'],
	);
	t.true(rowsOf([]).every(row => row.status.state === 'missing'));
});

test('a container replaces its service\'s missing row, whatever its state', t => {
	const before = rowsOf([]);
	const after = rowsOf([container('web', 1, {state: 'created', startedAt: undefined})]);
	t.true(before.some(row => row.status.service === 'web' && row.status.state === 'missing'));
	t.deepEqual(
		after.filter(row => row.status.service === 'web').map(row => row.status.state),
		['created'],
	);
});

test('a scaled service keeps its replicas and gets no missing row', t => {
	const statuses = toServiceStatuses(view([container('worker', 3), container('worker', 1), container('api')]).state, 0);
	const rows = withMissingServices(statuses, services);
	t.deepEqual(
		rows.map(row => `${row.service}#${row.replica}:${row.state}`),
		['api#1:running', 'db#1:missing', 'web#1:missing', 'worker#1:running', 'worker#3:running'],
	);
});

test('containers of services not in the list stay, and a name listed twice gives one row', t => {
	const statuses = toServiceStatuses(view([container('orphan')]).state, 0);
	t.deepEqual(
		withMissingServices(statuses, ['web', 'web']).map(row => `${row.service}:${row.state}`),
		['orphan:running', 'web:missing'],
	);
	t.deepEqual(withMissingServices(statuses, []), statuses, 'without service names the rows are the containers');
});

test('missing rows sort and filter like the others: by state after exited, by name in place', t => {
	const rows = rowsOf([container('db', 1, {state: 'exited', exitCode: 1, startedAt: undefined}), container('web')]);
	const order = (sortKey: Parameters<typeof arrangeRows>[1], filterText?: string): string[] => arrangeRows(rows, sortKey, filterText).map(row => row.status.service);
	t.deepEqual(order('name'), ['api', 'db', 'web', 'worker']);
	t.deepEqual(order('state'), ['web', 'db', 'api', 'worker']);
	t.deepEqual(order('name', 'WOR'), ['worker']);
});

test('u marks missing rows creating… until the operation ends', t => {
	const [api] = rowsOf([]);
	const rows = rowsOf([], new Map([[api?.status.id ?? '', 'creating']]));
	t.is(rows[0]?.pendingAction, 'creating');
});

test('the selection is by service and replica: it stays on a service when its container replaces the missing row', t => {
	const missing = rowsOf([]);
	const web = missing.find(row => row.status.service === 'web');
	const key = web === undefined ? undefined : rowKey(web.status);
	t.is(key, 'web#1');
	const present = arrangeRows(rowsOf([container('web')]), 'name');
	t.is(findSelected(present, key)?.status.id, 'web-1');
	t.is(findSelected(present, 'web#2')?.status.id, 'web-1', 'a replica gone: the first of its service');
	t.is(findSelected(present, 'gone#1')?.status.service, 'api', 'an unknown service selects the first row');
	t.is(findSelected([], 'gone#1'), undefined);
});

test('the note says how to create the container', t => {
	t.is(noContainerText('web'), 'web has no container yet: press u to bring up missing services');
});
