import test from 'ava';
import type {DependsOnCondition} from '../../source/compose/types.js';
import {dependencyMap, dependencyWaves, selectServices, servicesAwaitedToComplete} from '../../source/up/graph.js';
import {hasReachedTarget, initialUpState, isFinished, reduceUp, type UpEvent, type UpState} from '../../source/up/model.js';
import {decide, pendingDependencies} from '../../source/up/scheduler.js';
import {composeProject, composeService} from '../helpers/compose-project.js';

const depends = (condition: DependsOnCondition, isRequired = true) => ({condition, isRequired});

/** db (healthy) and migrate (completes) before api; web after api starts. */
const project = composeProject('shop', [
	composeService('db'),
	composeService('migrate', {dependsOn: {db: depends('service_healthy')}}),
	composeService('api', {dependsOn: {db: depends('service_healthy'), migrate: depends('service_completed_successfully')}}),
	composeService('web', {dependsOn: {api: depends('service_started')}}),
	composeService('tool', {profiles: ['debug']}),
]);
const services = ['db', 'migrate', 'api', 'web'];
const dependencies = dependencyMap(project, services);

/** An event whose time the helper fills in. */
type Step = UpEvent extends infer Event ? (Event extends UpEvent ? Omit<Event, 'atMs'> & {atMs?: number} : never) : never;

function run(events: readonly Step[]): UpState {
	return events.reduce((state, event, index) => reduceUp(state, {atMs: 1000 + index, ...event} as UpEvent), initialUpState(services, 1000));
}

const prepared = (service: string, hasHealthcheck = false, isAwaitedToComplete = false) =>
	({type: 'prepared', service, containerIds: [`${service}-id`], hasHealthcheck, isAwaitedToComplete, action: 'created'}) as const;
const allPrepared = [prepared('db', true), prepared('migrate', false, true), prepared('api', true), prepared('web')];
const starts = (state: UpState) => decide(dependencies, state).filter(decision => decision.type === 'start').map(decision => decision.service);

test('selection brings dependencies, keeps file order, and reports unknown names', t => {
	t.deepEqual(selectServices(project, ['web']).services, ['db', 'migrate', 'api', 'web']);
	t.deepEqual(selectServices(project, ['migrate']).services, ['db', 'migrate']);
	t.deepEqual(selectServices(project, ['nope', 'db']), {services: ['db'], unknown: ['nope']});
});

test('waves put dependencies first and name a cycle', t => {
	t.deepEqual(dependencyWaves(project, services), [['db'], ['migrate'], ['api'], ['web']]);
	const cyclic = composeProject('loop', [composeService('a', {dependsOn: {b: depends('service_started')}}), composeService('b', {dependsOn: {a: depends('service_started')}})]);
	t.throws(() => dependencyWaves(cyclic, ['a', 'b']), {message: 'depends_on cycle between a, b'});
});

test('network_mode service:NAME is an implicit dependency', t => {
	const sidecar = composeProject('net', [composeService('vpn'), composeService('app', {networkMode: 'service:vpn', networks: {}})]);
	t.deepEqual(selectServices(sidecar, ['app']).services, ['vpn', 'app']);
	t.deepEqual(dependencyMap(sidecar, ['app'])['app'], [{service: 'vpn', condition: 'service_started', isRequired: true}]);
});

test('a service awaited with service_completed_successfully has target completed', t => {
	t.deepEqual([...servicesAwaitedToComplete(project, services)], ['migrate']);
	const state = run(allPrepared);
	t.is(state.services['migrate']?.target, 'completed');
	t.is(state.services['db']?.target, 'healthy');
	t.is(state.services['web']?.target, 'running');
});

test('only services without pending dependencies start; each condition releases its dependents', t => {
	let state = run(allPrepared);
	t.deepEqual(starts(state), ['db']);
	t.deepEqual(pendingDependencies(dependencies, state, 'api'), ['db (healthy)', 'migrate (completed)']);

	state = run([...allPrepared, {type: 'running', service: 'db', healthyIds: []}]);
	t.deepEqual(starts(state), [], 'running is not healthy');

	state = reduceUp(state, {type: 'health', containerId: 'db-id', health: 'healthy', atMs: 2000});
	t.is(state.services['db']?.phase, 'healthy');
	t.deepEqual(starts(state), ['migrate'], 'api still waits for migrate to complete');

	state = reduceUp(state, {type: 'running', service: 'migrate', healthyIds: [], atMs: 2100});
	state = reduceUp(state, {type: 'died', containerId: 'migrate-id', exitCode: 0, atMs: 2200});
	t.is(state.services['migrate']?.phase, 'completed');
	t.deepEqual(starts(state), ['api']);

	state = reduceUp(state, {type: 'running', service: 'api', healthyIds: [], atMs: 2300});
	t.deepEqual(starts(state), ['web'], 'service_started needs only the start');
	t.false(isFinished(state), 'api waits to be healthy');
});

