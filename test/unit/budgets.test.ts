import test from 'ava';
import {activeWarnings, meterOf} from '../../source/stack/budgets.js';
import {base, budgets, mib, run, stack, trackOf, type Step} from '../helpers/budget-fixture.js';

const plan = {budgets: budgets({services: {db: {memoryBytes: 100 * mib, written: {memory: '100MiB'}}}})};
const db = (memory: number | undefined): Step[1] => stack({id: 'db1', service: 'db', ...(memory === undefined ? {} : {memory: memory * mib})});

test('a breach warns exactly when it has lasted the sustain time, not a millisecond earlier', t => {
	const states = run(plan, [[1000, db(150)], [10_999, db(150)], [11_000, db(150)]]);
	t.is(meterOf(states[0]!, 'db', 'memory')?.level, 'over');
	t.is(trackOf(states[0], 'memory:db')?.level, 'over', 'over, not yet a breach');
	t.deepEqual(states[1]!.warnings, []);
	t.like(states[2]!.warnings[0], {id: 1, kind: 'memory', budgetId: 'memory:db', service: 'db', subject: 'db', budget: 100 * mib, written: '100MiB', startedAt: base + 1000, peak: 150 * mib, current: 150 * mib, durationMs: 10_000, endedAt: undefined});
	t.is(trackOf(states[2], 'memory:db')?.level, 'breach');
});

test('every warning says what, which service, since when, the worst and current value, and the budget', t => {
	const states = run(plan, [[0, db(150)], [10_000, db(160)], [12_000, db(140)]]);
	t.is(states[2]!.warnings[0]?.message, `db memory at most 100MiB: 140MiB now, worst 160MiB, since ${new Date(base).toTimeString().slice(0, 8)}`);
});

test('a brief excursion does not warn, and a new one starts its own sustain clock', t => {
	const states = run(plan, [[0, db(150)], [5000, db(90)], [6000, db(150)], [15_999, db(150)], [16_000, db(150)]]);
	t.is(meterOf(states[1]!, 'db', 'memory')?.level, 'near');
	t.deepEqual(states[3]!.warnings, []);
	t.is(states[4]!.warnings[0]?.startedAt, base + 6000);
});

test('the peak covers the whole breach, before and after the warning is raised', t => {
	const states = run(plan, [[0, db(150)], [4000, db(300)], [8000, db(200)], [10_000, db(180)], [12_000, db(400)], [14_000, db(250)]]);
	t.is(states[3]!.warnings[0]!.peak, 300 * mib);
	t.is(states[5]!.warnings[0]!.peak, 400 * mib);
	t.is(states[5]!.warnings[0]!.durationMs, 14_000);
	t.deepEqual(trackOf(states[5], 'memory:db')?.breaches, [{from: base, to: null, peak: 400 * mib}]);
});

test('hysteresis: a value hovering at the limit is one breach; it ends only after staying under the clear line for the clear time', t => {
	const hovering = {budgets: budgets({hysteresis: 0.1, clearMs: 5000, services: {db: {memoryBytes: 100 * mib}}})};
	const states = run(hovering, [
		[0, db(105)],
		[10_000, db(105)], // Sustained: a breach.
		[11_000, db(99)], // Under the limit but above the clear line (90): still the same breach.
		[12_000, db(104)],
		[13_000, db(89)], // Past the clear line: clearing begins.
		[15_000, db(95)], // Back above it: clearing starts over.
		[16_000, db(80)],
		[20_999, db(80)],
		[21_000, db(80)], // 5 s under the clear line: ended, dated when it cleared.
	]);
	t.is(states.at(-1)!.warnings.length, 1, 'one warning for the whole hover');
	t.deepEqual(states.slice(1, 8).map(state => activeWarnings(state).length), [1, 1, 1, 1, 1, 1, 1]);
	t.like(states.at(-1)!.warnings[0], {endedAt: base + 16_000, durationMs: 16_000, peak: 105 * mib});
	t.deepEqual(trackOf(states.at(-1), 'memory:db')?.breaches, [{from: base, to: base + 16_000, peak: 105 * mib}]);
	t.is(trackOf(states.at(-1), 'memory:db')?.status, 'breached', 'a breach that ended still fails the budget');
});

test('without hysteresis a breach ends at the first evaluation under the budget; the next is a new warning', t => {
	const states = run(plan, [[0, db(150)], [10_000, db(150)], [21_000, db(99)], [25_000, db(120)], [35_000, db(130)]]);
	t.like(states[2]!.warnings[0], {endedAt: base + 21_000, durationMs: 21_000});
	t.like(states[4]!.warnings[1], {id: 2, startedAt: base + 25_000, peak: 130 * mib, endedAt: undefined});
	t.is(trackOf(states[4], 'memory:db')?.breaches.length, 2);
});

test('a running container without a sample keeps the breach going rather than ending it', t => {
	const states = run(plan, [[0, db(150)], [5000, db(undefined)], [10_000, db(150)]]);
	t.is(states[2]!.warnings[0]?.startedAt, base);
});

