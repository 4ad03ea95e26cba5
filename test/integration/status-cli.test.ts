import test from 'ava';
import type {StatusReport} from '../../source/commands/status.js';
import {runCli} from '../helpers/cli.js';
import {connectForTests, createService, dockerCli, newProjectName, removeProject} from '../helpers/engine.js';

const {docker} = await connectForTests();
const project = newProjectName('status');
const plainProject = newProjectName('status-plain');

test.after.always(async () => Promise.all([removeProject(docker, project), removeProject(docker, plainProject)]));

test('status --json reports every container with live numbers after about two seconds', async t => {
	const api = await createService(docker, {project, service: 'api', command: ['burn'], cpus: 0.2, hasHealthcheck: true});
	await createService(docker, {project, service: 'worker', number: 1});
	await createService(docker, {project, service: 'worker', number: 2});
	const job = await createService(docker, {project, service: 'job', command: ['sh', '-c', 'exit 3']});
	await dockerCli(['exec', api.id, 'touch', '/tmp/healthy']);
	await docker.getContainer(job.id).wait();
	await new Promise(resolve => setTimeout(resolve, 1000));

	const result = await runCli(['status', '--project', project, '--json']);
	t.is(result.code, 0, result.stderr);
	const report = JSON.parse(result.stdout) as StatusReport;
	t.is(report.project, project);
	t.deepEqual(
		report.services.map(service => [service.service, service.replica, service.state]),
		[
			['api', 1, 'running'],
			['job', 1, 'exited'],
			['worker', 1, 'running'],
			['worker', 2, 'running'],
		],
	);
	const [apiStatus, jobStatus] = report.services;
	t.is(apiStatus?.health, 'healthy');
	t.true((apiStatus?.cpuPercent ?? 0) > 0 && (apiStatus?.cpuPercent ?? 100) < 30, `api CPU ${apiStatus?.cpuPercent}`);
	t.true((apiStatus?.memoryBytes ?? 0) > 0);
	t.true((apiStatus?.memoryLimitBytes ?? 0) > 0);
	t.is(apiStatus?.restarts, 0);
	t.is(typeof apiStatus?.startedAt, 'string');
	t.true((apiStatus?.uptimeSeconds ?? -1) >= 0);
	t.is(jobStatus?.exitCode, 3);
	t.is(jobStatus?.cpuPercent, null);
	for (const field of ['service', 'container', 'state', 'health', 'cpuPercent', 'memoryBytes', 'memoryLimitBytes', 'restarts', 'startedAt']) {
		t.true(report.services.every(service => field in service), field);
	}
});

test('status prints JSON when stdout is not a terminal, even without --json', async t => {
	await createService(docker, {project: plainProject, service: 'plain', number: 1});
	const result = await runCli(['status', '--project', plainProject]);
	t.is(result.code, 0, result.stderr);
	const report = JSON.parse(result.stdout) as StatusReport;
	t.true(report.services.some(service => service.service === 'plain'));
});

test('an unknown project gives an empty result and names the projects that exist', async t => {
	const result = await runCli(['status', '--project', `${project}-typo`, '--json']);
	t.is(result.code, 0);
	t.deepEqual((JSON.parse(result.stdout) as StatusReport).services, []);
	t.regex(result.stderr, new RegExp(`no containers of project "${project}-typo".*${project}`));
	t.is(result.stderr.trim().split('\n').length, 1);
});

for (const host of ['unix:///tmp/stacktui-no-such.sock', 'tcp://127.0.0.1:1', 'foo://bar']) {
	test(`an unreachable engine (${host}) gives one line and exit code 2`, async t => {
		const result = await runCli(['status', '--project', project], {DOCKER_HOST: host});
		t.is(result.code, 2);
		t.is(result.stdout, '');
		const lines = result.stderr.trim().split('\n');
		t.is(lines.length, 1, result.stderr);
		t.true(lines[0]?.startsWith('stacktui: '));
		t.true(lines[0]?.includes(host.replace(/^foo:\/\/bar$/, 'foo')));
		t.notRegex(result.stderr, /\n\s+at /);
	});
}

test('bad usage gives one line and exit code 2', async t => {
	for (const args of [['status'], ['status', '--project', project, '--bogus'], ['frobnicate']]) {
		const result = await runCli(args);
		t.is(result.code, 2, args.join(' '));
		t.is(result.stderr.trim().split('\n').length, 1, result.stderr);
	}
});

test('the dashboard without a terminal says so and points to status --json', async t => {
	const result = await runCli(['--profile', 'profiles/demo.yaml']);
	t.is(result.code, 2);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^stacktui: the dashboard needs a terminal; for scripts use: stacktui status --project demo --json\n$/);
});
