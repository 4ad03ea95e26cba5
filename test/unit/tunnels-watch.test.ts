import {readFileSync} from 'node:fs';
import {type IncomingMessage, type Server, type ServerResponse, createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import test from 'ava';
import type {LogLine} from '../../source/engine/types.js';
import type {Tunnel} from '../../source/profile/types.js';
import {type ServiceRun, type TunnelStatus, type WatchTunnelOptions, watchTunnel} from '../../source/stack/tunnels/index.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tunnels/${name}`, import.meta.url), 'utf8');

/** A local agent stand-in on 127.0.0.1; counts the requests it gets. */
async function serve(handler: Handler, port = 0): Promise<{url: string; requests: string[]; server: Server}> {
	const requests: string[] = [];
	const server = createServer((request, response) => {
		requests.push(request.url ?? '');
		handler(request, response);
	});
	await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
	return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server};
}

const json = (body: string, status = 200): Handler => (_request, response) => {
	response.writeHead(status, {'content-type': 'application/json'}).end(body);
};

async function close(server: Server): Promise<void> {
	server.closeAllConnections();
	await new Promise(resolve => server.close(resolve));
}

function tunnel(overrides: Partial<Tunnel>): Tunnel {
	return {provider: 'ngrok', service: 'ngrok', api: undefined, pattern: undefined, upstream: undefined, ...overrides};
}

/** Runs watchTunnel in the background, recording each status it yields. */
function watch(t: {teardown(fn: () => void): void}, subject: Tunnel, options: Omit<WatchTunnelOptions, 'signal'> = {}) {
	const controller = new AbortController();
	const statuses: TunnelStatus[] = [];
	const done = (async () => {
		for await (const status of watchTunnel(subject, {intervalMs: 50, timeoutMs: 5000, ...options, signal: controller.signal})) {
			statuses.push(status);
		}
	})();
	t.teardown(() => controller.abort());
	return {
		statuses,
		async until(predicate: (status: TunnelStatus) => boolean, timeoutMs = 3000): Promise<TunnelStatus> {
			const started = Date.now();
			while (Date.now() - started < timeoutMs) {
				const found = statuses.find(predicate);
				if (found !== undefined) {
					return found;
				}

				await new Promise(resolve => setTimeout(resolve, 10));
			}

			throw new Error(`no such status in ${timeoutMs} ms; got ${JSON.stringify(statuses)}`);
		},
		async stop() {
			controller.abort();
			await done;
		},
	};
}

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

test('ngrok: the agent API gives the URL; an unchanged answer is not yielded again', async t => {
	const agent = await serve(json(fixture('ngrok-v3-tunnels.json')));
	t.teardown(async () => close(agent.server));
	const watcher = watch(t, tunnel({api: `${agent.url}/api/tunnels`, upstream: 'esg-api:8000'}));
	await watcher.until(status => status.status === 'online');
	while (agent.requests.length < 4) {
		await sleep(20); // Polled again and again; the test times out otherwise.
	}

	await watcher.stop();
	t.deepEqual(watcher.statuses, [
		{provider: 'ngrok', service: 'ngrok', publicUrl: 'https://7f3a-203-0-113-42.ngrok-free.app', upstream: 'http://esg-api:8000', status: 'online', reason: undefined},
	]);
	t.deepEqual([...new Set(agent.requests)], ['/api/tunnels']);
});

test('ngrok: waiting while nothing listens, online once the agent is up', async t => {
	const probe = await serve(json('{}'));
	const {url} = probe;
	await close(probe.server);
	const watcher = watch(t, tunnel({api: `${url}/api/tunnels`}));
	const waiting = await watcher.until(status => status.status === 'waiting');
	t.regex(waiting.reason ?? '', /nothing answers at http:\/\/127\.0\.0\.1:\d+\/api\/tunnels yet \(ECONNREFUSED\)/);
	const agent = await serve(json(fixture('ngrok-v2-tunnels.json')), Number(new URL(url).port));
	t.teardown(async () => close(agent.server));
	const online = await watcher.until(status => status.status === 'online');
	t.is(online.publicUrl, 'https://d95211d2.ngrok.io');
});