test('replicas of a service are summed for memory and CPU; stopped ones use nothing', t => {
	const web = {budgets: budgets({services: {web: {memoryBytes: 100 * mib, cpuPercent: 60}}})};
	const [state] = run(web, [[0, stack({id: 'w1', service: 'web', memory: 85 * mib, cpu: 30}, {id: 'w2', service: 'web', memory: 50 * mib, cpu: 40})]]);
	t.like(meterOf(state!, 'web', 'memory'), {value: 135 * mib, budget: 100 * mib, level: 'over'});
	t.like(meterOf(state!, 'web', 'cpu'), {value: 70, budget: 60, level: 'over'});
	const [alone] = run(web, [[0, stack({id: 'w1', service: 'web', memory: 85 * mib, cpu: 30}, {id: 'w2', service: 'web', state: 'exited'})]]);
	t.like(meterOf(alone!, 'web', 'memory'), {value: 85 * mib, level: 'near'});
});

test('the stack total sums running containers only, CPU as docker stats adds it (200 = two cores)', t => {
	const stackPlan = {budgets: budgets({stack: {memoryBytes: 1000 * mib, cpuPercent: 200}})};
	const busy = stack({id: 'a', service: 'api', memory: 300 * mib, cpu: 150}, {id: 'b', service: 'worker', memory: 400 * mib, cpu: 80}, {id: 'c', service: 'old', memory: 900 * mib, cpu: 90, state: 'exited'});
	const states = run(stackPlan, [[0, busy], [10_000, busy]]);
	t.like(meterOf(states[0]!, undefined, 'cpu'), {value: 230, budget: 200, level: 'over'});
	t.like(meterOf(states[0]!, undefined, 'memory'), {value: 700 * mib, level: 'ok'});
	t.deepEqual(activeWarnings(states[1]!).map(warning => [warning.kind, warning.subject]), [['cpu', 'stack']]);
});

test('near starts at the configured fraction of the budget; at the budget is not over it', t => {
	const at = (cpu: number, nearFraction = 0.8) => meterOf(run({budgets: budgets({nearFraction, stack: {cpuPercent: 200}})}, [[0, stack({id: 'a', service: 'api', memory: 1, cpu})]])[0]!, undefined, 'cpu')?.level;
	t.is(at(159), 'ok');
	t.is(at(160), 'near');
	t.is(at(200), 'near');
	t.is(at(140, 0.7), 'near');
});

test('host budgets: free memory and disk at least, breached when they fall under', t => {
	const host = {budgets: budgets({host: {memoryFreeBytes: 1024 * mib, diskFreeBytes: 5000 * mib}})};
	const states = run(host, [
		[0, stack(), {host: {memoryFreeBytes: 2048 * mib, diskFreeBytes: 4000 * mib}}],
		[10_000, stack(), {host: {memoryFreeBytes: 2048 * mib, diskFreeBytes: 3000 * mib}}],
	]);
	t.is(trackOf(states[1], 'host-memory:host')?.status, 'held');
	t.like(trackOf(states[1], 'host-disk:host'), {status: 'breached', observed: 3000 * mib, comparison: 'at-least'});
});

test('a budget with no data is not evaluated', t => {
	const states = run({budgets: budgets({host: {memoryFreeBytes: 1}})}, [[0, stack()], [5000, stack()]]);
	t.like(trackOf(states[1], 'host-memory:host'), {status: 'not-evaluated', evaluatedMs: 0});
});

test('history keeps the last 200 warnings by default, and never drops an active one', t => {
	const steps: Step[] = [];
	for (let index = 0; index < 250; index++) steps.push([index * 100_000, db(150)], [index * 100_000 + 10_000, db(150)], [index * 100_000 + 20_000, db(10)]);
	const last = run(plan, steps).at(-1)!;
	t.is(last.warnings.length, 200);
	t.is(last.warnings[0]!.id, 51);
	t.is(last.warnings.at(-1)!.id, 250);
});

test('results are new objects: an earlier result does not change', t => {
	const states = run(plan, [[0, db(150)], [10_000, db(150)]]);
	t.deepEqual(states[0]!.warnings, []);
	t.is(states[1]!.warnings.length, 1);
});

test('a container restarting on purpose holds its service\'s and the stack\'s budgets: no warning raised, an ongoing one not ended', t => {
	const both = {budgets: budgets({stack: {memoryBytes: 1000 * mib}, services: {db: {memoryBytes: 100 * mib}, web: {memoryBytes: 100 * mib}}})};
	const state = (database: number, web: number) => stack({id: 'db1', service: 'db', memory: database * mib}, {id: 'web1', service: 'web', memory: web * mib});
	const held = {deliberateIds: new Set(['db1'])};
	const states = run(both, [
		[0, state(150, 150)],
		[10_000, state(150, 150), held],
		[20_000, state(10, 150), held], // db restarting: its drop does not end its breach.
		[30_000, state(150, 150)],
	]);
	t.deepEqual(activeWarnings(states[1]!).map(warning => warning.subject), ['web'], 'db over for 10 s while restarting raises nothing');
	t.deepEqual(activeWarnings(states[2]!).map(warning => warning.subject), ['web']);
	t.is(trackOf(states[2], 'memory:db')?.level, 'over', 'held as it was');
	t.deepEqual(activeWarnings(states[3]!).map(warning => warning.subject).sort(), ['db', 'web'], 'once done, the breach that began at 0 s is sustained');
	t.is(states[3]!.warnings.find(warning => warning.subject === 'db')?.startedAt, base);
});
