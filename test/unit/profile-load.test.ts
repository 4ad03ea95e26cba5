import path from 'node:path';
import test from 'ava';
import {checkProfileAgainstServices} from '../../source/profile/check-services.js';
import {checkProfile} from '../../source/profile/check-profile.js';
import {loadComposeProject} from '../../source/compose/load.js';
import {loadProfile, readProfile} from '../../source/profile/load-profile.js';
import {emptyBudgets} from '../../source/profile/read-budgets.js';
import type {Profile} from '../../source/profile/types.js';

const fixtures = path.resolve('test/fixtures/profiles');
const stack = path.join(fixtures, 'stack');
const mebibyte = 1024 ** 2;

test('a profile with every key loads to the exact Profile', t => {
	const expected: Profile = {
		file: path.join(fixtures, 'good/full.yaml'),
		name: 'full-stack',
		description: 'Every key of the profile format, for the loader tests',
		project: 'full_stack-1',
		composeFiles: [path.join(stack, 'docker-compose.yml'), path.join(stack, 'override.yml')],
		composeProfiles: ['debug', 'tools'],
		envFile: path.join(stack, 'custom.env'),
		engine: 'unix:///var/run/docker.sock',
		refreshMs: 500,
		statsReader: 'cgroup',
		budgets: {
			sustainMs: 90_000,
			clearMs: 10_000,
			hysteresis: 0.1,
			nearFraction: 0.9,
			startupMs: 60_000,
			firstTryRatio: 1,
			uptimeRatio: 0.999,
			restarts: {max: 3, windowMs: 600_000},
			oomKills: 0,
			leak: {bytesPerHour: 10 * mebibyte, windowMs: 1_800_000, warmupMs: 120_000},
			written: {startup: '60s', first_try: '100%', uptime: '99.9%', oom: '0', restarts: '3 in 10m', leak: '10MiB/h'},
			stack: {memoryBytes: 4 * 1024 * mebibyte, cpuPercent: 50, startupMs: 120_000, written: {memory: '4GiB', cpu: '50%', startup: '2m'}},
			host: {memoryFreeBytes: 1024 * mebibyte, diskFreeBytes: 5e9, written: {memory_free: '1GiB', disk_free: '5GB'}},
			services: {
				postgres: {memoryBytes: 200 * mebibyte, leak: {bytesPerHour: 5 * mebibyte, windowMs: 3_600_000, warmupMs: 300_000}, written: {memory: '200MiB', leak: '5MiB/h'}},
				clickhouse: {memoryBytes: 500 * mebibyte, startupMs: 40_000, restarts: {max: 1, windowMs: 3_600_000}, written: {memory: '500MiB', startup: '40s', restarts: '1 in 1h'}},
				redis: {memoryBytes: 50_000_000, cpuPercent: 150, uptimeRatio: 0.99, written: {memory: '50MB', cpu: '1.5', uptime: '0.99'}},
			},
			phases: {
				load: {stack: {cpuPercent: 150, written: {cpu: '150%'}}, services: {postgres: {memoryBytes: 500 * mebibyte, written: {memory: '500MiB'}}}},
			},
		},
		tunnels: [
			{provider: 'ngrok', service: 'ngrok', api: 'http://127.0.0.1:4040/api/tunnels', pattern: undefined, upstream: undefined},
			{provider: 'log', service: 'api', api: undefined, pattern: String.raw`https://[a-z0-9-]+\.trycloudflare\.com`, upstream: 'http://api:8080'},
		],
		links: {postgres: 'postgresql://fixture@localhost:5432/fixture', api: 'http://localhost:8080/docs'},
		phases: [
			{name: 'load', fromMs: undefined, untilMs: undefined, whileStep: 'load'},
			{name: 'warmup', fromMs: undefined, untilMs: 60_000, whileStep: undefined},
			{name: 'idle', fromMs: undefined, untilMs: undefined, whileStep: undefined},
		],
		probes: [
			{
				name: 'select', service: 'postgres', kind: 'exec', command: ['sh', '-c', 'psql -tAc "SELECT 1"'], url: undefined, address: undefined,
				expect: '1', intervalMs: 5000, timeoutMs: 2000, after: undefined, successRatio: 1, latency: {p95: 500}, written: {success: '100%', p95: '500ms'},
			},
			{
				name: 'ping', service: 'clickhouse', kind: 'http', command: undefined, url: 'http://127.0.0.1:8123/ping', address: undefined,
				expect: undefined, intervalMs: 10_000, timeoutMs: 5000, after: 'seed', successRatio: undefined, latency: {}, written: {},
			},
			{
				name: 'port', service: 'redis', kind: 'tcp', command: undefined, url: undefined, address: {host: '127.0.0.1', port: 6379},
				expect: undefined, intervalMs: 10_000, timeoutMs: 5000, after: undefined, successRatio: undefined, latency: {}, written: {},
			},
		],
		soak: {
			durationMs: 3_600_000,
			steps: [
				{index: 1, name: 'seed', action: 'exec', service: 'postgres', command: ['psql', '-c', 'CREATE TABLE t (x int)'], atMs: 10_000, forMs: undefined},
				{index: 2, name: 'step-2', action: 'stop', service: 'redis', command: undefined, atMs: 300_000, forMs: 15_000},
				{index: 3, name: 'load', action: 'run', service: undefined, command: ['sh', '-c', './load.sh'], atMs: 600_000, forMs: 300_000},
			],
		},
	};
	t.deepEqual(loadProfile('test/fixtures/profiles/good/full.yaml'), expected);
});

