import test from 'ava';
import {resolveEngineAddress, type ResolutionInputs} from '../../source/engine/engine-address.js';
import {EngineError, engineErrorFromFailure} from '../../source/engine/engine-error.js';

/** Resolution inputs over an in-memory file system; only the listed paths exist. */
function inputs(overrides: Partial<ResolutionInputs> & {files?: Record<string, string>; sockets?: string[]} = {}): ResolutionInputs {
	const files = overrides.files ?? {};
	const sockets = new Set(overrides.sockets ?? ['/var/run/docker.sock']);
	return {
		environment: {},
		homeDirectory: '/home/ada',
		userId: 1000,
		readFile: filePath => files[filePath],
		exists: filePath => sockets.has(filePath),
		...overrides,
	};
}

function resolutionError(input: ResolutionInputs): EngineError {
	const error = (() => {
		try {
			resolveEngineAddress(input);
		} catch (caught) {
			return caught;
		}

		return undefined;
	})();
	if (!(error instanceof EngineError)) {
		throw new TypeError('expected an EngineError');
	}

	return error;
}

test('the default socket is used when nothing is configured', t => {
	const resolved = resolveEngineAddress(inputs());
	t.is(resolved.address, 'unix:///var/run/docker.sock');
	t.is(resolved.source, 'default socket');
	t.like(resolved.dockerodeOptions, {socketPath: '/var/run/docker.sock', host: undefined});
});

test('an explicit address wins over DOCKER_HOST and the context', t => {
	const resolved = resolveEngineAddress(inputs({
		explicitAddress: 'unix:///srv/engine.sock',
		environment: {DOCKER_HOST: 'tcp://10.0.0.1:2375', DOCKER_CONTEXT: 'remote'},
	}));
	t.is(resolved.source, 'flag');
	t.is(resolved.address, 'unix:///srv/engine.sock');
	// docker-modem merges its own reading of DOCKER_HOST under ours: host must be explicitly blank.
	t.true('host' in resolved.dockerodeOptions);
	t.like(resolved.dockerodeOptions, {socketPath: '/srv/engine.sock', host: undefined});
});

test('DOCKER_HOST wins over the context and the default socket', t => {
	const resolved = resolveEngineAddress(inputs({environment: {DOCKER_HOST: 'tcp://10.0.0.1:2375', DOCKER_CONTEXT: 'remote'}}));
	t.is(resolved.source, 'DOCKER_HOST');
	t.is(resolved.address, 'tcp://10.0.0.1:2375');
	t.like(resolved.dockerodeOptions, {host: '10.0.0.1', port: 2375, protocol: 'http', socketPath: undefined});
});

test('a bare host:port in DOCKER_HOST means tcp, and tcp without a port means 2375', t => {
	t.is(resolveEngineAddress(inputs({environment: {DOCKER_HOST: 'build-box:2380'}})).address, 'tcp://build-box:2380');
	t.is(resolveEngineAddress(inputs({environment: {DOCKER_HOST: 'tcp://build-box'}})).address, 'tcp://build-box:2375');
});

test('DOCKER_TLS_VERIFY and DOCKER_CERT_PATH give an https connection with the certificates', t => {
	const resolved = resolveEngineAddress(inputs({
		environment: {DOCKER_HOST: 'tcp://engine.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs'},
		files: {'/certs/ca.pem': 'CA', '/certs/cert.pem': 'CERT', '/certs/key.pem': 'KEY'},
	}));
	t.like(resolved.dockerodeOptions, {protocol: 'https', host: 'engine.example', port: 2376, ca: 'CA', cert: 'CERT', key: 'KEY'});
});

test('DOCKER_TLS_VERIFY without a certificate path reads ~/.docker, and fails clearly when absent', t => {
	const environment = {DOCKER_HOST: 'tcp://engine.example', DOCKER_TLS_VERIFY: '1'};
	const resolved = resolveEngineAddress(inputs({environment, files: {'/home/ada/.docker/ca.pem': 'CA'}}));
	t.like(resolved.dockerodeOptions, {protocol: 'https', port: 2376, ca: 'CA'});
	t.regex(resolutionError(inputs({environment})).message, /cannot read \/home\/ada\/\.docker\/ca\.pem/);
});

test('ssh:// gives docker-modem ssh options with user, port and agent', t => {
	const resolved = resolveEngineAddress(inputs({environment: {DOCKER_HOST: 'ssh://ada@build-box:2222', SSH_AUTH_SOCK: '/tmp/agent'}}));
	t.is(resolved.address, 'ssh://ada@build-box:2222');
	t.like(resolved.dockerodeOptions, {protocol: 'ssh', host: 'build-box', port: 2222, username: 'ada', sshOptions: {agent: '/tmp/agent'}});
	t.like(resolveEngineAddress(inputs({environment: {DOCKER_HOST: 'ssh://build-box'}})).dockerodeOptions, {port: 22, username: undefined});
});

