import path from 'node:path';
import test from 'ava';
import {checkProfileAgainstServices} from '../../source/profile/check-services.js';
import {checkProfile} from '../../source/profile/check-profile.js';
import {composeServiceNames} from '../../source/profile/compose-service-names.js';
import {loadProfile, readProfile} from '../../source/profile/load-profile.js';
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
		budgets: {
			sustainMs: 90_000,
			startupMs: 60_000,
			stack: {memoryBytes: 4 * 1024 * mebibyte, memoryText: '4GiB', cpuPercent: 50},
			services: {
				postgres: {memoryBytes: 200 * mebibyte, memoryText: '200MiB'},
				clickhouse: {memoryBytes: 500 * mebibyte, memoryText: '500MiB', startupMs: 40_000},
				redis: {memoryBytes: 50_000_000, memoryText: '50MB', cpuPercent: 150},
			},
		},
		tunnels: [
			{provider: 'ngrok', service: 'ngrok', api: 'http://127.0.0.1:4040/api/tunnels', pattern: undefined, upstream: undefined},
			{provider: 'log', service: 'api', api: undefined, pattern: String.raw`https://[a-z0-9-]+\.trycloudflare\.com`, upstream: 'http://api:8080'},
		],
		links: {postgres: 'postgresql://fixture@localhost:5432/fixture', api: 'http://localhost:8080/docs'},
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
		budgets: {sustainMs: 15_000, startupMs: undefined, stack: {}, services: {}},
		tunnels: [],
		links: {},
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

test('composeServiceNames merges the files in order, each name once', t => {
	t.deepEqual(composeServiceNames([path.join(stack, 'docker-compose.yml'), path.join(stack, 'override.yml')]), [
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
		'test/fixtures/profiles/good/full.yaml:18:5: budgets.services.clickhouse: no service "clickhouse" in the compose files; services: postgres, redis, ngrok, api',
	);
});
