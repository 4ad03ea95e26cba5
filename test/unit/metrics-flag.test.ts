import test from 'ava';
import {listenBeforeSession, metricsFlag} from '../../source/commands/metrics-flag.js';
import {UsageError} from '../../source/commands/usage-error.js';
import {initialBudgetState} from '../../source/stack/budgets.js';
import {initialState} from '../../source/stack/model.js';

test('a bad --metrics value is a usage error (one line, exit 2)', t => {
	t.throws(() => metricsFlag('localhost'), {instanceOf: UsageError, message: '--metrics: "localhost" is not HOST:PORT (e.g. 127.0.0.1:9464)'});
	t.deepEqual(metricsFlag('127.0.0.1:0'), {host: '127.0.0.1', port: 0});
});

test('bound before the session starts: an empty stack first, then the session once attached', async t => {
	const controller = new AbortController();
	const endpoint = await listenBeforeSession({host: '127.0.0.1', port: 0}, 'demo', controller.signal);
	const url = `http://127.0.0.1:${endpoint.address.port}/metrics`;
	t.regex(await (await fetch(url)).text(), /^stacktui_engine_connected\{project="demo"\} 0$/m);
	endpoint.attach(() => ({state: {...initialState('demo'), engine: 'connected'}, budgets: initialBudgetState(), startedAt: 0, now: 0}));
	t.regex(await (await fetch(url)).text(), /^stacktui_engine_connected\{project="demo"\} 1$/m);
	controller.abort();
});
