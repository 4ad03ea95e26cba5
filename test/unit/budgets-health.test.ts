import test from 'ava';
import {activeWarnings} from '../../source/stack/budgets.js';
import {base, budgets, run, stack, trackOf, type Item} from '../helpers/budget-fixture.js';

const pg = (overrides: Partial<Item> = {}): Item => ({id: 'pg', service: 'postgres', health: 'starting', ...overrides});
const ch = (overrides: Partial<Item> = {}): Item => ({id: 'ch', service: 'clickhouse', health: 'starting', ...overrides});
const startupPlan = {budgets: budgets({startupMs: 60_000, services: {clickhouse: {startupMs: 40_000}}}), services: ['clickhouse', 'postgres']};

test('startup: a service not healthy within its budget warns, dated from its start; the per-service budget wins', t => {
	const starting = stack(pg(), ch());
	const states = run(startupPlan, [[0, stack()], [39_999, starting], [40_001, starting], [60_001, starting]]);
	t.deepEqual(states[1]!.warnings, []);
	t.like(activeWarnings(states[2]!)[0], {kind: 'startup', subject: 'clickhouse', container: 'demo-ch', startedAt: base, budget: 40_000});
	t.deepEqual(activeWarnings(states[3]!).map(warning => warning.subject), ['clickhouse', 'postgres']);
});

test('startup: the warning ends when the service is healthy; the time it took is the worst', t => {
	const states = run(startupPlan, [[0, stack()], [1000, stack(pg())], [61_000, stack(pg())], [75_000, stack(pg({health: 'healthy'}))]]);
	t.like(states[3]!.warnings[0], {endedAt: base + 75_000, peak: 75_000});
	t.like(trackOf(states[3], 'startup:postgres'), {status: 'breached', observed: 75_000});
});

test('startup: healthy in time holds; without a health check, running is healthy; unhealthy later is no startup matter', t => {
	const plan = {budgets: budgets({startupMs: 60_000}), services: ['postgres', 'web']};
	const states = run(plan, [
		[0, stack()],
		[10_000, stack(pg({health: 'healthy'}), {id: 'web', service: 'web'})],
		[120_000, stack(pg({health: 'unhealthy'}), {id: 'web', service: 'web'})],
	]);
	t.deepEqual(states[2]!.warnings, []);
	t.like(trackOf(states[2], 'startup:postgres'), {status: 'held', observed: 10_000});
	t.like(trackOf(states[2], 'startup:web'), {status: 'held', observed: 0});
});

test('startup: a new run starts a new clock, and a stopped container ends its warning', t => {
	const states = run(startupPlan, [
		[0, stack()],
		[61_000, stack(pg())],
		[300_000, stack(pg({startedAt: 300_000}))],
		[360_001, stack(pg({startedAt: 300_000}))],
		[361_000, stack(pg({startedAt: 300_000, state: 'exited'}))],
	]);
	t.is(states[2]!.warnings[0]!.endedAt, base + 300_000, 'the restart ends the first run\'s warning');
	t.like(activeWarnings(states[3]!)[0], {id: 2, startedAt: base + 300_000});
	t.is(states[4]!.warnings[1]!.endedAt, base + 361_000);
});

test('stack startup: from up until every expected service is up, shown as "stack healthy in N s / limit"', t => {
	const plan = {budgets: budgets({stack: {startupMs: 60_000}}), services: ['clickhouse', 'postgres']};
	const up = {notes: [{type: 'stack-start' as const, at: base, cause: 'up' as const}]};
	const states = run(plan, [
		[0, stack(), up],
		[5000, stack(pg({startedAt: 1000}))],
		[12_000, stack(pg({startedAt: 1000, health: 'healthy'}), ch({startedAt: 2000, health: 'healthy'}))],
	]);
	t.like(trackOf(states[1], 'stack-startup:stack'), {note: 'stack starting 5 s / 60 s'});
	t.like(trackOf(states[2], 'stack-startup:stack'), {status: 'held', observed: 12_000, note: 'stack healthy in 12 s / 60 s'});
	t.like(states[2]!.stackStartup, {cause: 'up', elapsedMs: 12_000, limitMs: 60_000});
	const slow = run(plan, [[0, stack(), up], [61_000, stack(pg())], [70_000, stack(pg({health: 'healthy'}), ch({health: 'healthy'}))]]);
	t.like(trackOf(slow[2], 'stack-startup:stack'), {status: 'breached', observed: 70_000});
	t.like(slow[1]!.warnings[0], {kind: 'stack-startup', startedAt: base});
});

