import test from 'ava';
import {runCli} from '../helpers/cli.js';

const good = 'test/fixtures/profiles/good';
const bad = 'test/fixtures/profiles/bad';
const goodDirectory = {STACKTUI_PROFILES_DIR: good};

test('check on a good profile exits 0 and prints the summary', async t => {
	const result = await runCli(['check', `${good}/full.yaml`]);
	t.is(result.code, 0, result.stderr);
	t.is(result.stderr, '');
	const lines = result.stdout.split('\n');
	t.is(lines[0], `profile   full-stack (${good}/full.yaml) is valid`);
	t.true(lines.includes('services  6: postgres, redis, clickhouse, ngrok, api, worker'), result.stdout);
	t.true(lines.includes('budgets   stack: memory 4GiB, cpu 50%, startup 2m (sums over every container)'), result.stdout);
	t.true(lines.includes('tunnels   ngrok on service ngrok (http://127.0.0.1:4040/api/tunnels)'), result.stdout);
});

test('check --json prints the profile for scripts; --profile and a bare name work like a path', async t => {
	for (const args of [['check', '--json', `${good}/minimal.yaml`], ['check', '--json', '--profile', `${good}/minimal.yaml`], ['check', 'minimal', '--json']]) {
		const result = await runCli(args, goodDirectory);
		t.is(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
		const report = JSON.parse(result.stdout) as {valid: boolean; project: string; refreshMs: number; engine: unknown; services: string[]};
		t.true(report.valid);
		t.is(report.project, 'minimal');
		t.is(report.refreshMs, 1000);
		t.is(report.engine, null);
		t.deepEqual(report.services, ['postgres', 'redis', 'clickhouse', 'ngrok', 'api']);
	}
});

const badCases: ReadonlyArray<readonly [string, string]> = [
	['bad-size.yaml', `${bad}/bad-size.yaml:9:25: budgets.services.postgres.memory: "200XB" is not a size (e.g. 200MiB, 1.5GiB)`],
	['tabs.yaml', `${bad}/tabs.yaml:4:1: invalid YAML: Tabs are not allowed as indentation`],
	['unknown-key-typo.yaml', `${bad}/unknown-key-typo.yaml:3:1: refesh: unknown key (did you mean "refresh"?)`],
	['missing-compose-file.yaml', `${bad}/missing-compose-file.yaml:2:10: compose: "../stack/no-such-compose.yml" not found (test/fixtures/profiles/stack/no-such-compose.yml)`],
	['budget-unknown-service.yaml', `${bad}/budget-unknown-service.yaml:6:5: budgets.services.postgress: no service "postgress" in the compose file (did you mean "postgres"?)`],
	['compose-bad-yaml.yaml', 'test/fixtures/profiles/broken-compose/docker-compose.yml:4:3: invalid YAML: Map keys must be unique'],
	['unknown-alias.yaml', `${bad}/unknown-alias.yaml:5:15: invalid YAML: Unresolved alias (the anchor must be set before the alias): small`],
	['empty.yaml', `${bad}/empty.yaml:1:1: the profile is empty; expected at least compose: (and usually name:)`],
];

for (const [file, expected] of badCases) {
	test(`check ${file} exits 2 with exactly one line on stderr`, async t => {
		const result = await runCli(['check', `${bad}/${file}`]);
		t.is(result.code, 2);
		t.is(result.stdout, '');
		t.is(result.stderr, `stacktui: ${expected}\n`);
	});
}

test('check --json on a bad profile also gives the error as JSON', async t => {
	const result = await runCli(['check', '--json', `${bad}/bad-cpu.yaml`]);
	t.is(result.code, 2);
	t.deepEqual(JSON.parse(result.stdout), {
		valid: false,
		error: {file: `${bad}/bad-cpu.yaml`, line: 5, column: 19, message: 'budgets.services.redis.cpu: "fifty" is not a CPU amount (e.g. 50% of one core, 150%, or 1.5 cores)'},
	});
	t.is(result.stderr.split('\n').length, 2, result.stderr);
});

test('bad profile arguments give one line and exit 2', async t => {
	const cases: ReadonlyArray<readonly [string[], string]> = [
		[['check', 'nosuch'], 'stacktui: no profile "nosuch"; available: full, minimal (or give a path to a profile file)\n'],
		[['check', 'full', '--profile', `${good}/full.yaml`], `stacktui: give a profile either as PROFILE ("full") or with --profile ("${good}/full.yaml"), not both\n`],
		[['check', 'full', 'minimal'], 'stacktui: unexpected argument "minimal"\n'],
		[['profiles', 'full'], 'stacktui: unexpected argument "full"\n'],
	];
	for (const [args, expected] of cases) {
		const result = await runCli(args, goodDirectory);
		t.is(result.code, 2, args.join(' '));
		t.is(result.stderr, expected);
	}
});

test('profiles lists name, project, services and description', async t => {
	const result = await runCli(['profiles'], goodDirectory);
	t.is(result.code, 0, result.stderr);
	t.is(
		result.stdout,
		[
			'PROFILE  NAME        PROJECT       SERVICES  DESCRIPTION',
			'full     full-stack  full_stack-1  6         Every key of the profile format, for the loader tests',
			'minimal  minimal     minimal       5',
			'',
		].join('\n'),
	);
	const json = await runCli(['profiles', '--json'], goodDirectory);
	t.deepEqual((JSON.parse(json.stdout) as Array<{id: string; services: number}>).map(listing => [listing.id, listing.services]), [
		['full', 6],
		['minimal', 5],
	]);
});
