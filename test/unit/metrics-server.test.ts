import {Agent, request} from 'node:http';
import test from 'ava';
import type {MetricFamily} from '../../source/metrics/exposition.js';
import {serveMetrics} from '../../source/metrics/metrics-server.js';

const families: MetricFamily[] = [{name: 'demo_up', type: 'gauge', help: 'Up.', samples: [{labels: {}, value: 1}]}];

async function start() {
	const controller = new AbortController();
	let reads = 0;
	const server = await serveMetrics({address: {host: '127.0.0.1', port: 0}, read: () => (reads++, families), signal: controller.signal});
	return {controller, server, url: `http://127.0.0.1:${server.address.port}`, reads: () => reads};
}

test('nothing is read between scrapes; each scrape formats the state once', async t => {
	const {controller, url, reads} = await start();
	await new Promise(resolve => setTimeout(resolve, 200));
	t.is(reads(), 0);
	const response = await fetch(`${url}/metrics`);
	t.is(response.status, 200);
	t.is(await response.text(), '# TYPE demo_up gauge\n# HELP demo_up Up.\ndemo_up 1\n# EOF\n');
	t.is(reads(), 1);
	controller.abort();
});

test('only GET and HEAD of /metrics', async t => {
	const {controller, url, reads} = await start();
	t.is((await fetch(`${url}/`)).status, 404);
	t.is((await fetch(`${url}/metrics`, {method: 'POST', body: 'x'})).status, 405);
	const head = await fetch(`${url}/metrics`, {method: 'HEAD'});
	t.is(head.status, 200);
	t.is(await head.text(), '');
	t.is(reads(), 1, 'only the HEAD formatted');
	controller.abort();
});

test('aborting closes the listener and a scraper\'s kept-alive connection', async t => {
	const {controller, server, url} = await start();
	// A keep-alive connection, as Prometheus holds one between scrapes.
	const socketClosed = new Promise<void>(resolve => {
		const call = request(`${url}/metrics`, {agent: new Agent({keepAlive: true})}, response => {
			response.resume();
			response.socket.once('close', () => resolve());
		});
		call.end();
	});
	await new Promise(resolve => setTimeout(resolve, 100));
	controller.abort();
	await server.closed;
	await socketClosed;
	await t.throwsAsync(fetch(`${url}/metrics`));
});

test('an address in use is a one-line error naming it', async t => {
	const {controller, server} = await start();
	const error = await t.throwsAsync(serveMetrics({address: {host: '127.0.0.1', port: server.address.port}, read: () => families, signal: new AbortController().signal}));
	t.is(error?.message, `--metrics: cannot listen on 127.0.0.1:${server.address.port}: the address is in use`);
	controller.abort();
});
