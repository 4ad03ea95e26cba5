import test from 'ava';
import {groupIncidents} from '../../source/stack/incident-groups.js';
import {toServiceStatuses, type ServiceStatus} from '../../source/stack/snapshot.js';
import {StackWatcher} from '../../source/stack/watcher.js';
import {formatState} from '../../source/ui/format/status.js';
import {connectForTests, createService, dockerCli, eventually, newProjectName, removeProject} from '../helpers/engine.js';

const {docker} = await connectForTests();
const project = newProjectName('incidents');
const mebibyte = 1024 * 1024;
const watcher = new StackWatcher(docker, project);

test.before(async () => {
	watcher.start();
	await eventually(() => watcher.state.isListed, 10_000, 'the first listing');
});

test.after.always(async () => {
	watcher.stop();
	await removeProject(docker, project);
});

function statusOf(service: string): ServiceStatus | undefined {
	return toServiceStatuses(watcher.state, Date.now()).find(status => status.service === service);
}

function groupsOf(service: string) {
	return groupIncidents(watcher.state.lifecycle.incidents).filter(group => group.service === service);
}

async function inspect(service: string, format: string): Promise<string> {
	return (await dockerCli(['inspect', '-f', format, `${project}-${service}-1`])).trim();
}

test.serial('a container killed by the OOM killer reads OOM killed, and the incident names it with its exit code', async t => {
	// hold allocates 64 MiB under a 16 MiB limit once the watcher has seen it running.
	await createService(docker, {project, service: 'hog', memoryBytes: 16 * mebibyte, command: ['sh', '-c', 'sleep 1; exec hold 64']});
	await eventually(() => statusOf('hog')?.state === 'exited' && statusOf('hog')?.isOomKilled === true, 15_000, 'hog OOM-killed');
	t.is(await inspect('hog', '{{.State.OOMKilled}} {{.State.ExitCode}}'), 'true 137', 'what docker inspect says');
	t.is(formatState(statusOf('hog')!), 'OOM killed');
	t.like(groupsOf('hog'), [{kind: 'oom-killed', count: 1, exitCode: 137, container: `${project}-hog-1`}]);
});

test.serial('a kill -9 of PID 1 reads exited (137) and is a crash; a stop asked for is not', async t => {
	await createService(docker, {project, service: 'crash'});
	await createService(docker, {project, service: 'stopped'});
	await eventually(() => statusOf('crash')?.state === 'running' && statusOf('stopped')?.state === 'running', 10_000, 'both running');
	const pid = Number(await inspect('crash', '{{.State.Pid}}'));
	process.kill(pid, 'SIGKILL'); // From the host: inside its namespace PID 1 cannot be sent SIGKILL.
	await dockerCli(['stop', '-t', '1', `${project}-stopped-1`]);
	await eventually(() => statusOf('crash')?.state === 'exited' && statusOf('stopped')?.state === 'exited', 10_000, 'both exited');
	t.is(formatState(statusOf('crash')!), 'exited (137)');
	t.like(groupsOf('crash'), [{kind: 'crashed', count: 1, exitCode: 137}]);
	t.deepEqual(groupsOf('stopped'), [], 'docker stop is no incident');

	await dockerCli(['start', `${project}-crash-1`]);
	await eventually(() => statusOf('crash')?.state === 'running', 10_000, 'crash running again');
	t.is(statusOf('crash')?.restarts, 1, 'a start after the crash counts as a restart');
	t.is(await inspect('crash', '{{.RestartCount}}'), '0', 'which the engine does not count');
});

test.serial('a restart: always service OOM-killed in a loop counts every restart and every OOM kill, with its exit code', async t => {
	await createService(docker, {project, service: 'loop', memoryBytes: 16 * mebibyte, restartAlways: true, command: ['sh', '-c', 'sleep 0.5; exec hold 64']});
	await eventually(() => (statusOf('loop')?.restarts ?? 0) >= 3, 20_000, 'three restarts');
	const [group] = groupsOf('loop');
	t.like(group, {kind: 'oom-killed', exitCode: 137});
	t.true((group?.count ?? 0) >= 3, `${group?.count} OOM kills`);
	// The engine's count and ours agree once no restart is in flight.
	let engineRestarts = '';
	for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
		engineRestarts = await inspect('loop', '{{.RestartCount}}');
		if (String(statusOf('loop')?.restarts) === engineRestarts) break;
		await new Promise(resolve => setTimeout(resolve, 100));
	}

	t.is(String(statusOf('loop')?.restarts), engineRestarts, 'the restarts docker inspect counts');
	const shown = formatState(statusOf('loop')!);
	t.true(['OOM killed', 'restarting (OOM)', 'running (OOM)'].includes(shown), shown);
	t.true(await inspect('loop', '{{.State.OOMKilled}}') === 'true');
});

test.serial('a process OOM-killed inside a container that runs on shows as running (OOM) and an OOM kill', async t => {
	await createService(docker, {project, service: 'child', memoryBytes: 16 * mebibyte, command: ['sh', '-c', 'sleep 1; hold 64; exec idle']});
	await eventually(() => statusOf('child')?.hasOomKill === true, 15_000, 'the oom event');
	await new Promise(resolve => setTimeout(resolve, 500));
	t.is(statusOf('child')?.state, 'running');
	t.is(await inspect('child', '{{.State.Status}} {{.State.OOMKilled}}'), 'running false', 'docker inspect says nothing of it');
	t.is(formatState(statusOf('child')!), 'running (OOM)');
	t.like(groupsOf('child'), [{kind: 'oom', count: 1}]);
});
