import http from 'node:http';
import test from 'ava';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {LogFollower} from '../../source/stack/log-follower.js';
import {LogPane} from '../../source/ui/log-pane.js';
import {createTheme} from '../../source/ui/theme.js';
import {useLogs} from '../../source/ui/use-logs.js';
import {dockerLogLines} from '../helpers/docker-logs.js';
import {connectForTests, createService, dockerCli, eventually, newProjectName, removeProject} from '../helpers/engine.js';

const connection = await connectForTests();
const {docker} = connection;
const project = newProjectName('log-follower');

test.after.always(async () => removeProject(docker, project));

/** Sockets handed out by Node's shared agent and not yet released: open requests and streams. */
function socketsInUse(): number {
	return Object.values(http.globalAgent.sockets).reduce((total, sockets) => total + (sockets?.length ?? 0), 0);
}

async function chatter(service: string, hasEscapes = false) {
	const container = await createService(docker, {
		project,
		service,
		command: ['chatter', '0.05'],
		environment: hasEscapes ? ['CHATTER_ESCAPES=1'] : [],
	});
	return {id: container.id, service, number: 1};
}

test.serial('a selection change aborts the streams it no longer needs, and close aborts the rest', async t => {
	const before = socketsInUse();
	const web = await chatter('sockets-web');
	const worker = await chatter('sockets-worker');
	const follower = new LogFollower(docker);
	t.teardown(() => follower.close());
	follower.sync([web, worker]);
	await eventually(() => follower.buffer.size('sockets-web') > 0 && follower.buffer.size('sockets-worker') > 0, 5000, 'lines of both');
	await eventually(() => socketsInUse() - before === 2, 2000, 'one log stream per container');
	t.is(socketsInUse() - before, 2);

	follower.sync([worker]);
	t.deepEqual(follower.followedIds, [worker.id]);
	await eventually(() => socketsInUse() - before === 1, 2000, 'the stream of the unselected container to close');
	const webLines = follower.buffer.size('sockets-web');
	await new Promise(resolve => setTimeout(resolve, 300));
	t.is(follower.buffer.size('sockets-web'), webLines, 'no lines after the abort');

	follower.close();
	t.deepEqual(follower.followedIds, []);
	await eventually(() => socketsInUse() === before, 2000, 'every socket to close');
	t.is(socketsInUse(), before);
});

test('through docker restart every line arrives once, escapes stripped, interleaved with another service by time', async t => {
	const web = await chatter('web', true);
	const worker = await chatter('worker');
	const follower = new LogFollower(docker);
	t.teardown(() => follower.close());
	follower.sync([web, worker]);
	await eventually(() => follower.buffer.size('web') >= 25, 5000, 'lines before the restart');
	await dockerCli(['restart', '-t', '1', web.id]);
	const afterRestart = follower.buffer.size('web');
	await eventually(() => follower.buffer.size('web') >= afterRestart + 25, 5000, 'lines after the restart');
	await dockerCli(['stop', '-t', '1', web.id, worker.id]);
	await new Promise(resolve => setTimeout(resolve, 300));
	follower.close();

	const raw = await dockerLogLines(web.id, false);
	t.true(raw.some(line => line.includes('\u001B]0;pwned\u0007')), 'the container did print escapes');
	const received = follower.buffer.lines('web').map(line => `${line.time} ${line.text}`);
	t.deepEqual(received, await dockerLogLines(web.id));
	t.true(received.filter(line => line.endsWith(' line 1')).length >= 2, 'lines of both runs');
	t.false(received.some(line => /[\u0000-\u001F\u007F-\u009F]/.test(line)));
	t.deepEqual(follower.buffer.lines('worker').map(line => `${line.time} ${line.text}`), await dockerLogLines(worker.id));

	const merged = follower.buffer.lines();
	t.is(merged.length, received.length + follower.buffer.size('worker'));
	t.true(merged.every((line, index) => index === 0 || merged[index - 1]!.timeNano <= line.timeNano), 'merged in time order');
	// Both services' lines are there; which printed first depends on the engine (a Set compares in order).
	t.deepEqual([...new Set(merged.map(line => line.label))].sort(), ['web', 'worker']);
});

test('the log pane of a chatter container with CHATTER_ESCAPES=1 never draws an ESC', async t => {
	const escapes = await chatter('escapes', true);
	function Pane() {
		const logs = useLogs({createSource: () => new LogFollower(docker), containers: [escapes], service: 'escapes', height: 40});
		return createElement(LogPane, {state: logs.state, theme: createTheme({isColorEnabled: false})});
	}

	const {frames, lastFrame, unmount} = render(createElement(Pane));
	t.teardown(unmount);
	// Line 22 follows 21 (colour, clear screen) and 11 and 22 (window title).
	await eventually(() => (lastFrame() ?? '').includes('line 22'), 8000, 'line 22 in the pane');
	t.true(frames.length > 1);
	t.false(frames.some(frame => frame.includes('\u001B')), 'no frame has an ESC');
	t.false(frames.some(frame => frame.includes('pwned')));
	t.regex(lastFrame() ?? '', /^line 21$/m);
});
