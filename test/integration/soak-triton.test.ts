import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {readRecord} from '../../source/soak/read-record.js';
import {runCli} from '../helpers/cli.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

// The Triton seed's plan on the stand-ins (scripts/build-standins.sh). Its host ports are fixed
// (15432, 15123, 15379, 15566): run under the engine lock, one project at a time.
const {docker} = await connectForTests();
const directory = mkdtempSync(path.join(os.tmpdir(), 'stt-soak-triton-'));
const passing = newProjectName('triton-pass');
const tightened = newProjectName('triton-tight');

test.after.always(async () => {
	await removeComposeProject(docker, passing);
	await removeComposeProject(docker, tightened);
	rmSync(directory, {recursive: true, force: true});
});

test.serial('stacktui soak triton --up passes on the stand-ins: every budget it could evaluate held', async t => {
	const record = path.join(directory, 'pass');
	const result = await runCli(['soak', 'triton', '--project', passing, '--duration', '60s', '--up', '--record', record], {}, 240_000);
	await removeComposeProject(docker, passing);
	t.is(result.code, 0, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
	t.regex(result.stdout, /verdict: HELD/);
	const {verdict} = await readRecord(record);
	const budget = (id: string) => verdict.budgets.find(item => item.id === id);
	t.like(budget('stack-startup:stack'), {status: 'held'});
	t.true((budget('stack-startup:stack')?.observed ?? 60_000) < 60_000);
	t.regex(budget('stack-startup:stack')?.note ?? '', /^stack healthy in \d+ s \/ 60 s$/);
	for (const service of ['postgres', 'clickhouse', 'redis', 'localstack']) {
		t.is(budget(`first-try-health:${service}`)?.status, 'held', `${service} healthy on the first try`);
		t.is(budget(`uptime:${service}`)?.status, 'held');
	}

	for (const probe of ['postgres-select-1', 'clickhouse-ping', 'redis-ping', 's3-endpoint', 'postgres-data', 'redis-data']) {
		t.like(budget(`probe-success:${probe}`), {status: 'held', observed: 1}, probe);
	}

	t.is(budget('memory:stack')?.status, 'held');
	t.is(verdict.steps.find(step => step.name === 'seed-postgres')?.status, 'passed');
});

test.serial('the same soak with a tightened budget fails with exit 1 and names the budget', async t => {
	const profile = readFileSync(path.resolve('profiles/triton.yaml'), 'utf8')
		.replace('compose: triton/docker-compose.yml', `compose: ${path.resolve('profiles/triton/docker-compose.yml')}`)
		.replace('stack: { memory: 4GB, startup: 60s }', 'stack: { memory: 8MB, startup: 60s }');
	const file = path.join(directory, 'triton-tight.yaml');
	writeFileSync(file, profile);
	const record = path.join(directory, 'tight');
	const result = await runCli(['soak', file, '--project', tightened, '--duration', '40s', '--up', '--record', record], {}, 240_000);
	await removeComposeProject(docker, tightened);
	t.is(result.code, 1, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
	t.regex(result.stdout, /breached {2}memory:stack: stack memory at most 8MB/);
	t.regex(result.stdout, /BREACH stack memory at most 8MB: [\d.]+MiB now/);
	const {verdict} = await readRecord(record);
	t.is(verdict.status, 'breached');
	t.deepEqual(verdict.budgets.filter(budget => budget.status === 'breached').map(budget => budget.id), ['memory:stack']);
});