test('a malformed DOCKER_HOST is one line naming the variable and the problem', t => {
	t.true(resolutionError(inputs({environment: {DOCKER_HOST: 'foo://x'}})).message.startsWith('DOCKER_HOST=foo://x: unsupported scheme foo'));
	t.regex(resolutionError(inputs({environment: {DOCKER_HOST: 'unix://relative.sock'}})).message, /^DOCKER_HOST=unix:\/\/relative\.sock: expected unix:\/\/\//);
	t.regex(resolutionError(inputs({environment: {DOCKER_HOST: 'tcp://host:port'}})).message, /^DOCKER_HOST=tcp:\/\/host:port: not a valid tcp/);
	t.regex(resolutionError(inputs({explicitAddress: 'http://x'})).message, /^engine address http:\/\/x: unsupported scheme http/);
});

test('the current context is looked up by the sha256 of its name, DOCKER_CONTEXT before config.json', t => {
	// sha256("remote"), as the docker CLI names the folder
	const meta = '/home/ada/.docker/contexts/meta/b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a/meta.json';
	const files = {
		[meta]: JSON.stringify({Name: 'remote', Endpoints: {docker: {Host: 'ssh://ada@build-box'}}}),
		'/home/ada/.docker/config.json': JSON.stringify({currentContext: 'other'}),
	};
	const resolved = resolveEngineAddress(inputs({environment: {DOCKER_CONTEXT: 'remote'}, files}));
	t.is(resolved.source, 'context remote');
	t.is(resolved.address, 'ssh://ada@build-box');
	t.regex(resolutionError(inputs({files})).message, /^docker context "other" not found: cannot read /);
});

test('context "default" means the default socket', t => {
	const resolved = resolveEngineAddress(inputs({environment: {DOCKER_CONTEXT: 'default'}}));
	t.is(resolved.source, 'default socket');
});

test('Podman rootless sockets are used when Docker\'s socket is absent', t => {
	const fromRuntimeDirectory = resolveEngineAddress(inputs({
		environment: {XDG_RUNTIME_DIR: '/run/user/1000'},
		sockets: ['/run/user/1000/podman/podman.sock', '/run/podman/podman.sock'],
	}));
	t.is(fromRuntimeDirectory.source, 'podman rootless');
	t.is(fromRuntimeDirectory.address, 'unix:///run/user/1000/podman/podman.sock');
	const fromUserId = resolveEngineAddress(inputs({userId: 1234, sockets: ['/run/user/1234/podman/podman.sock']}));
	t.is(fromUserId.address, 'unix:///run/user/1234/podman/podman.sock');
});

test('the rootful Podman socket comes last, and Docker\'s socket wins over Podman\'s', t => {
	t.is(resolveEngineAddress(inputs({sockets: ['/run/podman/podman.sock']})).source, 'podman rootful');
	t.is(resolveEngineAddress(inputs({sockets: ['/var/run/docker.sock', '/run/podman/podman.sock']})).source, 'default socket');
});

test('no socket at all lists every place tried', t => {
	const message = resolutionError(inputs({environment: {XDG_RUNTIME_DIR: '/run/user/1000'}, sockets: []})).message;
	t.is(
		message,
		'no container engine found: tried /var/run/docker.sock, /run/user/1000/podman/podman.sock, /run/podman/podman.sock — start dockerd or Podman, or set DOCKER_HOST',
	);
});

function errnoError(code: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`connect ${code} /var/run/docker.sock`), {code});
}

const socketTarget = {address: 'unix:///var/run/docker.sock', source: 'DOCKER_HOST', timeoutMilliseconds: 3000} as const;

test('errno codes become one line naming the address, with a fix', t => {
	t.is(
		engineErrorFromFailure(errnoError('ECONNREFUSED'), socketTarget).message,
		'cannot reach the container engine at unix:///var/run/docker.sock (DOCKER_HOST): connection refused — is dockerd running?',
	);
	t.is(
		engineErrorFromFailure(errnoError('EACCES'), {...socketTarget, source: 'default socket'}).message,
		'permission denied on /var/run/docker.sock (default socket) — add your user to the docker group or set DOCKER_HOST',
	);
	t.regex(engineErrorFromFailure(errnoError('ENOENT'), socketTarget).message, /: no such socket — is dockerd running\?$/);
	const tcpTarget = {address: 'tcp://far.example:2375', source: 'flag', timeoutMilliseconds: 3000} as const;
	t.regex(engineErrorFromFailure(errnoError('ENOTFOUND'), tcpTarget).message, /tcp:\/\/far\.example:2375 \(flag\): unknown host$/);
	t.regex(engineErrorFromFailure(errnoError('EHOSTUNREACH'), tcpTarget).message, /: host unreachable$/);
	t.regex(engineErrorFromFailure(errnoError('ETIMEDOUT'), tcpTarget).message, /: connection timed out$/);
	t.is(engineErrorFromFailure(errnoError('EACCES'), socketTarget).code, 'EACCES');
});

test('a timeout, a Podman source and an HTTP answer get their own wording', t => {
	const abort = Object.assign(new Error('The operation was aborted'), {name: 'AbortError'});
	t.regex(engineErrorFromFailure(abort, socketTarget).message, /: no answer within 3 s$/);
	const podman = {...socketTarget, source: 'podman rootless'} as const;
	t.regex(engineErrorFromFailure(errnoError('ECONNREFUSED'), podman).message, /podman\.socket/);
	const http = Object.assign(new Error('(HTTP code 404) unexpected - page not found\n'), {statusCode: 404});
	const message = engineErrorFromFailure(http, socketTarget).message;
	t.false(message.includes('\n'));
	t.regex(message, /answered HTTP 404/);
});

test('root\'s Docker socket that this user may not use yields to the user\'s rootless Podman; alone, it is still dialled', t => {
	const sockets = ['/var/run/docker.sock', '/run/user/1001/podman/podman.sock'];
	const isAccessible = (filePath: string) => filePath !== '/var/run/docker.sock';
	const resolved = resolveEngineAddress(inputs({userId: 1001, sockets, isAccessible}));
	t.is(resolved.source, 'podman rootless');
	t.is(resolved.address, 'unix:///run/user/1001/podman/podman.sock');
	// No usable socket at all: the Docker socket, so the user reads its permission error.
	t.is(resolveEngineAddress(inputs({userId: 1001, isAccessible})).source, 'default socket');
});
