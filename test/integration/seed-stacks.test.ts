import {spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import type {StatusReport} from '../../source/commands/status.js';
import {runCli} from '../helpers/cli.js';
import {healthyEdges} from '../helpers/compose-files.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, newProjectName} from '../helpers/engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const {docker} = await connectForTests();
type Event = {Action: string; timeNano: number; Actor: {Attributes: Record<string, string>}};


/**
 * Records the project's container events live, with the docker CLI: the engine keeps only its
 * last 256 events for replay, and health checks of a big stack push older ones out.
 */
function recordEvents(project: string): {stop: () => Promise<Event[]>; abort: () => void} {
	// Also stopped when the test fails before it reads the events: a live child keeps ava's worker from exiting.
	const controller = new AbortController();
	const child = spawn('docker', ['events', '--filter', `label=com.docker.compose.project=${project}`, '--filter', 'type=container', '--format', '{{json .}}'], {stdio: ['ignore', 'pipe', 'ignore'], signal: controller.signal});
	child.on('error', () => undefined);
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString('utf8');
	});
	return {
		async stop() {
			await new Promise(resolve => setTimeout(resolve, 500));
			controller.abort();
			return output.trim().split('\n').filter(Boolean).map(line => JSON.parse(line) as Event);
		},
		abort: () => controller.abort(),
	};
}

for (const [name, composeFile, serviceCount] of [
	['triton', 'profiles/triton/docker-compose.yml', 4],
	['esg', 'profiles/esg/docker-compose.yml', 9],
	['freshpoc', 'profiles/freshpoc/docker-compose.yml', 17],
	['bi-agent', 'profiles/bi-agent/docker-compose.yml', 12],
] as const) {
	test.serial(`stacktui up brings every service of ${name} up, in service_healthy order, and docker-compose sees it`, async t => {
		const project = newProjectName(name);
		t.teardown(async () => removeComposeProject(docker, project));
		const recording = recordEvents(project);
		t.teardown(recording.abort);
		await new Promise(resolve => setTimeout(resolve, 500));
		// ESG's health checks run every 30 s, as in its seed: its stack needs over a minute.
		const up = await runCli(['up', '--profile', `profiles/${name}.yaml`, '--project', project], {}, 300_000);
		t.is(up.code, 0, `${up.stdout}\n${up.stderr}`);
		t.log(up.stdout.trim().split('\n').at(-1) ?? '');

		const status = await runCli(['status', '--project', project, '--json']);
		const report = JSON.parse(status.stdout) as StatusReport;
		t.is(new Set(report.services.map(service => service.service)).size, serviceCount);
		const notUp = report.services.filter(service => service.state !== 'running' && !(service.state === 'exited' && service.exitCode === 0));
		t.deepEqual(notUp.map(service => `${service.service}: ${service.state}`), []);
		t.deepEqual(report.services.filter(service => service.health === 'unhealthy' || service.health === 'starting').map(service => service.service), []);

		const events = await recording.stop();
		const first = (service: string, action: string) =>
			events.find(event => event.Actor.Attributes['com.docker.compose.service'] === service && event.Action === action)?.timeNano;
		for (const [dependent, dependency] of healthyEdges(path.join(root, composeFile))) {
			const healthy = first(dependency, 'health_status: healthy');
			const started = first(dependent, 'start');
			t.truthy(healthy && started, `${dependent} → ${dependency}: events seen`);
			t.true((started ?? 0) > (healthy ?? Number.POSITIVE_INFINITY), `${dependent} started after ${dependency} was healthy`);
		}

		// docker-compose finds containers by the same labels: it must list exactly the ones stacktui made.
		const composeIds = (await composeCli(['-p', project, '-f', composeFile, 'ps', '-q'])).trim().split('\n').filter(Boolean);
		t.deepEqual(composeIds.map(id => id.slice(0, 12)).sort(), report.services.map(service => service.id.slice(0, 12)).sort());
	});
}

/** docker-compose v1, as installed by scripts/ensure-engine.sh. */
async function composeCli(args: readonly string[]): Promise<string> {
	const {execFile} = await import('node:child_process');
	const {promisify} = await import('node:util');
	const {stdout} = await promisify(execFile)('docker-compose', [...args], {cwd: root});
	return stdout;
}
