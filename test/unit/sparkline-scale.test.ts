import test from 'ava';
import type {ContainerInfo, StatsSample} from '../../source/engine/types.js';
import {initialBudgetState} from '../../source/stack/budgets.js';
import {StackHistory} from '../../source/stack/history.js';
import {initialState} from '../../source/stack/model.js';
import type {SessionView} from '../../source/stack/session.js';
import type {Profile} from '../../source/profile/types.js';
import {dashboardRows} from '../../source/ui/dashboard-rows.js';
import {cpuScale, formatSparkline, memoryScale} from '../../source/ui/format/sparkline.js';

const kibibyte = 1024;
const gibibyte = 1024 ** 3;

test('CPU bars are scaled to the budget, else the container\'s CPU limit, else one core', t => {
	t.is(cpuScale({budgetPercent: 10, limitPercent: 25}), 10);
	t.is(cpuScale({limitPercent: 25}), 25);
	t.is(cpuScale({}), 100);
});

test('memory bars are scaled to the budget, else the container\'s limit, else the host\'s memory', t => {
	t.is(memoryScale({budgetBytes: 200e6, limitBytes: 64 * 1024 ** 2, hostBytes: 23 * gibibyte}), 200e6);
	t.is(memoryScale({limitBytes: 64 * 1024 ** 2, hostBytes: 23 * gibibyte}), 64 * 1024 ** 2);
	t.is(memoryScale({hostBytes: 23 * gibibyte}), 23 * gibibyte);
	t.is(memoryScale({}), undefined, 'nothing known yet: no scale, no bars made up');
});

test('a flat series looks flat and low; a small CPU use looks small, never like a peak', t => {
	const flat = Array.from({length: 10}, () => 316 * kibibyte);
	t.is(formatSparkline(flat, {width: 10, maximum: memoryScale({hostBytes: 23.54 * gibibyte})!}), '▁▁▁▁▁▁▁▁▁▁');
	t.is(formatSparkline([0.13, 0.1, 0.13, 0.12], {width: 4, maximum: cpuScale({})}), '▁▁▁▁');
	t.is(formatSparkline([50, 50, 100], {width: 3, maximum: cpuScale({})}), '▅▅█');
	t.is(formatSparkline([50, 250], {width: 2, maximum: cpuScale({})}), '▅█', 'past the scale: a full bar, the others keep their height');
});

function sample(cpuPercent: number, memoryBytes: number): StatsSample {
	return {read: '', cpuPercent, memoryBytes, memoryLimitBytes: 23.54 * gibibyte, memoryPercent: 0, networkRxBytes: 0, networkTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 1};
}

test('the table rows carry each container\'s scales: its budget, its limits, or one core and the host', t => {
	const container = (id: string, service: string, limits: Partial<ContainerInfo> = {}): ContainerInfo => ({
		id, name: `p-${service}-1`, service, project: 'p', number: 1, image: 'i', state: 'running', health: 'none', startedAt: '2024-05-01T10:00:00Z',
		finishedAt: undefined, exitCode: undefined, restartCount: 0, isOomKilled: false, labels: {}, ...limits,
	});
	const containers = [container('a', 'idle'), container('b', 'capped', {cpuLimitPercent: 25, memoryLimitBytes: 64 * 1024 ** 2}), container('c', 'budgeted')];
	const state = {...initialState('p'), containers: new Map(containers.map(item => [item.id, item])), stats: new Map(containers.map(item => [item.id, sample(0.13, 316 * kibibyte)]))};
	const history = new StackHistory();
	for (const item of containers) for (let second = 0; second < 5; second += 1) history.record(item.id, second * 1000, sample(0.13, 316 * kibibyte));
	const view = {state, budgets: initialBudgetState(), tunnels: [], host: {memoryTotalBytes: 23.54 * gibibyte}, pending: new Map(), message: undefined, startedAt: 0, now: 5000} as unknown as SessionView;
	const profile = {budgets: {sustainMs: 0, startupMs: undefined, stack: {}, services: {budgeted: {memoryBytes: 200e6, cpuPercent: 50, written: {memory: '200MB', cpu: '50%'}}}}} as unknown as Profile;
	const rows = new Map(dashboardRows(view, profile, history).map(row => [row.status.service, row]));
	t.like(rows.get('idle'), {cpuScale: 100, memoryScale: 23.54 * gibibyte});
	t.like(rows.get('capped'), {cpuScale: 25, memoryScale: 64 * 1024 ** 2});
	t.like(rows.get('budgeted'), {cpuScale: 50, memoryScale: 200e6, memoryBudgetText: '200MB'});
});