test('a failing dependency blocks its dependents with the reason, transitively', t => {
	let state = run([...allPrepared, {type: 'running', service: 'db', healthyIds: []}]);
	state = reduceUp(state, {type: 'health', containerId: 'db-id', health: 'healthy', atMs: 2000});
	state = reduceUp(state, {type: 'running', service: 'migrate', healthyIds: [], atMs: 2100});
	state = reduceUp(state, {type: 'died', containerId: 'migrate-id', exitCode: 3, atMs: 2200});
	t.is(state.services['migrate']?.reason, 'exited with code 3');
	t.deepEqual(decide(dependencies, state), [{type: 'block', service: 'api', reason: 'migrate failed: exited with code 3'}]);
	state = reduceUp(state, {type: 'blocked', service: 'api', reason: 'migrate failed: exited with code 3', atMs: 2300});
	t.deepEqual(decide(dependencies, state), [{type: 'block', service: 'web', reason: 'api did not start: migrate failed: exited with code 3'}]);
});

test('unhealthy fails the service and names the probe output', t => {
	let state = run([...allPrepared, {type: 'running', service: 'db', healthyIds: []}]);
	state = reduceUp(state, {type: 'health', containerId: 'db-id', health: 'unhealthy', output: 'no /tmp/healthy', atMs: 2000});
	t.is(state.services['db']?.phase, 'failed');
	t.is(state.services['db']?.reason, 'unhealthy: no /tmp/healthy');
	t.deepEqual(decide(dependencies, state), [
		{type: 'block', service: 'migrate', reason: 'db failed: unhealthy: no /tmp/healthy'},
		{type: 'block', service: 'api', reason: 'db failed: unhealthy: no /tmp/healthy'},
	]);
});

test('service_healthy on a service without healthcheck can never be met', t => {
	const state = run([prepared('db', false), prepared('migrate', false, true), {type: 'running', service: 'db', healthyIds: []}]);
	t.deepEqual(decide(dependencies, state)[0], {type: 'block', service: 'migrate', reason: 'db has no healthcheck, so it can never be service_healthy'});
});

test('an optional dependency (required: false) that fails does not block', t => {
	const optional = composeProject('opt', [composeService('cache'), composeService('app', {dependsOn: {cache: depends('service_started', false)}})]);
	let state = initialUpState(['cache', 'app'], 0);
	state = reduceUp(state, {...prepared('app'), atMs: 1});
	state = reduceUp(state, {type: 'failed', service: 'cache', reason: 'image missing', atMs: 2});
	t.deepEqual(decide(dependencyMap(optional, ['cache', 'app']), state), [{type: 'start', service: 'app'}]);
});

test('services that only wait on each other are blocked once nothing else is under way', t => {
	const cyclic = composeProject('loop', [composeService('a', {dependsOn: {b: depends('service_started')}}), composeService('b', {dependsOn: {a: depends('service_started')}})]);
	let state = initialUpState(['a', 'b'], 0);
	state = reduceUp(state, {...prepared('a'), atMs: 1});
	t.deepEqual(decide(dependencyMap(cyclic, ['a', 'b']), state), [], 'b is still being prepared');
	state = reduceUp(state, {...prepared('b'), atMs: 2});
	t.deepEqual(
		decide(dependencyMap(cyclic, ['a', 'b']), state).map(decision => decision.type),
		['block', 'block'],
	);
});

test('a container found running and healthy is at its target at once; a timeout fails the rest', t => {
	let state = run([{...prepared('db', true), runningHealthyIds: ['db-id']}]);
	t.is(state.services['db']?.phase, 'healthy');
	t.true(hasReachedTarget(state.services['db']!));
	state = reduceUp(state, {type: 'timed-out', atMs: 9000, afterMs: 8000});
	t.is(state.services['db']?.phase, 'healthy');
	t.is(state.services['migrate']?.phase, 'failed', 'never prepared');
	t.is(state.services['migrate']?.reason, 'not ready after 8s');
	t.true(isFinished(state));
});

test('a die before the start call returns is not overwritten by the start', t => {
	let state = run([prepared('web'), {type: 'phase', service: 'web', phase: 'starting'}]);
	state = reduceUp(state, {type: 'died', containerId: 'web-id', exitCode: 1, atMs: 3000});
	state = reduceUp(state, {type: 'running', service: 'web', healthyIds: [], atMs: 3001});
	t.is(state.services['web']?.phase, 'failed');
});

test('events of containers the run does not own are ignored (the old container of a recreate)', t => {
	const state = run(allPrepared);
	t.is(reduceUp(state, {type: 'died', containerId: 'old-db', exitCode: 137, atMs: 5000}), state);
});