test('errors are one-line statuses: HTTP error, not JSON, no answer in time', async t => {
	const cases: Array<[Handler, RegExp, number]> = [
		[json('oops', 500), /answered HTTP 500 Internal Server Error$/, 5000],
		[json('<html>ngrok</html>'), /did not answer JSON$/, 5000],
		[() => undefined, /^no answer from http:\/\/127\.0\.0\.1:\d+\/api\/tunnels within 0\.2 s$/, 200],
	];
	for (const [handler, expected, timeoutMs] of cases) {
		const agent = await serve(handler);
		const watcher = watch(t, tunnel({api: `${agent.url}/api/tunnels`}), {timeoutMs});
		const status = await watcher.until(item => item.status !== 'waiting');
		await watcher.stop();
		await close(agent.server);
		t.is(status.status, 'error');
		t.regex(status.reason ?? '', expected);
		t.false(status.reason?.includes('\n'));
	}
});

test('a failing agent API is polled less and less often', async t => {
	const agent = await serve(json('oops', 503));
	t.teardown(async () => close(agent.server));
	const watcher = watch(t, tunnel({api: `${agent.url}/api/tunnels`}), {intervalMs: 40, maxBackoffMs: 10_000});
	await sleep(1000);
	await watcher.stop();
	// 40, 80, 160, 320, 640 ms apart: five requests in a second (25 without backoff).
	t.true(agent.requests.length >= 3 && agent.requests.length <= 6, `${agent.requests.length} requests`);
});

test('waiting without a request while the service is not running; online once it runs', async t => {
	const agent = await serve(json(fixture('ngrok-v3-tunnels.json')));
	t.teardown(async () => close(agent.server));
	let run: ServiceRun | undefined;
	const watcher = watch(t, tunnel({api: `${agent.url}/api/tunnels`}), {serviceRun: () => run});
	t.is((await watcher.until(status => status.status === 'waiting')).reason, 'ngrok has no container');
	run = {isRunning: false, startedAt: '2024-05-01T10:00:00Z'};
	t.is((await watcher.until(status => status.reason === 'ngrok is not running')).status, 'waiting');
	t.is(agent.requests.length, 0);
	run = {isRunning: true, startedAt: '2024-05-01T10:01:00Z'};
	await watcher.until(status => status.status === 'online');
	run = {isRunning: false, startedAt: '2024-05-01T10:01:00Z'};
	await watcher.until(status => status.status === 'waiting' && status.reason === 'ngrok is not running' && watcher.statuses.length > 3);
	t.deepEqual(
		watcher.statuses.map(status => status.status),
		['waiting', 'waiting', 'online', 'waiting'],
	);
});

test('an injected fetch is used for the agent API', async t => {
	const asked: string[] = [];
	const fakeFetch = (async (input: string | URL | Request) => {
		asked.push(String(input));
		return new Response(fixture('cloudflared-quicktunnel.json'));
	}) as typeof fetch;
	const watcher = watch(t, tunnel({provider: 'cloudflared', service: 'cloudflared', api: 'http://cloudflared.invalid:20241/metrics'}), {fetch: fakeFetch});
	t.is((await watcher.until(status => status.status === 'online')).publicUrl, 'https://pleasant-horse-lemon-ridge.trycloudflare.com');
	t.is(asked[0], 'http://cloudflared.invalid:20241/quicktunnel');
});

/** A log source that replays lines, then stays open until aborted; counts how often it was opened. */
function replay(lines: ReadonlyArray<readonly [string, string]>, opened: {count: number} = {count: 0}) {
	return async function* (signal: AbortSignal): AsyncGenerator<LogLine> {
		opened.count++;
		for (const [time, text] of lines) {
			yield {containerId: 'c1', stream: 'stderr', time, text};
		}

		await new Promise(resolve => signal.addEventListener('abort', resolve, {once: true}));
	};
}

