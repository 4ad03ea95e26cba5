import {readFileSync} from 'node:fs';
import test from 'ava';
import {compileUserPattern} from '../../source/config/user-pattern.js';
import {
	matchLogLine,
	quickTunnelAddress,
	quickTunnelPattern,
	readNgrokTunnels,
	readQuickTunnel,
} from '../../source/stack/tunnels/index.js';

function fixture(name: string): unknown {
	return JSON.parse(readFileSync(new URL(`../fixtures/tunnels/${name}`, import.meta.url), 'utf8')) as unknown;
}

test('ngrok v3: the https public URL, and config.addr as the upstream', t => {
	t.deepEqual(readNgrokTunnels(fixture('ngrok-v3-tunnels.json')), {
		status: 'online',
		publicUrl: 'https://7f3a-203-0-113-42.ngrok-free.app',
		upstream: 'http://esg-api:8000',
	});
});

test('ngrok v2: https is preferred over the http twin listed first', t => {
	t.deepEqual(readNgrokTunnels(fixture('ngrok-v2-tunnels.json')), {status: 'online', publicUrl: 'https://d95211d2.ngrok.io', upstream: 'localhost:80'});
});

test('ngrok with several tunnels: the one forwarding to the profile upstream wins', t => {
	const body = fixture('ngrok-named-tunnels.json');
	t.like(readNgrokTunnels(body, 'api:8000'), {publicUrl: 'https://api-91d4.ngrok-free.app', upstream: 'http://api:8000'});
	t.like(readNgrokTunnels(body), {publicUrl: 'https://web-5c2e.ngrok-free.app'});
	t.like(readNgrokTunnels(body, 'elsewhere:1'), {publicUrl: 'https://web-5c2e.ngrok-free.app'}, 'no match: the first https tunnel');
});

test('ngrok: no tunnels yet is waiting; answers that are not a tunnel list are errors', t => {
	t.deepEqual(readNgrokTunnels(fixture('ngrok-no-tunnels.json')), {status: 'waiting', reason: 'the ngrok agent has no tunnels yet'});
	t.like(readNgrokTunnels({}), {status: 'error'});
	t.like(readNgrokTunnels([]), {status: 'error'});
	t.like(readNgrokTunnels({tunnels: [{name: 'x', public_url: ''}]}), {status: 'error', reason: 'no tunnel in the ngrok agent API answer has a public_url'});
});

test('cloudflared /quicktunnel: the hostname as an https URL; empty is waiting; junk is an error', t => {
	t.deepEqual(readQuickTunnel(fixture('cloudflared-quicktunnel.json')), {status: 'online', publicUrl: 'https://pleasant-horse-lemon-ridge.trycloudflare.com'});
	t.like(readQuickTunnel(fixture('cloudflared-named-tunnel.json')), {status: 'waiting'});
	t.like(readQuickTunnel({}), {status: 'error'});
	t.like(readQuickTunnel({hostname: 'evil.com/<script>'}), {status: 'error'});
});

test('the /quicktunnel address from a metrics base, its /metrics page, or itself', t => {
	t.is(quickTunnelAddress('http://127.0.0.1:20241'), 'http://127.0.0.1:20241/quicktunnel');
	t.is(quickTunnelAddress('http://127.0.0.1:20241/metrics'), 'http://127.0.0.1:20241/quicktunnel');
	t.is(quickTunnelAddress('http://127.0.0.1:20241/quicktunnel'), 'http://127.0.0.1:20241/quicktunnel');
	t.is(quickTunnelAddress('http://host:2000/cf/'), 'http://host:2000/cf/quicktunnel');
});

test('the quick tunnel pattern finds exactly the boxed URL in a cloudflared log', t => {
	const lines = readFileSync(new URL('../fixtures/tunnels/cloudflared-log.txt', import.meta.url), 'utf8').split('\n');
	const pattern = compileUserPattern(quickTunnelPattern);
	t.deepEqual(
		lines.map(line => matchLogLine(pattern, line)).filter(url => url !== undefined),
		['https://pleasant-horse-lemon-ridge.trycloudflare.com'],
	);
});

test('a log pattern yields its first group, else the whole match; colour codes are ignored', t => {
	t.is(matchLogLine(compileUserPattern(String.raw`url=(\S+)`), 'msg="started tunnel" url=https://a.example.net'), 'https://a.example.net');
	t.is(matchLogLine(compileUserPattern(String.raw`https://\S+`), 'Forwarding https://b.example.net -> localhost'), 'https://b.example.net');
	t.is(matchLogLine(compileUserPattern(quickTunnelPattern), '\u001B[32mINF\u001B[0m |  https://c-d.trycloudflare.com\u001B[0m  |'), 'https://c-d.trycloudflare.com');
	t.is(matchLogLine(compileUserPattern(String.raw`url=(\S+)`), 'nothing here'), undefined);
	t.is(matchLogLine(compileUserPattern(String.raw`url=(\S*)`), 'url= (none yet)'), undefined, 'an empty match is no URL');
});
