import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {ConfigError} from '../../source/config/config-error.js';
import {loadComposeProject, type LoadOptions} from '../../source/compose/load.js';

const directory = fileURLToPath(new URL('../fixtures/compose/malformed/', import.meta.url));
const load = (file: string, options: Partial<LoadOptions> = {}) =>
	loadComposeProject({files: [path.join(directory, file)], environment: {}, display: shown => path.relative(directory, shown), ...options});

const cases: Array<[file: string, message: string]> = [
	['bad-yaml.yml', 'bad-yaml.yml:4:1: invalid YAML: All mapping items must start at the same column'],
	['empty.yml', 'empty.yml:1:1: empty compose file'],
	['does-not-exist.yml', 'does-not-exist.yml:1:1: file not found'],
	['schema-type.yml', 'schema-type.yml:5:9: services.db.ports[0]: must be a number, a string or a mapping'],
	['unknown-key.yml', 'unknown-key.yml:4:5: services.api.enviroment: unknown key (did you mean "environment"?)'],
	['bad-condition.yml', 'bad-condition.yml:8:20: services.api.depends_on.db.condition: must be one of service_started, service_healthy, service_completed_successfully'],
	['depends-on-unknown.yml', 'depends-on-unknown.yml:7:9: services.api.depends_on.dbb: unknown service "dbb" (did you mean "db"?)'],
	['cycle.yml', 'cycle.yml:4:18: services.api.depends_on.worker: dependency cycle: api → worker → queue → api'],
	['no-image.yml', 'no-image.yml:4:3: services.api: has neither image nor build'],
	['undeclared-network.yml', 'undeclared-network.yml:6:9: services.api.networks.frontent: network "frontent" is not declared in the top-level networks (did you mean "frontend"?)'],
	['undeclared-volume.yml', 'undeclared-volume.yml:5:9: services.db.volumes[0]: volume "pgdata" is not declared in the top-level volumes (did you mean "pg-data"?)'],
	['bad-duration.yml', 'bad-duration.yml:6:17: services.db.healthcheck.interval: "10 seconds" is not a duration (like 30s, 1m30s or 500ms)'],
	['bad-size.yml', 'bad-size.yml:7:19: services.db.deploy.resources.limits.memory: "lots" is not a size (like 512m, 1g or 200MiB)'],
	['bad-port.yml', 'bad-port.yml:6:9: services.web.ports[1]: invalid port "8443:https": "https" is not a container port'],
	['bad-volume.yml', 'bad-volume.yml:5:9: services.api.volumes[0]: invalid volume "./data:relative/path": the container path "relative/path" is not absolute'],
	['required-variable.yml', 'required-variable.yml:5:14: services.api.environment.TOKEN: required variable API_TOKEN is missing: set API_TOKEN in .env'],
	['bad-interpolation.yml', 'bad-interpolation.yml:3:12: services.api.image: invalid interpolation "${}" (write $$ for a literal $)'],
	['missing-env-file.yml', 'missing-env-file.yml:5:9: services.api.env_file[0]: env file not found: .env.production'],
	['unterminated-quote.yml', 'unterminated-quote.yml:4:14: services.api.command: unterminated double quote'],
	['bad-healthcheck-test.yml', 'bad-healthcheck-test.yml:5:13: services.api.healthcheck.test: a list must start with "CMD", "CMD-SHELL" or "NONE"'],
	['bad-restart.yml', 'bad-restart.yml:4:14: services.api.restart: "sometimes" is not a restart policy (no, always, on-failure[:N], unless-stopped)'],
	['network-mode-unknown.yml', 'network-mode-unknown.yml:6:19: services.app.network_mode: unknown service "vpm" (did you mean "vpn"?)'],
	['disabled-dependency.yml', 'disabled-dependency.yml:5:7: services.api.depends_on.db: service "db" is disabled: its profiles (database) are not active'],
];

for (const [file, message] of cases) {
	test(`${file} → ${message.slice(file.length + 1)}`, t => {
		const error = t.throws(() => load(file), {instanceOf: ConfigError});
		t.is(error?.message, message);
	});
}

test('a bad line in the .env file is an error in that file', t => {
	t.throws(() => load('uses-env.yml', {envFile: path.join(directory, 'bad.env')}), {
		instanceOf: ConfigError,
		message: 'bad.env:3:1: invalid line, expected KEY=value',
	});
});

test('an env file given but missing is an error', t => {
	t.throws(() => load('uses-env.yml', {envFile: path.join(directory, 'missing.env')}), {message: 'missing.env:1:1: file not found'});
});

test('paths are shown relative to the current directory by default', t => {
	const relative = path.relative(process.cwd(), path.join(directory, 'cycle.yml'));
	t.throws(() => loadComposeProject({files: [path.join(directory, 'cycle.yml')], environment: {}}), {
		message: `${relative}:4:18: services.api.depends_on.worker: dependency cycle: api → worker → queue → api`,
	});
});

test('a top-level name: is lowercased and stripped as compose does ("My Shop" is myshop)', t => {
	t.is(load('bad-project-name.yml').name, 'myshop');
});
