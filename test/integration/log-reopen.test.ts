import test from 'ava';
import {render} from 'ink-testing-library';
import {createElement} from 'react';
import {type FollowedContainer, LogFollower} from '../../source/stack/log-follower.js';
import type {LogViewState} from '../../source/stack/log-view.js';
import {useLogs} from '../../source/ui/use-logs.js';
import {dockerLogLines} from '../helpers/docker-logs.js';
import {connectForTests, createService, dockerCli, eventually, newProjectName, removeProject} from '../helpers/engine.js';

const {docker} = await connectForTests();
const project = newProjectName('log-reopen');

test.after.always(async () => removeProject(docker, project));

type Props = {readonly isOpen: boolean; readonly service: string; readonly containers: readonly FollowedContainer[]; readonly seen: {state?: LogViewState}};

/** The app's use of the hook: one source for the dashboard, nothing followed while the pane is closed. */
function Dashboard({isOpen, service, containers, seen}: Props) {
	const logs = useLogs({createSource: () => new LogFollower(docker), containers: isOpen ? containers : [], service, height: 20, intervalMs: 20});
	seen.state = logs.state;
	return null;
}

test('closing and reopening the pane and switching services neither repeats nor loses a line', async t => {
	const web = await createService(docker, {project, service: 'web', command: ['chatter', '0.05']});
	const worker = await createService(docker, {project, service: 'worker', command: ['chatter', '0.05']});
	const containers = [
		{id: web.id, service: 'web', number: 1},
		{id: worker.id, service: 'worker', number: 1},
	];
	const seen: Props['seen'] = {};
	const texts = () => (seen.state?.lines ?? []).map(line => `${line.time} ${line.text}`);
	const {rerender, unmount} = render(createElement(Dashboard, {isOpen: true, service: 'web', containers, seen}));
	t.teardown(unmount);
	const pause = async () => new Promise(resolve => setTimeout(resolve, 400));
	await eventually(() => texts().length >= 10, 8000, 'web lines in the pane');

	for (let round = 0; round < 3; round += 1) {
		rerender(createElement(Dashboard, {isOpen: false, service: 'web', containers, seen})); // esc
		await pause();
		rerender(createElement(Dashboard, {isOpen: true, service: 'web', containers, seen})); // l
		await pause();
	}

	const afterReopening = texts();
	const printedSoFar = await dockerLogLines(web.id);
	t.is(new Set(afterReopening).size, afterReopening.length, 'no line twice after reopening the pane');
	t.deepEqual(afterReopening, printedSoFar.slice(0, afterReopening.length), 'what docker logs printed, in order');
	t.true(afterReopening.length >= printedSoFar.length - 20, 'nothing missing but the newest lines');

	rerender(createElement(Dashboard, {isOpen: true, service: 'worker', containers, seen}));
	await eventually(() => seen.state?.service === 'worker' && texts().length >= 10, 8000, 'worker lines');
	rerender(createElement(Dashboard, {isOpen: true, service: 'web', containers, seen}));
	await eventually(() => seen.state?.service === 'web' && texts().length >= 10, 8000, 'web lines again');
	await pause();

	await dockerCli(['stop', '-t', '1', web.id, worker.id]);
	const expected = await dockerLogLines(web.id);
	await eventually(() => texts().length >= expected.length, 5000, 'every line of web').catch(() => undefined);
	const received = texts();
	t.is(new Set(received).size, received.length, 'no line twice');
	t.deepEqual(received, expected, 'the pane holds exactly what docker logs prints, in order');
});

test('a removed and recreated container keeps its lines, closed by a marker naming it, before the new one\'s', async t => {
	const web = await createService(docker, {project, service: 'web2', command: ['chatter', '0.05']});
	const old = await createService(docker, {project, service: 'worker2', command: ['chatter', '0.05']});
	const oldName = (await old.inspect()).Name.slice(1);
	const listed = (worker: typeof old, name: string) => [
		{id: web.id, service: 'web2', number: 1, name: 'web'},
		{id: worker.id, service: 'worker2', number: 1, name},
	];
	const seen: Props['seen'] = {};
	const texts = () => (seen.state?.lines ?? []).map(line => `${line.time} ${line.text}`);
	const {rerender, unmount} = render(createElement(Dashboard, {isOpen: true, service: 'worker2', containers: listed(old, oldName), seen}));
	t.teardown(unmount);
	await eventually(() => texts().length >= 10, 8000, 'lines of the first container');

	await dockerCli(['stop', '-t', '1', old.id]);
	const oldLines = await dockerLogLines(old.id);
	await eventually(() => texts().length >= oldLines.length, 5000, 'every line of the first container').catch(() => undefined);
	await dockerCli(['rm', '-f', old.id]);
	// As `up` does: the selection moves on while the service has no container, then comes back.
	const onlyWeb = listed(old, oldName).slice(0, 1);
	rerender(createElement(Dashboard, {isOpen: true, service: 'web2', containers: onlyWeb, seen}));
	await eventually(() => seen.state?.service === 'web2', 5000, 'web selected');
	const fresh = await createService(docker, {project, service: 'worker2', number: 2, command: ['chatter', '0.05']});
	const freshName = (await fresh.inspect()).Name.slice(1);
	rerender(createElement(Dashboard, {isOpen: true, service: 'worker2', containers: listed(fresh, freshName), seen}));
	await eventually(() => seen.state?.service === 'worker2' && (seen.state?.lines ?? []).some(line => line.containerId === fresh.id), 8000, 'lines of the new container');

	await dockerCli(['stop', '-t', '1', fresh.id]);
	const freshLines = await dockerLogLines(fresh.id);
	const lines = () => seen.state?.lines ?? [];
	await eventually(() => lines().filter(line => line.containerId === fresh.id).length >= freshLines.length, 5000, 'every line of the new container').catch(() => undefined);
	const markerIndex = lines().findIndex(line => line.kind === 'marker');
	t.true(markerIndex > 0, 'a marker line');
	const marker = lines()[markerIndex]!;
	t.true(marker.text.includes(oldName) && marker.text.includes(old.id.slice(0, 12)), `the marker names the old container: ${marker.text}`);
	t.deepEqual(texts().slice(0, markerIndex), oldLines, 'the old container\'s lines, all of them, before the marker');
	t.deepEqual(texts().slice(markerIndex + 1), freshLines, 'the new container\'s lines after it');
});
