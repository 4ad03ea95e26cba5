import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import test from 'ava';

const run = promisify(execFile);

/** Runs a script in a fresh node (a clean module cache) and returns what it printed as JSON. */
async function fresh(script: string): Promise<Record<string, unknown>> {
	const {stdout} = await run(process.execPath, ['--import=tsx', '--input-type=module', '-e', script]);
	return JSON.parse(stdout) as Record<string, unknown>;
}

const loaded = "Object.keys((await import('node:module')).createRequire(import.meta.url).cache).filter(file => /@grpc|protobufjs|ssh2/.test(file)).length";

test('with the heavy parts deferred, dockerode loads without gRPC, protobuf or ssh2, and they load on first use', async t => {
	const result = await fresh(`
		const {deferHeavyDependencies} = await import('./source/engine/lazy-dependencies.ts');
		deferHeavyDependencies();
		const {default: Docker} = await import('dockerode');
		new Docker({socketPath: '/var/run/docker.sock'});
		const before = ${loaded};
		const {createRequire} = await import('node:module');
		const modem = createRequire(createRequire(import.meta.url).resolve('dockerode')).resolve('docker-modem');
		const ssh = createRequire(modem)('./ssh');
		const agent = ssh({host: '127.0.0.1'});
		console.log(JSON.stringify({before, after: ${loaded}, isAgent: typeof agent.createConnection === 'function'}));
	`);
	t.is(result['before'], 0);
	t.true((result['after'] as number) > 0, 'ssh2 loads when an ssh:// engine needs it');
	t.true(result['isAgent']);
});

test('without deferring, dockerode loads gRPC at import (what the deferral saves)', async t => {
	const result = await fresh(`await import('dockerode'); console.log(JSON.stringify({count: ${loaded}}));`);
	t.true((result['count'] as number) > 0);
});
