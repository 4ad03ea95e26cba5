import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {connect, type AddressInfo} from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import ssh2 from 'ssh2';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dockerSocket = process.env['DOCKER_HOST']?.startsWith('unix://') ? process.env['DOCKER_HOST'].slice('unix://'.length) : '/var/run/docker.sock';

/**
 * A stand-in sshd: ssh2's own server, accepting anyone, that answers `docker system dial-stdio`
 * the way the docker CLI does on a real host: the session's stdin and stdout become the engine's socket.
 */
async function startSshd(): Promise<{port: number; commands: string[]; close: () => void}> {
	const commands: string[] = [];
	const hostKey = ssh2.utils.generateKeyPairSync('ed25519').private;
	const server = new ssh2.Server({hostKeys: [hostKey]}, client => {
		client.on('authentication', context => context.accept());
		client.on('error', () => undefined);
		client.on('session', accept => {
			accept().on('exec', (acceptExec, _reject, info) => {
				commands.push(info.command);
				const channel = acceptExec();
				const engine = connect(dockerSocket);
				channel.pipe(engine).pipe(channel);
				engine.on('close', () => channel.close());
				channel.on('close', () => engine.destroy());
			});
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {port: (server.address() as AddressInfo).port, commands, close: () => server.close()};
}

async function stacktui(...args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	const child = spawn(process.execPath, ['--import=tsx', path.join(root, 'source/bin.ts'), ...args], {cwd: root, env: {...process.env, SSH_AUTH_SOCK: ''}});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const [code] = (await once(child, 'exit')) as [number | null];
	return {code, stdout, stderr};
}

test('an ssh:// engine answers through docker system dial-stdio, without a deprecation warning', async t => {
	const sshd = await startSshd();
	try {
		const result = await stacktui('status', '--engine', `ssh://ada@127.0.0.1:${sshd.port}`, '--project', 'stt-no-such-project', '--json');
		t.is(result.code, 0, result.stderr);
		t.notRegex(result.stderr, /DEP0170|DeprecationWarning/);
		// The engine answered through ssh: it listed its projects for the one it does not have.
		t.regex(result.stderr, /^stacktui: no containers of project "stt-no-such-project" \(label com\.docker\.compose\.project=stt-no-such-project\)/);
		t.true(sshd.commands.length > 0);
		t.true(sshd.commands.every(command => command === 'docker system dial-stdio'));
		t.deepEqual((JSON.parse(result.stdout) as {services: unknown[]}).services, []);
	} finally {
		sshd.close();
	}
});

test('when sshd refuses, the error says ssh refused, not that dockerd is down', async t => {
	const sshd = await startSshd();
	sshd.close();
	const result = await stacktui('status', '--engine', `ssh://ada@127.0.0.1:${sshd.port}`, '--project', 'x');
	t.is(result.code, 2);
	t.is(result.stderr, `stacktui: cannot reach the container engine at ssh://ada@127.0.0.1:${sshd.port} (flag): ssh connection refused — is sshd running and reachable on 127.0.0.1:${sshd.port}?\n`);
});
