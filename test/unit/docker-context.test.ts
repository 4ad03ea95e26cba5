import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {
	contextDirectoryName,
	contextEndpoint,
	currentContextName,
	dockerConfigDirectory,
} from '../../source/engine/docker-context.js';
import {resolveEngineAddress} from '../../source/engine/engine-address.js';

function readFile(filePath: string): string | undefined {
	try {
		return readFileSync(filePath, 'utf8');
	} catch {
		return undefined;
	}
}

/** A DOCKER_CONFIG folder laid out as the docker CLI writes it. */
function makeConfigDirectory(t: {teardown: (callback: () => void) => void}): string {
	const directory = mkdtempSync(path.join(tmpdir(), 'stacktui-docker-config-'));
	t.teardown(() => {
		rmSync(directory, {recursive: true, force: true});
	});
	return directory;
}

function writeContext(configDirectory: string, name: string, host: string, tlsFiles: Record<string, string> = {}): void {
	const hash = contextDirectoryName(name);
	const metaDirectory = path.join(configDirectory, 'contexts', 'meta', hash);
	mkdirSync(metaDirectory, {recursive: true});
	writeFileSync(path.join(metaDirectory, 'meta.json'), JSON.stringify({Name: name, Metadata: {}, Endpoints: {docker: {Host: host, SkipTLSVerify: false}}}));
	const tlsDirectory = path.join(configDirectory, 'contexts', 'tls', hash, 'docker');
	for (const [file, text] of Object.entries(tlsFiles)) {
		mkdirSync(tlsDirectory, {recursive: true});
		writeFileSync(path.join(tlsDirectory, file), text);
	}
}

test('the context folder is the sha256 hex of the name, as the docker CLI makes it', t => {
	t.is(contextDirectoryName('default'), '37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f');
});

test('DOCKER_CONFIG wins over ~/.docker', t => {
	t.is(dockerConfigDirectory({DOCKER_CONFIG: '/etc/docker-config'}, '/home/ada'), '/etc/docker-config');
	t.is(dockerConfigDirectory({}, '/home/ada'), '/home/ada/.docker');
});

test('currentContext of config.json is the context, unless DOCKER_CONTEXT names another', t => {
	const configDirectory = makeConfigDirectory(t);
	t.is(currentContextName({}, configDirectory, readFile), undefined);
	writeFileSync(path.join(configDirectory, 'config.json'), JSON.stringify({auths: {}, currentContext: 'build-box'}));
	t.is(currentContextName({}, configDirectory, readFile), 'build-box');
	t.is(currentContextName({DOCKER_CONTEXT: 'laptop'}, configDirectory, readFile), 'laptop');
});

test('a broken config.json is one clear line naming the file', t => {
	const configDirectory = makeConfigDirectory(t);
	writeFileSync(path.join(configDirectory, 'config.json'), '{"currentContext": ');
	const error = t.throws(() => currentContextName({}, configDirectory, readFile));
	t.true(error.message.startsWith(`cannot parse ${path.join(configDirectory, 'config.json')}:`));
	t.false(error.message.includes('\n'));
});

test('the endpoint is read from meta.json, with the context\'s TLS files', t => {
	const configDirectory = makeConfigDirectory(t);
	writeContext(configDirectory, 'plain', 'unix:///srv/docker.sock');
	writeContext(configDirectory, 'secure', 'tcp://engine.example:2376', {'ca.pem': 'CA', 'cert.pem': 'CERT', 'key.pem': 'KEY'});
	t.deepEqual(contextEndpoint('plain', configDirectory, readFile), {host: 'unix:///srv/docker.sock', tls: undefined});
	t.deepEqual(contextEndpoint('secure', configDirectory, readFile), {host: 'tcp://engine.example:2376', tls: {ca: 'CA', cert: 'CERT', key: 'KEY'}});
});

test('a missing context or one without a docker endpoint is an error, not a silent fallback', t => {
	const configDirectory = makeConfigDirectory(t);
	t.regex(t.throws(() => contextEndpoint('gone', configDirectory, readFile)).message, /^docker context "gone" not found/);
	const metaDirectory = path.join(configDirectory, 'contexts', 'meta', contextDirectoryName('empty'));
	mkdirSync(metaDirectory, {recursive: true});
	writeFileSync(path.join(metaDirectory, 'meta.json'), JSON.stringify({Name: 'empty', Endpoints: {}}));
	t.regex(t.throws(() => contextEndpoint('empty', configDirectory, readFile)).message, /has no docker endpoint/);
});

test('resolution with a temp DOCKER_CONFIG follows currentContext to its endpoint', t => {
	const configDirectory = makeConfigDirectory(t);
	writeFileSync(path.join(configDirectory, 'config.json'), JSON.stringify({currentContext: 'secure'}));
	writeContext(configDirectory, 'secure', 'tcp://engine.example', {'ca.pem': 'CA'});
	const resolved = resolveEngineAddress({
		environment: {DOCKER_CONFIG: configDirectory},
		homeDirectory: '/nonexistent-home',
		userId: 1000,
		readFile,
		exists: () => true,
	});
	t.is(resolved.source, 'context secure');
	t.is(resolved.address, 'tcp://engine.example:2376');
	t.like(resolved.dockerodeOptions, {protocol: 'https', host: 'engine.example', port: 2376, ca: 'CA'});
});
