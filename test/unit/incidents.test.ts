import {readFileSync} from 'node:fs';
import test from 'ava';
import {parseEvent} from '../../source/engine/events.js';
import type {ContainerInfo, EngineEvent} from '../../source/engine/types.js';
import {incidentLimit, restartCountOf} from '../../source/stack/incidents.js';
import {groupIncidents} from '../../source/stack/incident-groups.js';
import {type StackState, initialState, reduce} from '../../source/stack/model.js';
import {toServiceStatuses} from '../../source/stack/snapshot.js';
import {formatState} from '../../source/ui/format/status.js';

/** Events captured from dockerd 20.10 (scripts: see the note of issue 7): `docker events --format '{{json .}}'`. */
function captured(name: string): EngineEvent[] {
	return readFileSync(new URL(`../fixtures/events/${name}`, import.meta.url), 'utf8')
		.split('\n')
		.filter(Boolean)
		.map(line => parseEvent(line))
		.filter((event): event is EngineEvent => event !== undefined);
}

/** The container as the listing that came before its events: created, never started. */
function created(events: readonly EngineEvent[], overrides: Partial<ContainerInfo> = {}): ContainerInfo {
	const id = events[0]?.id ?? '';
	return {
		id,
		name: 'fixture-web-1',
		service: events[0]?.service ?? 'web',
		project: 'fixture',
		number: 1,
		image: 'stacktui-test/busybox:1',
		state: 'created',
		health: 'none',
		startedAt: undefined,
		finishedAt: undefined,
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: false,
		labels: {},
		...overrides,
	};
}

function replay(events: readonly EngineEvent[], container = created(events)): StackState {
	const listed = reduce(reduce(initialState('fixture'), {type: 'engine-connected'}), {type: 'containers-listed', containers: [container]});
	return events.filter(event => event.action !== 'create').reduce((state, event) => reduce(state, {type: 'engine-event', event}), listed);
}

function statusOf(state: StackState) {
	const [status] = toServiceStatuses(state, Date.now());
	if (status === undefined) throw new Error('no container');
	return status;
}

test('an OOM kill of the main process: oom then die 137 reads OOM killed, one incident with the exit code', t => {
	const state = replay(captured('oom-killed.ndjson'));
	t.like(statusOf(state), {state: 'exited', exitCode: 137, isOomKilled: true, restarts: 0});
	t.is(formatState(statusOf(state)), 'OOM killed');
	t.like(state.lifecycle.incidents, [{kind: 'oom-killed', exitCode: 137, service: 'oom'}]);
	t.is(state.lifecycle.incidents.length, 1);
});

test('an oom the engine reports after the die, or only an inspect that says OOMKilled: still one OOM kill, no crash', t => {
	const [start, oom, die] = captured('oom-killed.ndjson').filter(event => event.action !== 'create');
	const late = replay([start!, die!, {...oom!, timeNano: die!.timeNano + 5_000_000n}]);
	t.like(late.lifecycle.incidents, [{kind: 'oom-killed', exitCode: 137}]);
	t.is(late.lifecycle.incidents.length, 1);
	t.is(formatState(statusOf(late)), 'OOM killed');

	const withoutOom = replay([start!, die!]);
	t.like(withoutOom.lifecycle.incidents, [{kind: 'crashed'}]);
	const inspected = reduce(withoutOom, {type: 'container-inspected', container: {...withoutOom.containers.get(die!.id)!, isOomKilled: true}});
	t.like(inspected.lifecycle.incidents, [{kind: 'oom-killed', exitCode: 137}]);
	t.is(inspected.lifecycle.incidents.length, 1);
});

test('an oom event while PID 1 lives on: running (OOM), an OOM kill incident, no exit', t => {
	const state = replay(captured('oom-child.ndjson'));
	t.like(statusOf(state), {state: 'running', isOomKilled: false, hasOomKill: true});
	t.is(formatState(statusOf(state)), 'running (OOM)');
	t.like(state.lifecycle.incidents, [{kind: 'oom', exitCode: undefined}]);
});

