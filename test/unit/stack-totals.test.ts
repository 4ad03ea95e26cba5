import test from 'ava';
import type {StatsSample} from '../../source/engine/types.js';
import {type BudgetState, initialBudgetState} from '../../source/stack/budgets.js';
import {emptyHostStats} from '../../source/stack/host-stats.js';
import type {SessionView} from '../../source/stack/session.js';
import {stackTotals, warningCount} from '../../source/ui/dashboard-rows.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

function sample(cpuPercent: number | undefined, memoryBytes: number): StatsSample {
	return {read: '', cpuPercent, memoryBytes, memoryLimitBytes: 0, memoryPercent: 0, networkRxBytes: 0, networkTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 1};
}

function view(stats: ReadonlyMap<string, StatsSample>, budgets: BudgetState = initialBudgetState()): SessionView {
	return {
		state: {project: 'p', engine: 'connected', engineError: undefined, isListed: true, containers: new Map(), stats, lifecycle: initialLifecycle()},
		budgets,
		tunnels: [],
		host: emptyHostStats,
		pending: new Map(),
		message: undefined,
		startedAt: 0,
		now: 0,
	};
}

test('stack totals add up every running container, a first sample without CPU counting as 0 %', t => {
	const totals = stackTotals(view(new Map([['a', sample(50, 100)], ['b', sample(undefined, 28)], ['c', sample(125.5, 2)]])));
	t.is(totals.cpuPercent, 175.5);
	t.is(totals.memoryBytes, 130);
	t.is(totals.budgetStatus, 'none');
});

test('stack totals are unknown before any sample, and carry the stack budget and its worst level', t => {
	const budgets: BudgetState = {
		...initialBudgetState(),
		meters: [
			{service: undefined, resource: 'memory', value: 130, budget: 1000, level: 'ok'},
			{service: undefined, resource: 'cpu', value: 175, budget: 150, level: 'over'},
			{service: 'a', resource: 'cpu', value: 50, budget: 10, level: 'over'},
		],
	};
	const totals = stackTotals(view(new Map(), budgets));
	t.is(totals.cpuPercent, null);
	t.is(totals.memoryBytes, null);
	t.is(totals.memoryBudgetBytes, 1000);
	t.is(totals.cpuBudgetPercent, 150);
	t.is(totals.budgetStatus, 'over');
	const written = {...budgets, meters: budgets.meters.map(meter => (meter.service === undefined && meter.resource === 'memory' ? {...meter, written: '1kB'} : meter))};
	t.is(stackTotals(view(new Map(), written)).memoryBudgetText, '1kB', 'the budget as the profile wrote it');
	const calm = stackTotals(view(new Map(), {...budgets, meters: budgets.meters.map(meter => ({...meter, level: meter.service === undefined ? 'near' : 'over'}))}));
	t.is(calm.budgetStatus, 'near', 'a service over its own budget does not make the stack over');
});

test('the header counts active budget warnings and each container\'s OOM kills and crashes', t => {
	const incidents = [
		{id: 1, kind: 'oom-killed', service: 'loop', container: 'p-loop-1', containerId: 'l', exitCode: 137, at: 1},
		{id: 2, kind: 'oom-killed', service: 'loop', container: 'p-loop-1', containerId: 'l', exitCode: 137, at: 2},
		{id: 3, kind: 'crashed', service: 'crash', container: 'p-crash-1', containerId: 'c', exitCode: 137, at: 3},
	] as const;
	const base = view(new Map());
	t.is(warningCount(base), 0);
	const withIncidents = {...base, state: {...base.state, lifecycle: {...base.state.lifecycle, incidents}}};
	t.is(warningCount(withIncidents), 2, 'a loop of OOM kills is one warning, the crash another');
});