test('stack startup: a stack already up when watching began is not timed, and says why', t => {
	const plan = {budgets: budgets({stack: {startupMs: 60_000}}), services: ['postgres']};
	const [state] = run(plan, [[0, stack(pg({health: 'healthy'}))]]);
	t.like(trackOf(state, 'stack-startup:stack'), {status: 'not-evaluated'});
	t.regex(trackOf(state, 'stack-startup:stack')?.note ?? '', /--up/);
});

test('first try: a run that went unhealthy, or had failed checks before its first success, fails; others pass', t => {
	const plan = {budgets: budgets({firstTryRatio: 1, written: {first_try: '100%'}}), services: ['clickhouse', 'postgres']};
	const states = run(plan, [
		[0, stack()],
		[1000, stack(pg(), ch())],
		[20_000, stack(pg({health: 'healthy'}), ch({health: 'healthy', healthFailures: 2}))],
	]);
	t.like(trackOf(states[2], 'first-try-health:postgres'), {status: 'held', observed: 1});
	t.like(trackOf(states[2], 'first-try-health:clickhouse'), {status: 'breached', observed: 0, note: '0 of 1 runs healthy on the first try'});
	const unhealthy = run(plan, [[0, stack()], [1000, stack(pg())], [30_000, stack(pg({health: 'unhealthy'}))], [60_000, stack(pg({health: 'healthy'}))]]);
	t.like(trackOf(unhealthy[3], 'first-try-health:postgres'), {status: 'breached', observed: 0});
});

test('first try: runs already healthy when watching began are not counted', t => {
	const plan = {budgets: budgets({firstTryRatio: 1}), services: ['postgres']};
	const [state] = run(plan, [[0, stack(pg({health: 'healthy', healthFailures: 3}))]]);
	t.is(trackOf(state, 'first-try-health:postgres')?.status, 'not-evaluated');
});

test('uptime: healthy time over observed time from the first healthy moment, planned downtime left out', t => {
	const plan = {budgets: budgets({uptimeRatio: 0.99}), services: ['postgres']};
	const healthy = stack(pg({health: 'healthy'}));
	const sick = stack(pg({health: 'unhealthy'}));
	const states = run(plan, [
		[0, stack(pg())], // Starting: not counted yet.
		[30_000, healthy],
		[1_030_000, sick], // 1000 s healthy.
		[1_035_000, healthy], // 5 s unhealthy: 1000/1005 = 99.5 %.
		[1_036_000, healthy, {notes: [{type: 'service-down', at: base + 1_036_000, service: 'postgres', cause: 'step-1'}]}],
		[1_040_000, stack(pg({state: 'exited'}))],
		[1_050_000, stack(pg({startedAt: 1_050_000}))],
		[1_060_000, stack(pg({startedAt: 1_050_000, health: 'healthy'})), {notes: [{type: 'service-up', at: base + 1_050_000, service: 'postgres', cause: 'step-1'}]}],
		[1_070_000, stack(pg({startedAt: 1_050_000, health: 'healthy'}))],
	]);
	const ratio = trackOf(states.at(-1), 'uptime:postgres')?.observed ?? 0;
	t.true(Math.abs(ratio - 1011 / 1016) < 1e-9, `uptime ${ratio}`);
	t.is(trackOf(states.at(-1), 'uptime:postgres')?.status, 'held');
	t.is(trackOf(states[3], 'uptime:postgres')?.level, 'ok');
	const strict = run({...plan, budgets: budgets({uptimeRatio: 0.999})}, [[0, healthy], [1_000_000, sick], [1_005_000, healthy], [1_006_000, healthy]]);
	t.like(trackOf(strict.at(-1), 'uptime:postgres'), {status: 'breached'});
	t.true(strict.at(-1)!.warnings.some(warning => warning.kind === 'uptime'));
});

