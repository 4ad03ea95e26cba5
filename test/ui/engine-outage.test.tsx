import test from 'ava';
import {renderDashboard, selectedRow, settle} from './dashboard-harness.js';
import {container} from './fake-session.js';

function rowOf(frame: string, service: string): string {
	return frame.split('\n').find(line => new RegExp(`^[> ] ${service}\\s`).test(line)) ?? '';
}

test('while the engine is lost the rows are marked stale, until it is back and listed again', async t => {
	const {session, frame, unmount} = renderDashboard([container('api'), container('web')]);
	await settle(() => selectedRow(frame()) === 'api');
	t.regex(rowOf(frame(), 'web'), /web\s+running/);

	session.change({state: {...session.view.state, engine: 'lost', engineError: 'connect ECONNREFUSED', isListed: false, stats: new Map()}});
	await settle(() => frame().includes('stale'));
	t.regex(rowOf(frame(), 'web'), /web\s+running\s+\? stale/);
	t.regex(rowOf(frame(), 'api'), /api\s+running\s+\? stale/);
	t.regex(frame(), /engine lost: connect ECONNREFUSED — reconnecting…/);

	session.change({state: {...session.view.state, engine: 'connected', engineError: undefined}});
	await settle(() => !frame().includes('engine lost'));
	t.regex(rowOf(frame(), 'web'), /\? stale/, 'connected, not listed yet: still what was known before');

	session.change({state: {...session.view.state, isListed: true}});
	await settle(() => !frame().includes('stale'));
	t.regex(rowOf(frame(), 'web'), /web\s+running/);
	unmount();
});
