import test from 'ava';
import {renderDashboard, selectedRow, settle} from './dashboard-harness.js';
import {container} from './fake-session.js';

const names = Array.from({length: 40}, (_, index) => `service-${String(index).padStart(2, '0')}`);
const pageDown = '\u001B[6~';
const pageUp = '\u001B[5~';

async function dashboard(services: readonly string[]) {
	const app = renderDashboard(services.map(service => container(service)));
	await settle(() => selectedRow(app.frame()) === services[0]);
	return app;
}

// 24 rows: 20 for the table, a title line and a "1–18 of 40" line: a page is 18 rows.
test('pgdn and ctrl+d move a page down the services table; pgup and ctrl+u a page up', async t => {
	const {stdin, frame, unmount} = await dashboard(names);
	stdin.write(pageDown);
	await settle(() => selectedRow(frame()) !== 'service-00');
	t.is(selectedRow(frame()), 'service-18');
	stdin.write('\u0004');
	await settle(() => selectedRow(frame()) !== 'service-18');
	t.is(selectedRow(frame()), 'service-36');
	stdin.write(pageUp);
	await settle(() => selectedRow(frame()) !== 'service-36');
	t.is(selectedRow(frame()), 'service-18');
	stdin.write('\u0015');
	await settle(() => selectedRow(frame()) !== 'service-18');
	t.is(selectedRow(frame()), 'service-00');
	unmount();
});

test('one esc after a log search clears the search; the next closes the pane', async t => {
	const {stdin, frame, unmount} = await dashboard(['api', 'db']);
	stdin.write('l');
	await settle(() => frame().includes('Logs: api'));
	stdin.write('/ready\r');
	await settle(() => frame().includes('/ready'));
	t.regex(frame(), /Logs: api · .*\/ready: no match/);
	t.regex(frame(), /esc clear search/, 'the footer says what esc does');
	stdin.write('\u001B');
	await settle(() => !frame().includes('/ready'));
	t.regex(frame(), /Logs: api/, 'the pane is still open');
	t.notRegex(frame(), /\/ready/);
	stdin.write('\u001B');
	await settle(() => !frame().includes('Logs: api'));
	t.notRegex(frame(), /Logs:/);
	unmount();
});

test('the search does not carry over to the next service', async t => {
	const {stdin, frame, unmount} = await dashboard(['api', 'db']);
	stdin.write('l');
	await settle(() => frame().includes('Logs: api'));
	stdin.write('/ready\r');
	await settle(() => frame().includes('/ready'));
	stdin.write('l');
	await settle(() => !frame().includes('Logs: api'));
	stdin.write('jl');
	await settle(() => frame().includes('Logs: db'));
	t.regex(frame(), /Logs: db · following/);
	t.notRegex(frame(), /\/ready/);
	unmount();
});
