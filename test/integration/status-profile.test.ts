import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import type {StackCheck} from '../../source/commands/status-budgets.js';
import {runCli} from '../helpers/cli.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, dockerCli, newProjectName} from '../helpers/engine.js';

// `stacktui status PROFILE`: the profile names the project (no --project), its budgets are
// checked on a snapshot, and a service that should run but does not makes it exit 1.
const {docker} = await connectForTests();
const project = newProjectName('status-profile');
const directory = mkdtempSync(path.join(os.tmpdir(), 'stt-status-profile-'));
const profile = path.join(directory, 'stack.yaml');
writeFileSync(
	profile,
	[
		`name: ${project}`,
		`compose: ${path.resolve('test/fixtures/soak/stack/docker-compose.yml')}`,
		'budgets:',
		'  services:',
		'    grow: { memory: 1GiB }',
		'    web: { memory: 64KiB }',
		'probes:',
		'  web-ok: { service: web, exec: cat /tmp/ok, success: 100% }',
		'',
	].join('\n'),
);

test.before(async () => {
	const up = await runCli(['up', '--profile', profile]);
	if (up.code !== 0) throw new Error(`stacktui up failed:\n${up.stdout}\n${up.stderr}`);
});

test.after.always(async () => {
	await removeComposeProject(docker, project);
	rmSync(directory, {recursive: true, force: true});
});

type StatusJson = StackCheck & {readonly project: string; readonly isHealthy: boolean};

test.serial('status PROFILE works without --project, shows each budget now, and exits 1 for a budget over its limit', async t => {
	const result = await runCli(['status', profile, '--json']);
	t.is(result.code, 1, result.stderr);
	const report = JSON.parse(result.stdout) as StatusJson;
	t.is(report.project, project);
	t.false(report.isHealthy);
	const budget = (id: string) => report.budgets.find(item => item.id === id);
	t.like(budget('memory:grow'), {state: 'ok'});
	t.like(budget('memory:web'), {state: 'over', written: '64KiB'});
	t.like(budget('probe-success:web-ok'), {state: 'ok', value: 1}, 'the probe ran once and passed');
	t.deepEqual(report.down, []);
});

test.serial('a stopped service that should run makes status exit 1 and says which; a failing probe says why', async t => {
	await dockerCli(['stop', '-t', '1', `${project}_victim_1`]);
	await dockerCli(['exec', `${project}_web_1`, 'rm', '-f', '/tmp/ok']);
	const result = await runCli(['status', '--profile', profile]);
	t.is(result.code, 1, result.stderr);
	const report = JSON.parse(result.stdout) as StatusJson;
	t.deepEqual(report.down, [{service: 'victim', health: 'down'}]);
	t.like(report.budgets.find(item => item.id === 'probe-success:web-ok'), {state: 'over', value: 0});
	t.regex(report.budgets.find(item => item.id === 'probe-success:web-ok')?.note ?? '', /^exit 1: cat: can't open '\/tmp\/ok'/);
});