test('a profile with only compose gets the defaults: name from the file, .env beside the compose file, 1s refresh, 15s sustain', t => {
	t.deepEqual(loadProfile('test/fixtures/profiles/good/minimal.yaml'), {
		file: path.join(fixtures, 'good/minimal.yaml'),
		name: 'minimal',
		description: undefined,
		project: 'minimal',
		composeFiles: [path.join(stack, 'docker-compose.yml')],
		composeProfiles: [],
		envFile: path.join(stack, '.env'),
		engine: undefined,
		refreshMs: 1000,
		budgets: emptyBudgets,
		tunnels: [],
		links: {},
		phases: [],
		probes: [],
		soak: {durationMs: undefined, steps: []},
	});
});

test('stacktui.yaml takes its name from its directory and finds compose.yaml beside it', t => {
	const profile = loadProfile('test/fixtures/profiles/local-stack/stacktui.yaml');
	t.is(profile.name, 'local-stack');
	t.is(profile.project, 'local-stack');
	t.deepEqual(profile.composeFiles, [path.join(fixtures, 'local-stack/compose.yaml')]);
	t.is(profile.envFile, undefined);
	t.is(profile.refreshMs, 2000);
});

test('the compose loader merges the files in order, each name once', t => {
	const project = loadComposeProject({files: [path.join(stack, 'docker-compose.yml'), path.join(stack, 'override.yml')], environment: {}});
	t.deepEqual(project.services.map(service => service.name), [
		'postgres',
		'redis',
		'clickhouse',
		'ngrok',
		'api',
		'worker',
	]);
});

test('checkProfile returns the service names of every compose file', t => {
	const {profile, serviceNames} = checkProfile('test/fixtures/profiles/good/full.yaml');
	t.is(profile.name, 'full-stack');
	t.deepEqual(serviceNames, ['postgres', 'redis', 'clickhouse', 'ngrok', 'api', 'worker']);
});

test('checkProfileAgainstServices takes service names from any source and locates the first unknown one', t => {
	const {profile, yamlFile} = readProfile('test/fixtures/profiles/good/full.yaml');
	t.notThrows(() => checkProfileAgainstServices(profile, ['postgres', 'clickhouse', 'redis', 'ngrok', 'api'], yamlFile));
	const error = t.throws(() => checkProfileAgainstServices(profile, ['postgres', 'redis', 'ngrok', 'api'], yamlFile));
	t.is(
		error?.message,
		'test/fixtures/profiles/good/full.yaml:27:5: budgets.services.clickhouse: no service "clickhouse" in the compose files; services: postgres, redis, ngrok, api',
	);
});
