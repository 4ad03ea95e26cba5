import test from 'ava';
import type {Health} from '../../source/engine/types.js';
import {StackWatcher} from '../../source/stack/watcher.js';
import {connectForTests, createService, dockerCli, eventually, newProjectName, removeProject} from '../helpers/engine.js';

const connection = await connectForTests();
const {docker} = connection;
const project = newProjectName('health-poll');
const refreshMs = 1000;

test.after.always(async () => removeProject(docker, project));

type HealthLog = {Log?: Array<{End?: string; ExitCode?: number}> | null};

/** When the engine finished the first check whose result is `health` (exit 0 healthy, else unhealthy) after `since`. */
async function checkEndedAt(id: string, health: Health, since: number): Promise<number | undefined> {
	const inspect = await docker.getContainer(id).inspect();
	const log = (inspect.State.Health as HealthLog | undefined)?.Log ?? [];
	const ends = log
		.filter(entry => (entry.ExitCode === 0) === (health === 'healthy'))
		.map(entry => Date.parse(entry.End ?? ''))
		.filter(end => end >= since);
	return ends.length === 0 ? undefined : Math.min(...ends);
}

// Docker sends health events: told here that it does not, stacktui must see the same by inspecting. Podman (4.x)
// sends none that carry the status, so there this is the path stacktui always takes.
test('without health events, healthy → unhealthy → healthy shows within one refresh interval of the check', async t => {
	const capabilities = {...connection.capabilities, hasHealthEvents: false};
	const container = await createService(docker, {project, service: 'checked', hasHealthcheck: true});
	const watcher = new StackWatcher(docker, project, {refreshMs, capabilities});
	t.teardown(() => watcher.stop());
	const shownAt = new Map<Health, number[]>();
	watcher.subscribe(state => {
		const health = state.containers.get(container.id)?.health;
		if (health !== undefined) shownAt.set(health, [...(shownAt.get(health) ?? []), Date.now()]);
	});
	watcher.start();
	await watcher.waitFor(state => state.isListed, 5000);

	for (const [health, command] of [
		['healthy', 'touch'],
		['unhealthy', 'rm'],
		['healthy', 'touch'],
	] as const) {
		const since = Date.now();
		await dockerCli(['exec', container.id, command, '-f', '/tmp/healthy'].filter(part => !(command === 'touch' && part === '-f')));
		// The engine (or, on Podman without systemd, the test set-up's ticker) runs the check every ~0.3–1 s.
		await eventually(() => watcher.state.containers.get(container.id)?.health === health, 15_000, `${health} shown`);
		const shown = (shownAt.get(health) ?? []).find(time => time >= since) ?? Number.NaN;
		const checked = await checkEndedAt(container.id, health, since - 50);
		t.truthy(checked, `the engine logged a ${health} check`);
		const latency = shown - (checked ?? Number.NaN);
		t.log(`${health}: shown ${latency} ms after the check ended`);
		t.true(latency <= refreshMs, `${health} shown within ${refreshMs} ms of the check (${latency} ms)`);
	}
});
