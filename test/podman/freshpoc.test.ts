import {execFile} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import test from 'ava';
import type {StatusReport} from '../../source/commands/status.js';
import {runCli} from '../helpers/cli.js';
import {healthyEdges} from '../helpers/compose-files.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

// Run by the Podman pass only (ava.podman.config.js). Podman sends no usable health events, so the
// service_healthy order is proven from each dependency's health log and each dependent's start time.
const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const composeFile = path.join(root, 'profiles/freshpoc/docker-compose.yml');
const {docker} = await connectForTests();

type HealthLog = {Log?: Array<{End?: string; ExitCode?: number}> | null};


test('FreshPoC comes up on Podman with stacktui up: 17 services healthy, in service_healthy order, seen by both compose tools', async t => {
	const project = newProjectName('freshpoc');
	t.teardown(async () => {
		await removeComposeProject(docker, project);
		// The six services' images stacktui built: PROJECT_SERVICE (Podman adds docker.io/library/).
		const images = await docker.listImages();
		const built = images.filter(image => (image.RepoTags ?? []).some(tag => tag.includes(`${project}_`)));
		await Promise.all(built.map(async image => docker.getImage(image.Id).remove({force: true}).catch(() => undefined)));
	});
	const up = await runCli(['up', '--profile', 'profiles/freshpoc.yaml', '--project', project], {}, 300_000);
	t.is(up.code, 0, `${up.stdout}\n${up.stderr}`);
	t.log(up.stdout.trim().split('\n').at(-1) ?? '');

	const status = await runCli(['status', '--project', project, '--json']);
	const report = JSON.parse(status.stdout) as StatusReport;
	t.is(report.services.length, 17);
	t.deepEqual(report.services.filter(service => service.state !== 'running' || service.health !== 'healthy').map(service => service.service), []);

	const byService = new Map(report.services.map(service => [service.service, service.id]));
	const inspect = async (service: string) => docker.getContainer(byService.get(service) ?? service).inspect();
	for (const [dependent, dependency] of healthyEdges(composeFile)) {
		// Health logs keep the last five checks; FreshPoC checks every 10 s and is up in under a minute.
		const log = ((await inspect(dependency)).State.Health as HealthLog | undefined)?.Log ?? [];
		const healthyAt = Math.min(...log.filter(entry => entry.ExitCode === 0).map(entry => Date.parse(entry.End ?? '')));
		const startedAt = Date.parse((await inspect(dependent)).State.StartedAt);
		t.true(startedAt > healthyAt, `${dependent} started after ${dependency}'s first passing check`);
	}

	const ids = report.services.map(service => service.id.slice(0, 12)).sort();
	const compose = await run('docker-compose', ['-p', project, '-f', composeFile, 'ps', '-q'], {cwd: root});
	t.deepEqual(compose.stdout.trim().split('\n').map(id => id.slice(0, 12)).sort(), ids, 'docker-compose at Podman\'s socket lists the same containers');
	const podmanCompose = await run('podman-compose', ['-p', project, '-f', composeFile, 'ps', '-q'], {cwd: path.dirname(composeFile)});
	const podmanIds = podmanCompose.stdout.split('\n').filter(line => /^[\da-f]{12,64}$/.test(line.trim()));
	t.deepEqual(podmanIds.map(id => id.trim().slice(0, 12)).sort(), ids, 'podman-compose lists the same containers');
});
