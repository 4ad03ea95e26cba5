import path from 'node:path';
import test from 'ava';
import {listProfiles, renderProfileListing} from '../../source/commands/profiles-command.js';
import {checkProfile} from '../../source/profile/check-profile.js';
import {formatMilliseconds, renderProfileSummary} from '../../source/profile/summary.js';

const root = path.resolve('.');

test('durations read like they are written in a profile', t => {
	t.deepEqual([250, 1000, 15_000, 60_000, 90_000, 3_600_000, 3_723_000, 1500].map(milliseconds => formatMilliseconds(milliseconds)), [
		'250ms',
		'1s',
		'15s',
		'1m',
		'1m30s',
		'1h',
		'1h2m3s',
		'1.5s',
	]);
});

test('the check summary names the files, services, budgets in readable units, tunnels and links', t => {
	const summary = renderProfileSummary(checkProfile('test/fixtures/profiles/good/full.yaml'), root);
	t.is(
		summary,
		[
			'profile   full-stack (test/fixtures/profiles/good/full.yaml) is valid',
			'about     Every key of the profile format, for the loader tests',
			'project   full_stack-1',
			'compose   test/fixtures/profiles/stack/docker-compose.yml',
			'          test/fixtures/profiles/stack/override.yml',
			'profiles  debug, tools',
			'env file  test/fixtures/profiles/stack/custom.env',
			'engine    unix:///var/run/docker.sock',
			'refresh   500ms',
			'services  6: postgres, redis, clickhouse, ngrok, api, worker',
			'budgets   stack: memory 4GiB, cpu 50%, startup 2m (sums over every container)',
			'          postgres: memory 200MiB',
			'          clickhouse: memory 500MiB, startup 40s',
			'          redis: memory 50MB, cpu 150%',
			'          every service healthy within 1m',
			'          every service: first try 100%, uptime 99.9%, restarts 3 in 10m, oom 0, leak 10MiB/h',
			'          postgres: leak 5MiB/h',
			'          clickhouse: restarts 1 in 1h',
			'          redis: uptime 0.99',
			'          host: memory free 1GiB, disk free 5GB',
			'          while load: stack cpu 150%; postgres memory 500MiB',
			'          a breach warns after 1m30s',
			'probes    select: exec on postgres every 5s, success 100%',
			'          ping: http on clickhouse every 10s',
			'          port: tcp on redis every 10s',
			'phases    load while load runs',
			'          warmup until 1m',
			'          idle',
			'soak      duration 1h',
			'          at 10s: exec postgres (seed)',
			'          at 5m: stop redis',
			'          at 10m: run ./load.sh (load)',
			'tunnels   ngrok on service ngrok (http://127.0.0.1:4040/api/tunnels)',
			'          log on service api',
			'links     postgres: postgresql://fixture@localhost:5432/fixture',
			'          api: http://localhost:8080/docs',
		].join('\n'),
	);
});

test('the profile listing shows each profile of a directory, and an invalid one with its error', t => {
	const good = listProfiles('test/fixtures/profiles/good');
	t.deepEqual(
		good.map(listing => [listing.id, listing.name, listing.project, listing.services, listing.error]),
		[
			['full', 'full-stack', 'full_stack-1', 6, undefined],
			['minimal', 'minimal', 'minimal', 5, undefined],
		],
	);
	t.is(
		renderProfileListing(good),
		[
			'PROFILE  NAME        PROJECT       SERVICES  DESCRIPTION',
			'full     full-stack  full_stack-1  6         Every key of the profile format, for the loader tests',
			'minimal  minimal     minimal       5',
		].join('\n'),
	);
	const tabs = listProfiles('test/fixtures/profiles/bad').find(listing => listing.id === 'tabs');
	t.is(tabs?.error, 'test/fixtures/profiles/bad/tabs.yaml:4:1: invalid YAML: Tabs are not allowed as indentation');
	t.is(tabs?.project, undefined);
});
