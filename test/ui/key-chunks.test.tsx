import test from 'ava';
import {renderDashboard, selectedRow, settle} from './dashboard-harness.js';
import {container} from './fake-session.js';

/** Five running services; `api`, the first row, is selected once the first frame is drawn. */
async function dashboard() {
	const app = renderDashboard(['api', 'db', 'redis', 'web', 'worker'].map(service => container(service)));
	await settle(() => selectedRow(app.frame()) === 'api');
	return app;
}

test('a chunk "/web⏎r" filters to web, keeps the filter and restarts web, and nothing else', async t => {
	const {session, outside, stdin, frame, unmount} = await dashboard();
	stdin.write('/web\rr');
	await settle(() => session.calls.length > 0 && selectedRow(frame()) === 'web');
	t.deepEqual(session.calls, ['restart id-web']);
	t.deepEqual(outside, [], 'no shell, no quit');
	t.is(selectedRow(frame()), 'web');
	t.regex(frame(), /filter "web"/);
	t.notRegex(frame(), /Warnings|Details/, 'no panel opened by the letters of the filter');
	unmount();
});

test('a pasted "/redis" becomes the filter text: no restart, shell or start', async t => {
	const {session, outside, stdin, frame, unmount} = await dashboard();
	stdin.write('/redis');
	await settle(() => frame().includes('filter: redis'));
	t.deepEqual(session.calls, []);
	t.deepEqual(outside, []);
	t.regex(frame(), /filter: redis/);
	t.is(selectedRow(frame()), 'redis');
	t.notRegex(frame(), /\bapi\b/, 'the other rows are filtered out');
	unmount();
});

test('a chunk "jjl" moves down twice, then opens the logs of that row', async t => {
	const {stdin, frame, unmount} = await dashboard();
	stdin.write('jjl');
	await settle(() => frame().includes('Logs: redis'));
	t.is(selectedRow(frame()), 'redis');
	t.regex(frame(), /Logs: redis/);
	unmount();
});

test('chunks written back to back, before a render, fold through one another', async t => {
	const {session, stdin, frame, unmount} = await dashboard();
	stdin.write('/');
	stdin.write('web');
	stdin.write('\r');
	stdin.write('r');
	await settle(() => session.calls.length > 0 && selectedRow(frame()) === 'web');
	t.deepEqual(session.calls, ['restart id-web']);
	t.is(selectedRow(frame()), 'web');
	unmount();
});

test('esc and the keys after it in one chunk ("\\u001B/api⏎", tmux send-keys Escape /api Enter): esc clears the filter, / starts a new one', async t => {
	const {stdin, frame, unmount} = await dashboard();
	stdin.write('/web\r');
	await settle(() => frame().includes('filter "web"'));
	stdin.write('\u001B/api\r');
	await settle(() => selectedRow(frame()) === 'api' && frame().includes('filter "api"'));
	t.is(selectedRow(frame()), 'api');
	t.regex(frame(), /filter "api"/);
	t.notRegex(frame(), /webapi/);
	unmount();
});
