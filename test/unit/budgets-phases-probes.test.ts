import test from 'ava';
import type {PhaseDefinition, ProbeDefinition} from '../../source/profile/types.js';
import {meterOf} from '../../source/stack/budgets.js';
import {StackMonitor, type MonitorEvent} from '../../source/stack/monitor.js';
import {phaseAt} from '../../source/stack/phase-clock.js';
import {base, budgets, mib, run, stack, trackOf} from '../helpers/budget-fixture.js';

const phases: PhaseDefinition[] = [
	{name: 'load', fromMs: undefined, untilMs: undefined, whileStep: 'load'},
	{name: 'warmup', fromMs: undefined, untilMs: 60_000, whileStep: undefined},
	{name: 'idle', fromMs: undefined, untilMs: undefined, whileStep: undefined},
];

test('the phase is the first definition that holds: while a step runs, by time, or always', t => {
	t.is(phaseAt(phases, 0, new Set()), 'warmup');
	t.is(phaseAt(phases, 60_000, new Set()), 'idle');
	t.is(phaseAt(phases, 30_000, new Set(['load'])), 'load');
	t.is(phaseAt(phases.slice(0, 2), 120_000, new Set()), null);
	t.is(phaseAt([{name: 'late', fromMs: 60_000, untilMs: 120_000, whileStep: undefined}], 59_999, new Set()), null);
});

const phased = {
	budgets: budgets({
		services: {db: {memoryBytes: 500 * mib}},
		phases: {idle: {stack: {}, services: {db: {memoryBytes: 200 * mib, written: {memory: '200MiB'}}}}},
	}),
};
const db = (memory: number) => stack({id: 'db1', service: 'db', memory: memory * mib});

test('phase budgets hold only in their phase: the idle limit breaches while idle, not under load, and the breach ends with the phase', t => {
	const states = run(phased, [
		[0, db(300), {phase: 'idle'}],
		[10_000, db(300), {phase: 'idle'}],
		[20_000, db(300), {phase: 'load'}],
		[30_000, db(300), {phase: 'load'}],
	]);
	t.like(trackOf(states[1], 'memory:db@idle'), {level: 'breach', phase: 'idle', written: '200MiB'});
	t.like(states[2]!.warnings[0], {budgetId: 'memory:db@idle', phase: 'idle', endedAt: base + 20_000});
	t.like(trackOf(states[3], 'memory:db@idle'), {level: 'ok', status: 'breached', evaluatedMs: 10_000});
	t.like(trackOf(states[3], 'memory:db'), {status: 'held', evaluatedMs: 30_000});
	t.like(meterOf(states[1]!, 'db', 'memory'), {budget: 200 * mib, level: 'over'}, 'the meter shows the stricter budget in force');
	t.like(meterOf(states[3]!, 'db', 'memory'), {budget: 500 * mib, level: 'ok'});
});

test('a phase budget never active is not evaluated', t => {
	const states = run(phased, [[0, db(100), {phase: 'load'}], [10_000, db(100), {phase: 'load'}]]);
	t.is(trackOf(states[1], 'memory:db@idle')?.status, 'not-evaluated');
});

test('the monitor switches phase by time and while a step runs, and says so', t => {
	const monitor = new StackMonitor({budgets: budgets(), probes: [], soak: {durationMs: undefined, steps: []}, phases}, [], base);
	const events: MonitorEvent[] = [];
	monitor.subscribe(event => events.push(event));
	monitor.evaluate(base, stack());
	monitor.evaluate(base + 61_000, stack());
	monitor.stepStarted('load');
	monitor.evaluate(base + 62_000, stack());
	monitor.stepEnded('load', true);
	monitor.evaluate(base + 63_000, stack());
	t.deepEqual(
		events.filter(event => event.type === 'phase').map(event => event.type === 'phase' && [event.phase, event.previous, event.reason]),
		[['warmup', null, 'start'], ['idle', 'warmup', 'time'], ['load', 'idle', 'step-started'], ['idle', 'load', 'step-ended']],
	);
});

const probe: ProbeDefinition = {
	name: 'ping', service: 'redis', kind: 'exec', command: ['redis-cli', 'ping'], url: undefined, address: undefined, expect: 'PONG',
	intervalMs: 1000, timeoutMs: 500, after: undefined, successRatio: 0.99, latency: {p95: 50}, written: {success: '99%', p95: '50ms'},
};

test('probe budgets: the success share and a latency percentile over the run', t => {
	const results = (from: number, count: number, isOk: boolean, latencyMs: number) =>
		Array.from({length: count}, (_, index) => ({at: base + from + index, probe: 'ping', isOk, latencyMs, ...(isOk ? {} : {error: 'Connection refused'})}));
	const states = run({budgets: budgets(), probes: [probe]}, [
		[0, stack(), {probes: results(0, 98, true, 10)}],
		[1000, stack(), {probes: [...results(1000, 2, false, 500), ...results(2000, 2, true, 200)]}],
	]);
	t.like(trackOf(states[0], 'probe-success:ping'), {status: 'held', observed: 1, note: '98 of 98 checks succeeded'});
	t.like(trackOf(states[1], 'probe-success:ping'), {status: 'breached', note: '100 of 102 checks succeeded'});
	t.true(Math.abs((trackOf(states[1], 'probe-success:ping')?.observed ?? 0) - 100 / 102) < 1e-9);
	const latency = trackOf(states[1], 'probe-latency:ping:p95');
	t.is(latency?.status, 'held');
	t.true((latency?.observed ?? 0) >= 10 && (latency?.observed ?? 0) < 10.5, `p95 ${latency?.observed}`);
	t.true(states[1]!.warnings.some(warning => warning.budgetId === 'probe-success:ping'));
});

test('a leak budget flags steady growth after the warm-up, not a one-off spike', t => {
	const plan = {budgets: budgets({sustainMs: 10_000, leak: {bytesPerHour: 10 * mib, windowMs: 600_000, warmupMs: 60_000}}), services: ['grow', 'spike']};
	const steps = [];
	for (let at = 0; at <= 900_000; at += 2000) {
		const grow = 50 * mib + (at * 100 * mib) / 3_600_000;
		const spike = at > 400_000 && at < 420_000 ? 400 * mib : 50 * mib;
		steps.push([at, stack({id: 'g', service: 'grow', memory: grow}, {id: 's', service: 'spike', memory: spike})] as const);
	}

	const last = run(plan, steps).at(-1);
	const grow = trackOf(last, 'leak:grow');
	t.like(grow, {status: 'breached', level: 'breach'});
	t.true((grow?.observed ?? 0) > 80 * mib && (grow?.observed ?? 0) < 120 * mib, `slope ${(grow?.observed ?? 0) / mib} MiB/h`);
	t.like(trackOf(last, 'leak:spike'), {status: 'held', level: 'ok'});
	t.true(last!.warnings.some(warning => warning.kind === 'leak' && warning.subject === 'grow' && /grows at most/.test(warning.message)));
});