test('restarts: unexpected exits in a sliding window, so a crash loop breaches and a planned restart does not count', t => {
	const plan = {budgets: budgets({restarts: {max: 2, windowMs: 60_000}}), services: ['postgres']};
	const up = (at: number) => stack(pg({health: 'healthy', startedAt: at}));
	const down = (at: number) => stack(pg({health: 'healthy', startedAt: at, state: 'exited'}));
	const states = run(plan, [
		[0, up(0)],
		[10_000, down(0)],
		[11_000, up(11_000)],
		[20_000, up(20_000)], // Restarted between two looks.
		[30_000, down(20_000)], // A third exit within a minute: a crash loop.
		[31_000, up(31_000)],
		[200_000, up(31_000)],
	]);
	t.is(trackOf(states[3], 'restarts:postgres')?.level, 'near', 'two exits: at the limit');
	t.is(trackOf(states[4], 'restarts:postgres')?.level, 'breach');
	t.is(trackOf(states[6], 'restarts:postgres')?.level, 'ok', 'the window slid past the loop');
	t.like(trackOf(states[6], 'restarts:postgres'), {status: 'breached', note: '3 unexpected exits in the run'});
	const planned = run(plan, [
		[0, up(0)],
		[10_000, down(0), {notes: [{type: 'service-down', at: base + 9000, service: 'postgres', cause: 'step-1'}]}],
		[11_000, up(11_000), {notes: [{type: 'service-up', at: base + 11_000, service: 'postgres', cause: 'step-1'}]}],
		[12_000, down(11_000)],
	]);
	t.is(trackOf(planned.at(-1), 'restarts:postgres')?.note, '1 unexpected exits in the run', 'only the exit after it was up again counts');
});

test('OOM kills: counted once per kill, breached past the allowed number', t => {
	const plan = {budgets: budgets({oomKills: 0}), services: ['postgres']};
	const states = run(plan, [
		[0, stack(pg({health: 'healthy'}))],
		[5000, stack(pg({health: 'healthy', state: 'exited', isOomKilled: true}))],
		[6000, stack(pg({health: 'healthy', state: 'exited', isOomKilled: true}))],
	]);
	t.like(trackOf(states[2], 'oom:postgres'), {status: 'breached', observed: 1});
	t.like(activeWarnings(states[2]!)[0], {kind: 'oom', subject: 'postgres'});
});

test('recovery: the service healthy again within its startup budget and the others up meanwhile passes; otherwise fails', t => {
	const steps = [{index: 1, name: 'restart-redis', action: 'restart' as const, service: 'redis', command: undefined, atMs: 0, forMs: undefined}];
	const plan = {budgets: budgets({startupMs: 30_000}), services: ['postgres', 'redis'], steps};
	const redis = (overrides: Partial<Item> = {}): Item => ({id: 'rd', service: 'redis', health: 'healthy', ...overrides});
	const healthyPg = pg({health: 'healthy'});
	const notes = (at: number) => ({notes: [{type: 'service-down' as const, at: base + at, service: 'redis', cause: 'step-1', step: 1}, {type: 'service-up' as const, at: base + at + 500, service: 'redis', cause: 'step-1', step: 1}]});
	const good = run(plan, [[0, stack(healthyPg, redis())], [1000, stack(healthyPg, redis({startedAt: 1000, health: 'starting'})), notes(500)], [6000, stack(healthyPg, redis({startedAt: 1000}))]]);
	t.like(trackOf(good[2], 'recovery:restart-redis'), {status: 'held', observed: 5000});
	t.regex(trackOf(good[2], 'recovery:restart-redis')?.note ?? '', /healthy again in 5 s \/ 30 s; the others stayed healthy/);
	const othersDown = run(plan, [[0, stack(healthyPg, redis())], [1000, stack(pg({health: 'unhealthy'}), redis({startedAt: 1000, health: 'starting'})), notes(500)], [6000, stack(healthyPg, redis({startedAt: 1000}))]]);
	t.like(trackOf(othersDown[2], 'recovery:restart-redis'), {status: 'breached'});
	t.regex(trackOf(othersDown[2], 'recovery:restart-redis')?.note ?? '', /not healthy meanwhile: postgres/);
	const late = run(plan, [[0, stack(healthyPg, redis())], [1000, stack(healthyPg, redis({startedAt: 1000, health: 'starting'})), notes(500)], [40_000, stack(healthyPg, redis({startedAt: 1000, health: 'starting'}))]]);
	t.like(trackOf(late[1], 'recovery:restart-redis'), {level: 'ok'});
	t.like(trackOf(late[2], 'recovery:restart-redis'), {status: 'breached'});
});
