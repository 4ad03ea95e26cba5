import test from 'ava';
import {StackWatcher} from '../../source/stack/watcher.js';
import {connectForTests, createService, eventually, newProjectName} from '../helpers/engine.js';
import {PrivateEngine} from '../helpers/private-engine.js';

const engine = new PrivateEngine();

test.after.always(async () => engine.destroy());

test('the watcher reports an engine outage and recovers by itself when dockerd comes back', async t => {
	await engine.start();
	await engine.loadTestImage();
	const {docker} = await connectForTests(engine.host);
	const project = newProjectName('outage');
	const container = await createService(docker, {project, service: 'db', restartAlways: true});
	const watcher = new StackWatcher(docker, project);
	t.teardown(() => watcher.stop());
	const engineStates: string[] = [];
	watcher.subscribe(state => {
		if (engineStates.at(-1) !== state.engine) {
			engineStates.push(state.engine);
		}
	});
	watcher.start();
	await watcher.waitFor(state => state.stats.has(container.id), 10_000);
	const startedAt = watcher.state.containers.get(container.id)?.startedAt;

	await engine.stop();
	await eventually(() => watcher.state.engine === 'lost', 5000, 'the outage to be reported');
	t.truthy(watcher.state.engineError, 'the reason is kept for the status line');
	t.is(watcher.state.stats.size, 0, 'no stale numbers are shown while the engine is away');

	await engine.start();
	// The container comes back through its restart policy; the watcher lists it again and follows it.
	await eventually(
		() =>
			watcher.state.engine === 'connected' &&
			watcher.state.containers.get(container.id)?.state === 'running' &&
			watcher.state.containers.get(container.id)?.startedAt !== startedAt &&
			watcher.state.stats.has(container.id),
		20_000,
		'recovery after dockerd restarted',
	);
	t.deepEqual(engineStates, ['connected', 'lost', 'connected']);
	t.deepEqual(watcher.statsStreamIds, [container.id]);
});
