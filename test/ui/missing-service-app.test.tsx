import test from 'ava';
import {renderDashboard, selectedRow, settle} from './dashboard-harness.js';
import {container} from './fake-session.js';

function rowOf(frame: string, service: string): string {
	return frame.split('\n').find(line => new RegExp(`^[> ] ${service}\\s`).test(line)) ?? '';
}

test('the dashboard shows every compose service, missing until its container appears', async t => {
	const {session, outside, stdin, frame, unmount} = renderDashboard([], ['web', 'api']);
	await settle(() => selectedRow(frame()) === 'api');
	t.regex(rowOf(frame(), 'api'), /^> api\s+missing/, 'the first row is selected');
	t.regex(rowOf(frame(), 'web'), /^ {2}web\s+missing/);

	stdin.write('s');
	await settle(() => frame().includes('api has no container yet'));
	t.regex(frame(), /api has no container yet: press u to bring up missing services/);
	stdin.write('l');
	await settle(() => frame().includes('Logs: api'));
	t.regex(frame(), /Logs: api\n.*api has no container yet/);
	stdin.write('l');
	stdin.write('\r');
	await settle(() => frame().includes('Details: api'));
	t.regex(frame(), /Details: api\n.*api has no container yet/);
	t.deepEqual(session.calls, [], 'nothing was started, inspected or opened');
	t.deepEqual(outside, []);

	const api = container('api', {id: 'a1'});
	session.change({state: {...session.view.state, containers: new Map([[api.id, api]])}});
	await settle(() => /running/.test(rowOf(frame(), 'api')));
	t.regex(rowOf(frame(), 'api'), /^> api\s+running/, 'the real row replaces the missing one and stays selected');
	t.regex(rowOf(frame(), 'web'), /missing/);
	unmount();
});

test('a container removed and created again keeps its row selected and the log pane on it', async t => {
	const services = ['api', 'db', 'worker'];
	const {session, stdin, frame, unmount} = renderDashboard(
		services.map(service => container(service)),
		services,
	);
	await settle(() => selectedRow(frame()) === 'api');
	stdin.write('jjl');
	await settle(() => frame().includes('Logs: worker'));
	t.is(selectedRow(frame()), 'worker');

	const containers = new Map(session.view.state.containers);
	containers.delete('id-worker');
	session.change({state: {...session.view.state, containers}});
	await settle(() => /missing/.test(rowOf(frame(), 'worker')));
	t.is(selectedRow(frame()), 'worker', 'docker rm -f: the row is missing, still selected');

	const recreated = container('worker', {id: 'new-worker'});
	session.change({state: {...session.view.state, containers: new Map(containers).set(recreated.id, recreated)}});
	await settle(() => /running/.test(rowOf(frame(), 'worker')));
	t.is(selectedRow(frame()), 'worker', 'stacktui up: the new container takes the same row');
	t.regex(frame(), /Logs: worker/);
	stdin.write('r');
	await settle(() => session.calls.length > 0);
	t.deepEqual(session.calls, ['restart new-worker'], 'keys act on the new container');
	unmount();
});
