import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

const {docker} = await connectForTests();
const directory = mkdtempSync(path.join(tmpdir(), 'stt-up-cli-'));
const project = newProjectName('up-cli');
const profile = path.join(directory, 'stacktui.yaml');
writeFileSync(profile, `name: ${project}\ncompose: docker-compose.yml\n`);
writeFileSync(
	path.join(directory, 'docker-compose.yml'),
	`services:
  db:
    image: stacktui-test/busybox:1
    command: ["sh", "-c", "sleep 0.5; touch /tmp/healthy; exec idle"]
    volumes: [data:/data]
    healthcheck: {test: ["CMD", "healthy"], interval: 200ms, retries: 3, start_period: 10s}
  web:
    image: stacktui-test/busybox:1
    command: idle
    depends_on:
      db: {condition: service_healthy}
  broken:
    image: stacktui-test/busybox:1
    command: ["sh", "-c", "exit 4"]
    profiles: [extra]
  after-broken:
    image: stacktui-test/busybox:1
    command: idle
    profiles: [extra]
    depends_on:
      broken: {condition: service_completed_successfully}
volumes:
  data: {}
`,
);

test.after.always(async () => {
	await removeComposeProject(docker, project);
	rmSync(directory, {recursive: true, force: true});
});

async function stacktui(...args: string[]) {
	return runCli([...args, '--profile', profile]);
}

test.serial('up prints one line per state change and a summary; a second up keeps everything', async t => {
	const first = await stacktui('up');
	t.log(`stacktui up (2 services, db healthy after ~0.5 s): ${first.milliseconds} ms`);
	t.is(first.code, 0, first.stderr);
	const lines = first.stdout.split('\n');
	t.true(lines.includes(`network ${project}_default: created`));
	t.true(lines.includes(`volume ${project}_data: created`));
	const index = (pattern: RegExp) => lines.findIndex(line => pattern.test(line));
	t.true(index(/^web: waiting for db \(healthy\) \(\d+\.\ds\)$/) >= 0);
	t.true(index(/^db: healthy \(/) < index(/^web: starting \(/));
	t.regex(first.stdout, /\n2\/2 services ready in \d+\.\ds\n$/);

	const second = await stacktui('up');
	t.is(second.code, 0, second.stderr);
	t.regex(second.stdout, /^db +\d+\.\ds {2}healthy {2}\(kept/m);
	t.regex(second.stdout, /^web +\d+\.\ds {2}running {2}\(kept\)/m);
	t.notRegex(second.stdout, /created|starting/);
});

test.serial('up SERVICE with a failing dependency exits 1 and says why', async t => {
	const result = await stacktui('up', 'after-broken');
	t.is(result.code, 1);
	t.regex(result.stdout, /^broken: failed: exited with code 4 \(/m);
	t.regex(result.stdout, /^after-broken: blocked: broken failed: exited with code 4 \(/m);
	t.regex(result.stdout, /0\/2 services ready/);
});

test.serial('an unknown service is a one-line usage error, exit 2', async t => {
	const result = await stacktui('up', 'nope');
	t.is(result.code, 2);
	t.is(result.stderr, `stacktui: no such service: nope (services of ${project}: db, web, broken, after-broken)\n`);
});

test.serial('stop, restart and down --volumes', async t => {
	const stop = await stacktui('stop', 'web');
	t.is(stop.code, 0, stop.stderr);
	t.regex(stop.stdout, /^web: stopped \(/m);

	const restart = await stacktui('restart');
	t.is(restart.code, 0, restart.stderr);
	t.true(restart.stdout.indexOf('db: restarted') < restart.stdout.indexOf('web: restarted'));

	const down = await stacktui('down', '--volumes');
	t.is(down.code, 0, down.stderr);
	t.regex(down.stdout, new RegExp(`${project}: removed 4 containers, 1 network, 1 volume in`));
	const left = await docker.listContainers({all: true, filters: {label: [`com.docker.compose.project=${project}`]}});
	t.deepEqual(left, []);
});
