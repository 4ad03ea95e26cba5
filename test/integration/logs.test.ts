import test from 'ava';
import {followLogs} from '../../source/engine/logs.js';
import type {LogLine} from '../../source/engine/types.js';
import {dockerLogLines} from '../helpers/docker-logs.js';
import {connectForTests, createService, dockerCli, eventually, newProjectName, removeProject} from '../helpers/engine.js';

const connection = await connectForTests();
const {docker} = connection;
const project = newProjectName('logs');

test.after.always(async () => removeProject(docker, project));

for (const isTty of [false, true]) {
	test(`log follow across a restart and a stop/start delivers each line once, in order (tty: ${isTty})`, async t => {
		const container = await createService(docker, {
			project,
			service: isTty ? 'tty' : 'plain',
			command: ['chatter', '0.05'],
			isTty,
		});
		const controller = new AbortController();
		t.teardown(() => controller.abort());
		const received: LogLine[] = [];
		const following = (async () => {
			for await (const line of followLogs(docker, container.id, {signal: controller.signal})) {
				received.push(line);
			}
		})();

		await eventually(() => received.length >= 10, 5000, 'first lines');
		await dockerCli(['restart', '-t', '1', container.id]);
		const afterRestart = received.length;
		await eventually(() => received.length >= afterRestart + 10, 5000, 'lines after the restart');
		await dockerCli(['stop', '-t', '1', container.id]);
		await new Promise(resolve => setTimeout(resolve, 500));
		await dockerCli(['start', container.id]);
		const afterStart = received.length;
		await eventually(() => received.length >= afterStart + 10, 5000, 'lines after stop and start');
		await dockerCli(['stop', '-t', '1', container.id]);
		await new Promise(resolve => setTimeout(resolve, 300));
		controller.abort();
		await following;

		// A TTY ends lines with CRLF; the follower drops the CR.
		const expected = (await dockerLogLines(container.id, false)).map(line => line.replace(/\r$/, ''));
		t.deepEqual(
			received.map(line => `${line.time} ${line.text}`),
			expected,
		);
		t.true(expected.filter(line => line.endsWith(' line 1')).length >= 3, 'three runs of the container are in the log');
		if (!isTty) {
			t.true(received.some(line => line.stream === 'stderr' && line.text === 'line 5'), 'stderr lines are told apart');
		}
	});
}

test('following ends when the container is removed', async t => {
	const container = await createService(docker, {project, service: 'removed', command: ['chatter', '0.1']});
	const controller = new AbortController();
	t.teardown(() => controller.abort());
	const received: LogLine[] = [];
	const following = (async () => {
		for await (const line of followLogs(docker, container.id, {signal: controller.signal, tail: 5})) {
			received.push(line);
		}
	})();
	await eventually(() => received.length >= 3, 5000, 'first lines');
	await dockerCli(['rm', '-f', container.id]);
	const ended = await Promise.race([following.then(() => true), new Promise(resolve => setTimeout(() => resolve(false), 5000))]);
	t.true(ended);
});
