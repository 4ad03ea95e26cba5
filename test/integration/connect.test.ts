import {execFile} from 'node:child_process';
import {once} from 'node:events';
import {chmodSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createServer, type Socket} from 'node:net';
import {promisify} from 'node:util';
import test from 'ava';
import {connectEngine} from '../../source/engine/connect.js';
import {EngineError} from '../../source/engine/engine-error.js';

const run = promisify(execFile);

async function dockerCli(...arguments_: string[]): Promise<string> {
	const {stdout} = await run('docker', arguments_);
	return stdout.trim();
}

// No skip when the engine is down: CI must fail loudly rather than pass without testing anything.
test('connecting to this machine\'s engine reports what the docker CLI reports', async t => {
	const connection = await connectEngine({environment: process.env});
	t.is(connection.version, await dockerCli('version', '--format', '{{.Server.Version}}'));
	t.is(connection.apiVersion, await dockerCli('version', '--format', '{{.Server.APIVersion}}'));
	t.is(connection.cgroupVersion, await dockerCli('info', '--format', '{{.CgroupVersion}}') as '1' | '2');
	t.is(connection.capabilities.product, (await dockerCli('version', '--format', '{{json .Server.Components}}')).includes('Podman') ? 'Podman' : 'Docker');
	t.is(connection.os, 'linux');
	t.truthy(connection.address);
	const pong: unknown = await connection.docker.ping();
	t.is(String(pong), 'OK');
});

async function connectionError(environment: Record<string, string>, timeoutMilliseconds?: number): Promise<EngineError> {
	const error = await (async () => {
		try {
			await connectEngine({environment, timeoutMilliseconds});
			return undefined;
		} catch (caught) {
			return caught;
		}
	})();
	if (!(error instanceof EngineError)) {
		throw new TypeError(`expected an EngineError, got ${String(error)}`);
	}

	return error;
}

test('a missing socket in DOCKER_HOST is one line naming the address', async t => {
	const error = await connectionError({DOCKER_HOST: 'unix:///tmp/nonexistent.sock'});
	t.is(
		error.message,
		'cannot reach the container engine at unix:///tmp/nonexistent.sock (DOCKER_HOST): no such socket — is dockerd running?',
	);
	t.is(error.code, 'ENOENT');
});

test('a closed tcp port in DOCKER_HOST is connection refused, on one line', async t => {
	const error = await connectionError({DOCKER_HOST: 'tcp://127.0.0.1:1'});
	t.is(
		error.message,
		'cannot reach the container engine at tcp://127.0.0.1:1 (DOCKER_HOST): connection refused — is dockerd running?',
	);
	t.false(error.message.includes('\n'));
});

test('an engine that never answers times out with the deadline in the message', async t => {
	const sockets = new Set<Socket>();
	const server = createServer(socket => sockets.add(socket));
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	t.teardown(() => {
		for (const socket of sockets) {
			socket.destroy();
		}

		server.close();
	});
	const address = server.address();
	const port = typeof address === 'object' && address !== null ? address.port : 0;
	const started = Date.now();
	const error = await connectionError({DOCKER_HOST: `tcp://127.0.0.1:${port}`}, 300);
	t.is(error.message, `cannot reach the container engine at tcp://127.0.0.1:${port} (DOCKER_HOST): no answer within 0.3 s`);
	t.true(Date.now() - started < 2000);
});

test('a bad DOCKER_HOST fails before dialing, naming the variable', async t => {
	const error = await connectionError({DOCKER_HOST: 'foo://x'});
	t.true(error.message.startsWith('DOCKER_HOST=foo://x: unsupported scheme foo'));
});

// Root reads every socket, so as root the check drops to the nobody user in a child process;
// any other user meets a socket of its own with no permissions.
test('a socket without permission says how to get it', async t => {
	const isRoot = process.getuid?.() === 0;
	const directory = mkdtempSync(path.join(tmpdir(), 'stt-socket-'));
	const socket = isRoot ? '/var/run/docker.sock' : path.join(directory, 'docker.sock');
	const server = isRoot ? undefined : createServer().listen(socket);
	if (server !== undefined) {
		await once(server, 'listening');
		chmodSync(socket, 0o000);
	}

	t.teardown(() => {
		server?.close();
		rmSync(directory, {recursive: true, force: true});
	});
	const dropPrivileges = isRoot ? 'process.setgroups([]); process.setgid(65534); process.setuid(65534);' : '';
	const script = [
		'const {connectEngine} = await import("./source/engine/connect.ts");',
		dropPrivileges,
		`try { await connectEngine({environment: {DOCKER_HOST: "unix://${socket}"}}); console.log("connected"); }`,
		'catch (error) { console.log(error.message); }',
	].join('\n');
	const {stdout} = await run(process.execPath, ['--import=tsx', '--input-type=module', '--eval', script], {cwd: process.cwd()});
	t.is(stdout.trim(), `permission denied on ${socket} (DOCKER_HOST) — add your user to the docker group or set DOCKER_HOST`);
});
