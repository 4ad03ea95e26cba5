import {readFileSync} from 'node:fs';
import {createServer} from 'node:net';
import test from 'ava';
import type Docker from 'dockerode';
import {numberLabel, projectLabel, serviceLabel} from '../../source/engine/types.js';
import type {Tunnel} from '../../source/profile/types.js';
import {type TunnelStatus, type WatchTunnelOptions, followServiceLogs, serviceRunOf, watchTunnel} from '../../source/stack/tunnels/index.js';
import {StackWatcher} from '../../source/stack/watcher.js';
import {connectForTests, createService, dockerCli, eventually, newProjectName, removeProject, testImage, testLabel} from '../helpers/engine.js';

const {docker} = await connectForTests();
const project = newProjectName('tunnels');

test.after.always(async () => removeProject(docker, project));

async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise(resolve => server.close(resolve));
	return port;
}

/** An ngrok stand-in: busybox httpd on the host network serving the agent API answer. */
async function createAgent(service: string, port: number, answer: string): Promise<Docker.Container> {
	return docker.createContainer({
		name: `${project}-${service}-1`,
		Image: testImage,
		Cmd: ['sh', '-c', `mkdir -p /www/api && printf '%s' "$ANSWER" > /www/api/tunnels && exec httpd -f -p 127.0.0.1:${port} -h /www`],
		Env: [`ANSWER=${answer}`],
		Labels: {[projectLabel]: project, [serviceLabel]: service, [numberLabel]: '1', [testLabel]: project},
		HostConfig: {NetworkMode: 'host'},
	});
}

function watchStack(t: {teardown(fn: () => void): void}): StackWatcher {
	const watcher = new StackWatcher(docker, project);
	t.teardown(() => watcher.stop());
	watcher.start();
	return watcher;
}

/** Runs watchTunnel in the background; the returned list fills as statuses come. */
function watch(t: {teardown(fn: () => void): void}, tunnel: Tunnel, options: Omit<WatchTunnelOptions, 'signal'>): TunnelStatus[] {
	const controller = new AbortController();
	t.teardown(() => controller.abort());
	const statuses: TunnelStatus[] = [];
	void (async () => {
		for await (const status of watchTunnel(tunnel, {intervalMs: 200, maxBackoffMs: 400, ...options, signal: controller.signal})) {
			statuses.push(status);
		}
	})();
	return statuses;
}

test('ngrok: the URL served by an agent API in a container; waiting before it starts and after it stops', async t => {
	const port = await freePort();
	const answer = readFileSync(new URL('../fixtures/tunnels/ngrok-v3-tunnels.json', import.meta.url), 'utf8');
	const agent = await createAgent('ngrok', port, answer);
	const watcher = watchStack(t);
	await eventually(() => serviceRunOf(watcher.state, 'ngrok') !== undefined, 5000, 'the agent container in the stack model');
	const tunnel: Tunnel = {provider: 'ngrok', service: 'ngrok', api: `http://127.0.0.1:${port}/api/tunnels`, pattern: undefined, upstream: undefined};
	const statuses = watch(t, tunnel, {serviceRun: () => serviceRunOf(watcher.state, 'ngrok')});
	await eventually(() => statuses.length > 0, 5000, 'a first status');
	t.like(statuses[0], {status: 'waiting', reason: 'ngrok is not running'});

	await agent.start();
	await eventually(() => statuses.some(status => status.status === 'online'), 10_000, 'the tunnel online');
	t.like(statuses.find(status => status.status === 'online'), {publicUrl: 'https://7f3a-203-0-113-42.ngrok-free.app', upstream: 'http://esg-api:8000'});

	await agent.stop({t: 1});
	await eventually(() => statuses.at(-1)?.reason === 'ngrok is not running', 10_000, 'waiting after the stop');
	t.false(statuses.slice(1).some(status => status.status === 'error'), JSON.stringify(statuses));
});

test('cloudflared without a metrics address, and the log provider: the URL the container printed', async t => {
	await createService(docker, {project, service: 'cloudflared', command: ['sh', '-c', 'echo "INF |  https://abc-def.trycloudflare.com"; exec idle']});
	const watcher = watchStack(t);
	const options = {serviceRun: () => serviceRunOf(watcher.state, 'cloudflared'), logs: followServiceLogs(docker, () => watcher.state, 'cloudflared')};
	const quick = watch(t, {provider: 'cloudflared', service: 'cloudflared', api: undefined, pattern: undefined, upstream: undefined}, options);
	const logged = watch(t, {provider: 'log', service: 'cloudflared', api: undefined, pattern: String.raw`\|\s+(https://\S+)`, upstream: 'web:80'}, options);
	await eventually(() => quick.at(-1)?.status === 'online' && logged.at(-1)?.status === 'online', 10_000, 'both online');
	t.is(quick.at(-1)?.publicUrl, 'https://abc-def.trycloudflare.com');
	t.like(logged.at(-1), {publicUrl: 'https://abc-def.trycloudflare.com', upstream: 'web:80'});
});

test('a restarted quick tunnel shows the URL of its new run, not the old one', async t => {
	const script = 'n=$(cat /run-count 2>/dev/null || echo 0); n=$((n+1)); echo $n > /run-count; [ $n -gt 1 ] && sleep 1; echo "INF |  https://run-$n.trycloudflare.com"; exec idle';
	const container = await createService(docker, {project, service: 'restarted', command: ['sh', '-c', script]});
	const watcher = watchStack(t);
	const statuses = watch(t, {provider: 'cloudflared', service: 'restarted', api: undefined, pattern: undefined, upstream: undefined}, {
		serviceRun: () => serviceRunOf(watcher.state, 'restarted'),
		logs: followServiceLogs(docker, () => watcher.state, 'restarted'),
	});
	await eventually(() => statuses.at(-1)?.publicUrl === 'https://run-1.trycloudflare.com', 10_000, 'the first run\'s URL');
	await dockerCli(['restart', '-t', '1', container.id]);
	await eventually(() => statuses.at(-1)?.publicUrl === 'https://run-2.trycloudflare.com', 10_000, 'the second run\'s URL');
	t.is(statuses.filter(status => status.publicUrl === 'https://run-1.trycloudflare.com').length, 1, 'the old URL never comes back');
});
