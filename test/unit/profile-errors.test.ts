import {readdirSync} from 'node:fs';
import test from 'ava';
import {ConfigError} from '../../source/config/config-error.js';
import {checkProfile} from '../../source/profile/check-profile.js';

// Paths as the errors show them: relative to the directory ava runs in, the project root.
const fixtures = 'test/fixtures/profiles';
const bad = `${fixtures}/bad`;

/** Each malformed profile under test/fixtures/profiles/bad/ and the one line it must give. */
const cases: ReadonlyArray<readonly [string, string]> = [
	['bad-cpu.yaml', `${bad}/bad-cpu.yaml:5:19: budgets.services.redis.cpu: "fifty" is not a CPU amount (e.g. 50% of one core, 150%, or 1.5 cores)`],
	['bad-engine.yaml', `${bad}/bad-engine.yaml:3:9: engine: "http://localhost:2375": unsupported scheme http — use unix://, tcp:// or ssh://`],
	['bad-leak.yaml', `${bad}/bad-leak.yaml:5:23: budgets.services.postgres.leak: "10MiB" is not a growth rate (e.g. 10MiB/h, 500KiB/min)`],
	['bad-name-as-project.yaml', `${bad}/bad-name-as-project.yaml:2:7: name: "Triton Stack" is not a valid compose project name (lowercase letters, digits, "-" and "_", starting with a letter or digit); add project: with one`],
	['bad-project.yaml', `${bad}/bad-project.yaml:3:10: project: "Triton_Stack" is not a valid compose project name (lowercase letters, digits, "-" and "_", starting with a letter or digit)`],
	['bad-ratio.yaml', `${bad}/bad-ratio.yaml:4:11: budgets.uptime: "150%" is not a percentage (e.g. 99.9%, 100%)`],
	['bad-restarts.yaml', `${bad}/bad-restarts.yaml:4:13: budgets.restarts: "three in 10m" is not a restart limit (e.g. "3 in 10m", 3, or {max: 3, window: 10m})`],
	['bad-size.yaml', `${bad}/bad-size.yaml:9:25: budgets.services.postgres.memory: "200XB" is not a size (e.g. 200MiB, 1.5GiB)`],
	['bad-yaml-bracket.yaml', `${bad}/bad-yaml-bracket.yaml:5:1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }`],
	['budget-unknown-service.yaml', `${bad}/budget-unknown-service.yaml:6:5: budgets.services.postgress: no service "postgress" in the compose file (did you mean "postgres"?)`],
	['complex-key.yaml', `${bad}/complex-key.yaml:3:3: invalid YAML: a key must be a plain value, not a list or mapping`],
	['compose-bad-yaml.yaml', `${fixtures}/broken-compose/docker-compose.yml:4:3: invalid YAML: Map keys must be unique`],
	['compose-directory.yaml', `${bad}/compose-directory.yaml:2:10: compose: "../stack" is a directory, not a file (${fixtures}/stack)`],
	['compose-empty-list.yaml', `${bad}/compose-empty-list.yaml:2:10: compose: expected at least one compose file`],
	['compose-mapping.yaml', `${bad}/compose-mapping.yaml:3:3: compose: expected a compose file path or a list of them, got a mapping`],
	['duplicate-key.yaml', `${bad}/duplicate-key.yaml:4:1: invalid YAML: Map keys must be unique`],
	['empty.yaml', `${bad}/empty.yaml:1:1: the profile is empty; expected at least compose: (and usually name:)`],
	['link-not-string.yaml', `${bad}/link-not-string.yaml:4:13: links.postgres: expected a string (a URL or connection string), got 5432`],
	['link-unknown-service.yaml', `${bad}/link-unknown-service.yaml:4:3: links.worker: no service "worker" in the compose file; services: postgres, redis, clickhouse, ngrok, api`],
	['missing-compose-file.yaml', `${bad}/missing-compose-file.yaml:2:10: compose: "../stack/no-such-compose.yml" not found (${fixtures}/stack/no-such-compose.yml)`],
	['missing-compose-in-list.yaml', `${bad}/missing-compose-in-list.yaml:4:5: compose[1]: "../stack/no-such-override.yml" not found (${fixtures}/stack/no-such-override.yml)`],
	['missing-env-file.yaml', `${bad}/missing-env-file.yaml:3:11: env_file: "../stack/no-such.env" not found (${fixtures}/stack/no-such.env)`],
	['name-not-string.yaml', `${bad}/name-not-string.yaml:2:7: name: expected a string, got a list`],
	['no-compose.yaml', `${bad}/no-compose.yaml:2:1: compose: missing, and no compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml beside the profile; add compose: FILE`],
	['phase-budget-unknown.yaml', `${bad}/phase-budget-unknown.yaml:7:5: budgets.phases.lode: no phase "lode"; phases: idle`],
	['phase-while-unknown-step.yaml', `${bad}/phase-while-unknown-step.yaml:4:26: phases[0].while: no step "load" (did you mean "loads"?)`],
	['probe-bad-address.yaml', `${bad}/probe-bad-address.yaml:4:32: probes.port.tcp: "localhost" is not HOST:PORT (e.g. 127.0.0.1:5432)`],
	['probe-timeout-long.yaml', `${bad}/probe-timeout-long.yaml:4:72: probes.ping.timeout: "10s" is longer than the interval; a check must end before the next`],
	['probe-two-checks.yaml', `${bad}/probe-two-checks.yaml:4:3: probes.ping: has exec and tcp; a probe makes one check`],
	['probe-unknown-service.yaml', `${bad}/probe-unknown-service.yaml:4:20: probes.ping.service: no service "rediss" in the compose file (did you mean "redis"?)`],
	['refresh-bad-duration.yaml', `${bad}/refresh-bad-duration.yaml:3:10: refresh: "15x" is not a duration (e.g. 15s, 1m30s, 500ms)`],
	['refresh-too-fast.yaml', `${bad}/refresh-too-fast.yaml:3:10: refresh: "10ms" is too short; expected at least 100ms`],
	['refresh-too-long.yaml', `${bad}/refresh-too-long.yaml:3:10: refresh: "100000h" is too long; expected at most 1m`],
	['service-budget-empty.yaml', `${bad}/service-budget-empty.yaml:5:5: budgets.services.postgres: expected a mapping (key: value), got nothing`],
	['stack-startup.yaml', `${bad}/stack-startup.yaml:4:26: budgets.stack.uptime: unknown key; expected one of: memory, cpu, startup`],
	['startup-zero.yaml', `${bad}/startup-zero.yaml:4:12: budgets.startup: "0s" is too short; expected at least 1s`],
	['stats-unknown-reader.yaml', `${bad}/stats-unknown-reader.yaml:3:8: stats: "cgroups" is not a stats reader; expected auto, cgroup, api`],
	['step-no-action.yaml', `${bad}/step-no-action.yaml:5:7: soak.steps[0]: missing an action; add one of stop:, restart:, kill:, run: or exec:`],
	['step-unknown-service.yaml', `${bad}/step-unknown-service.yaml:5:26: soak.steps[0].restart: no service "postgress" in the compose file (did you mean "postgres"?)`],
	['sustain-list.yaml', `${bad}/sustain-list.yaml:4:12: budgets.sustain: expected a duration (e.g. 15s, 1m30s, 500ms), got a list`],
	['sustain-negative.yaml', `${bad}/sustain-negative.yaml:4:12: budgets.sustain: "-5s" is negative; expected a duration (e.g. 15s, 1m30s, 500ms)`],
	['sustain-too-long.yaml', `${bad}/sustain-too-long.yaml:4:12: budgets.sustain: "48h" is too long; expected at most 24h`],
	['tabs.yaml', `${bad}/tabs.yaml:4:1: invalid YAML: Tabs are not allowed as indentation`],
	['top-level-list.yaml', `${bad}/top-level-list.yaml:2:1: a profile is a mapping of keys (name: ..., compose: ...), not a list`],
	['top-level-text.yaml', `${bad}/top-level-text.yaml:2:1: a profile is a mapping of keys (name: ..., compose: ...), not "just some text"`],
	['tunnel-bad-api.yaml', `${bad}/tunnel-bad-api.yaml:4:45: tunnels[0].api: "localhost:4040" is not an http:// or https:// URL`],
	['tunnel-bad-pattern.yaml', `${bad}/tunnel-bad-pattern.yaml:6:14: tunnels[0].pattern: not a valid regular expression: /https://([a-z]+\\.example/: Unterminated group`],
	['tunnel-log-no-pattern.yaml', `${bad}/tunnel-log-no-pattern.yaml:4:5: tunnels[0].pattern: missing; provider log needs a regular expression that matches the URL in the service's log`],
	['tunnel-no-service.yaml', `${bad}/tunnel-no-service.yaml:4:5: tunnels[0].service: missing; name the compose service that runs the tunnel agent`],
	['tunnel-unknown-provider.yaml', `${bad}/tunnel-unknown-provider.yaml:4:17: tunnels[0].provider: unknown provider "ngrock" (did you mean "ngrok"?)`],
	['tunnel-unknown-service.yaml', `${bad}/tunnel-unknown-service.yaml:4:39: tunnels[0].service: no service "cloudflare-agent" in the compose file; services: postgres, redis, clickhouse, ngrok, api`],
	['tunnels-mapping.yaml', `${bad}/tunnels-mapping.yaml:4:3: tunnels: expected a list of tunnels (- provider: ngrok ...), got a mapping`],
	['unclosed-quote.yaml', `${bad}/unclosed-quote.yaml:4:1: invalid YAML: Missing closing 'quote`],
	['unknown-alias.yaml', `${bad}/unknown-alias.yaml:5:15: invalid YAML: Unresolved alias (the anchor must be set before the alias): small`],
	['unknown-budgets-key.yaml', `${bad}/unknown-budgets-key.yaml:5:3: budgets.servces: unknown key (did you mean "services"?)`],
	['unknown-key-typo.yaml', `${bad}/unknown-key-typo.yaml:3:1: refesh: unknown key (did you mean "refresh"?)`],
	['unknown-key.yaml', `${bad}/unknown-key.yaml:3:1: colour: unknown key; expected one of: name, description, project, compose, compose_profiles, env_file, engine, refresh, stats, budgets, tunnels, links, phases, probes, soak`],
	['unknown-service-budget-key.yaml', `${bad}/unknown-service-budget-key.yaml:5:17: budgets.services.postgres.memroy: unknown key (did you mean "memory"?)`],
	['zero-size.yaml', `${bad}/zero-size.yaml:5:13: budgets.stack.memory: expected more than 0, got 0`],
];

for (const [file, expected] of cases) {
	test(`${file} gives one line with file:line:col`, t => {
		const error = t.throws(() => checkProfile(`${bad}/${file}`), {instanceOf: ConfigError});
		t.is(error?.message, expected);
	});
}

test('every malformed fixture has a case', t => {
	t.deepEqual(
		readdirSync(bad).sort(),
		cases.map(([file]) => file),
	);
});