test('cloudflared: the log is the fallback when the metrics page has no hostname', async t => {
	const metrics = await serve(json(fixture('cloudflared-named-tunnel.json')));
	t.teardown(async () => close(metrics.server));
	const logs = replay([['2024-05-01T10:00:04Z', '2024-05-01T10:00:04Z INF |  https://pleasant-horse-lemon-ridge.trycloudflare.com  |']]);
	const watcher = watch(t, tunnel({provider: 'cloudflared', service: 'cloudflared', api: metrics.url, upstream: 'http://web:3000'}), {logs});
	const online = await watcher.until(status => status.status === 'online');
	t.deepEqual(online, {
		provider: 'cloudflared',
		service: 'cloudflared',
		publicUrl: 'https://pleasant-horse-lemon-ridge.trycloudflare.com',
		upstream: 'http://web:3000',
		status: 'online',
		reason: undefined,
	});
	t.deepEqual([...new Set(metrics.requests)], ['/quicktunnel']);
});

test('log provider: the newest match of the current run; earlier runs and other containers do not count', async t => {
	const logs = replay([
		['2024-05-01T09:00:00.5Z', 'tunnel ready url=https://old.example.net'],
		['2024-05-01T10:00:01.000000001Z', 'listening'],
	]);
	const subject = tunnel({provider: 'log', service: 'tunnel', pattern: String.raw`url=(https://\S+)`});
	const run = {isRunning: true, startedAt: '2024-05-01T10:00:00Z', containerId: 'c1', logsAfter: '2024-05-01T09:59:59Z'};
	const watcher = watch(t, subject, {logs, serviceRun: () => run});
	const waiting = await watcher.until(status => status.status === 'waiting');
	t.is(waiting.reason, String.raw`no line matching /url=(https://\S+)/ in the log of tunnel yet`);
	const otherContainer = watch(t, subject, {
		logs: replay([['2024-05-01T10:00:02Z', 'tunnel ready url=https://other.example.net']]),
		serviceRun: () => ({...run, containerId: 'c2'}),
	});
	await sleep(200);
	t.false([...watcher.statuses, ...otherContainer.statuses].some(status => status.status === 'online'), 'neither the old run\'s nor another container\'s URL is shown');

	const early = watch(t, subject, {
		// Stamped before StartedAt but after the previous run ended: this run's line.
		logs: replay([['2024-05-01T09:59:59.9Z', 'tunnel ready url=https://early.example.net']]),
		serviceRun: () => run,
	});
	t.is((await early.until(status => status.status === 'online')).publicUrl, 'https://early.example.net');

	const newest = watch(t, subject, {
		logs: replay([
			['2024-05-01T10:00:02Z', 'tunnel ready url=https://first.example.net'],
			['2024-05-01T10:00:09Z', 'tunnel ready url=https://second.example.net'],
		]),
		serviceRun: () => run,
	});
	await newest.until(status => status.status === 'online');
	await sleep(100);
	t.is(newest.statuses.at(-1)?.publicUrl, 'https://second.example.net');
});

test('a log that fails is an error status and is opened again', async t => {
	const opened = {count: 0};
	const logs = async function* (): AsyncGenerator<LogLine> {
		opened.count++;
		yield* [];
		throw new Error('engine lost\nstack trace');
	};

	const watcher = watch(t, tunnel({provider: 'log', service: 'tunnel', pattern: 'x'}), {logs});
	const failed = await watcher.until(status => status.status === 'error');
	t.is(failed.reason, 'cannot read the log: engine lost');
	await sleep(300);
	t.true(opened.count >= 2, `opened ${opened.count} times`);
});

test('aborting ends the watch at once, also while a request hangs', async t => {
	const agent = await serve(() => undefined);
	t.teardown(async () => close(agent.server));
	const watcher = watch(t, tunnel({api: `${agent.url}/api/tunnels`}), {timeoutMs: 60_000});
	await sleep(100);
	const started = Date.now();
	await watcher.stop();
	t.true(Date.now() - started < 200);
	t.deepEqual(watcher.statuses, []);
});