test('a restart: always loop of OOM kills counts each restart and each kill', t => {
	const events = captured('oom-loop.ndjson');
	const state = replay(events);
	const starts = events.filter(event => event.action === 'start').length;
	t.is(starts, 6);
	t.is(statusOf(state).restarts, starts - 1, 'every start after the first is a restart');
	t.like(groupIncidents(state.lifecycle.incidents), [{kind: 'oom-killed', count: 6, exitCode: 137}]);
	t.like(statusOf(state), {state: 'exited', exitCode: 137, isOomKilled: true});
	const restarting = reduce(state, {type: 'container-inspected', container: {...created(events), state: 'restarting', exitCode: 137, isOomKilled: true, restartCount: 6, startedAt: '2026-01-01T10:00:00Z'}});
	t.is(formatState(statusOf(restarting)), 'restarting (OOM)');
	t.is(statusOf(restarting).restarts, 6, 'the engine\'s count wins when it saw more (a restart about to happen)');
});

test('a kill -9 of PID 1 from outside: die 137 without a stop request is a crash', t => {
	const state = replay(captured('crash-kill-9.ndjson'));
	t.is(formatState(statusOf(state)), 'exited (137)');
	t.like(state.lifecycle.incidents, [{kind: 'crashed', exitCode: 137}]);
});

test('docker stop that ends in SIGKILL, and docker restart, are asked for: no incident', t => {
	const stopped = replay(captured('stop-ignored-term.ndjson'));
	t.is(formatState(statusOf(stopped)), 'exited (137)');
	t.deepEqual(stopped.lifecycle.incidents, []);

	// Its kill → die → stop → start → restart of `docker restart`.
	const restartEvents = captured('lifecycle.ndjson')
		.filter(event => ['kill', 'die', 'stop', 'start', 'restart'].includes(event.action))
		.slice(1, 6);
	const running = {...created(restartEvents), state: 'running' as const, startedAt: '2026-01-01T10:00:00Z'};
	const restarted = replay(restartEvents, running);
	t.deepEqual(restarted.lifecycle.incidents, []);
	t.is(statusOf(restarted).restarts, 1, 'docker restart counts, though the engine\'s RestartCount does not');
});

test('the engine\'s count from before stacktui watched is kept; a lower engine count (reset by a manual restart) does not lower it', t => {
	const events = captured('crash-kill-9.ndjson');
	const container = {...created(events), state: 'exited' as const, startedAt: '2026-01-01T10:00:00Z', restartCount: 4};
	const start = {...events[1]!, action: 'start'};
	let state = replay([start], container);
	t.is(restartCountOf(state.lifecycle, state.containers.get(container.id)!), 5);
	state = reduce(state, {type: 'container-inspected', container: {...container, state: 'running', restartCount: 0}});
	t.is(statusOf(state).restarts, 5);
});

test('held events of the run the listing already shows do not count as restarts', t => {
	const events = captured('oom-loop.ndjson');
	const running = {...created(events), state: 'running' as const, startedAt: '2026-01-01T10:00:00Z'};
	const state = replay(events.slice(1, 2), running);
	t.is(statusOf(state).restarts, 0);
});

test('incidents are bounded: the oldest go first', t => {
	const events = captured('crash-kill-9.ndjson');
	let state = replay([], {...created(events), state: 'running', startedAt: '2026-01-01T10:00:00Z'});
	const die = events.find(event => event.action === 'die')!;
	const start = events.find(event => event.action === 'start')!;
	for (let index = 0; index < incidentLimit + 20; index += 1) {
		state = [die, start].reduce((current, event) => reduce(current, {type: 'engine-event', event}), state);
	}

	t.is(state.lifecycle.incidents.length, incidentLimit);
	t.is(state.lifecycle.incidents[0]?.id, 21);
	t.is(statusOf(state).restarts, incidentLimit + 20);
});

test('a destroyed container forgets its runs but keeps its incidents', t => {
	const events = captured('crash-kill-9.ndjson');
	const state = reduce(replay(events), {type: 'engine-event', event: {...events[0]!, action: 'destroy'}});
	t.is(state.lifecycle.runs.size, 0);
	t.is(state.lifecycle.incidents.length, 1);
});
