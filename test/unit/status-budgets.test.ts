import test from 'ava';
import {formatBudgetTable} from '../../source/commands/status-budgets.js';

test('the budgets table for a terminal: state, id, now against the limit as written, and why', t => {
	const table = formatBudgetTable({
		phase: 'idle',
		budgets: [
			{id: 'memory:web', description: '', written: '1MB', state: 'over', value: 2 * 1024 * 1024, unit: 'bytes', note: ''},
			{id: 'uptime:web', description: '', written: '99.9%', state: 'not-evaluated', value: null, unit: 'ratio', note: 'needs a run: stacktui soak'},
		],
		down: [{service: 'victim', health: 'missing'}],
	});
	t.is(table, ['budgets (phase idle):', 'BUDGET  ID          NOW / LIMIT  NOTE', 'OVER    memory:web  2MiB / 1MB', '-       uptime:web  -            needs a run: stacktui soak', 'DOWN  victim: no container'].join('\n'));
});
