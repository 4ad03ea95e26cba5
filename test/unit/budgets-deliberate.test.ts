import test from 'ava';
import type {StatsSample} from '../../source/engine/types.js';
import type {Budgets} from '../../source/profile/types.js';
import {type BudgetState, evaluateBudgets, initialBudgetState} from '../../source/stack/budgets.js';
import type {StackState} from '../../source/stack/model.js';
import {container} from '../ui/fake-session.js';

const mib = 1024 * 1024;
const budgets: Budgets = {sustainMs: 2000, startupMs: 1000, stack: {}, services: {cache: {memoryBytes: 64 * mib}}};

function sample(memoryBytes: number): StatsSample {
	return {read: '', cpuPercent: 1, memoryBytes, memoryLimitBytes: 0, memoryPercent: 0, networkRxBytes: 0, networkTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 1};
}

/** The cache container in a state of its restart: running with a sample, stopped, or running without one yet. */
function stack(phase: 'running' | 'stopped' | 'started', health: 'none' | 'starting' | 'healthy' = 'none', run = 'run-1'): StackState {
	const cache = container('cache', {state: phase === 'stopped' ? 'exited' : 'running', exitCode: phase === 'stopped' ? 0 : undefined, health, startedAt: run === 'run-1' ? '2024-05-01T10:00:00Z' : '2024-05-01T10:00:05Z'});
	return {project: 'demo', engine: 'connected', engineError: undefined, isListed: true, containers: new Map([[cache.id, cache]]), stats: new Map(phase === 'running' ? [[cache.id, sample(96 * mib)]] : [])};
}

/** A stack restart of a cache over its memory budget, one evaluation per second; `isOnPurpose` marks the restart as stacktui's. */
function restartOverBudget(isOnPurpose: boolean): BudgetState {
	const onPurpose = new Set(isOnPurpose ? ['id-cache'] : []);
	const steps: Array<[number, StackState, ReadonlySet<string>]> = [
		[0, stack('running'), new Set()],
		[1000, stack('running'), new Set()],
		[3000, stack('running'), new Set()],
		[4000, stack('stopped'), onPurpose],
		[5000, stack('started', 'none', 'run-2'), onPurpose],
		[6000, stack('running', 'none', 'run-2'), new Set()],
		[9000, stack('running', 'none', 'run-2'), new Set()],
	];
	return steps.reduce<BudgetState>((state, [now, current, deliberateIds]) => evaluateBudgets(state, {now, state: current, budgets, deliberateIds}), initialBudgetState());
}

test('one ongoing breach through a restart on purpose stays one warning, still active', t => {
	const state = restartOverBudget(true);
	t.is(state.warnings.length, 1, JSON.stringify(state.warnings));
	t.is(state.warnings[0]?.endedAt, undefined);
	t.is(state.warnings[0]?.kind, 'memory');
});

test('the same restart not sent by stacktui (a crash) still ends the breach: the container did stop', t => {
	const state = restartOverBudget(false);
	t.is(state.warnings.filter(warning => warning.kind === 'memory').length, 2);
});

test('no startup warning while a container is restarting on purpose; one when it is still not healthy after', t => {
	const run2 = Date.parse('2024-05-01T10:00:05Z');
	const deliberate = new Set(['id-cache']);
	let state = evaluateBudgets(initialBudgetState(), {now: run2 + 3000, state: stack('started', 'starting', 'run-2'), budgets, deliberateIds: deliberate});
	t.deepEqual(state.warnings, [], 'three times its startup budget, but restarting on purpose');
	state = evaluateBudgets(state, {now: run2 + 4000, state: stack('started', 'starting', 'run-2'), budgets, deliberateIds: new Set()});
	t.deepEqual(state.warnings.map(warning => warning.kind), ['startup'], 'the restart is over and it is still not healthy');
});
