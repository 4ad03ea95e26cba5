import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, dockerCli, newProjectName} from '../helpers/engine.js';

const {docker} = await connectForTests();
const directory = mkdtempSync(path.join(tmpdir(), 'stt-up-oom-'));
const project = newProjectName('up-oom');
const profile = path.join(directory, 'stacktui.yaml');
writeFileSync(profile, `name: ${project}\ncompose: docker-compose.yml\n`);
// hog allocates 64 MiB under a 16 MiB limit: the OOM killer ends it before it is healthy.
writeFileSync(
	path.join(directory, 'docker-compose.yml'),
	`services:
  hog:
    image: stacktui-test/busybox:1
    command: ["sh", "-c", "sleep 0.3; exec hold 64"]
    mem_limit: 16m
    healthcheck: {test: ["CMD", "healthy"], interval: 200ms, retries: 50}
  after:
    image: stacktui-test/busybox:1
    command: idle
    depends_on:
      hog: {condition: service_healthy}
`,
);

test.after.always(async () => {
	await removeComposeProject(docker, project);
	rmSync(directory, {recursive: true, force: true});
});

test('up says a service was OOM-killed while coming up, and why its dependents did not start', async t => {
	const result = await runCli(['up', '--profile', profile]);
	t.is(result.code, 1, result.stdout + result.stderr);
	t.regex(result.stdout, /^hog: failed: OOM killed: out of memory \(exit code 137\) \(/m);
	t.regex(result.stdout, /^after: blocked: hog failed: OOM killed: out of memory \(exit code 137\)/m);
	const inspected = await dockerCli(['inspect', '-f', '{{.State.OOMKilled}} {{.State.ExitCode}}', `${project}_hog_1`]);
	t.is(inspected.trim(), 'true 137', 'what docker inspect says');
});
