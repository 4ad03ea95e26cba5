import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {dependencyOrder} from '../../source/compose/dependencies.js';
import {loadComposeProject} from '../../source/compose/load.js';
import type {ComposeService} from '../../source/compose/types.js';

const directory = fileURLToPath(new URL('../fixtures/compose/full/', import.meta.url));
const environment = {HOME: '/home/tester', POSTGRES_PASSWORD: 'from-shell', FROM_SHELL: 'yes', DB_USER: 'environment-wins'};
const project = loadComposeProject({files: [path.join(directory, 'docker-compose.yml')], environment: {...environment, DB_USER: undefined}});
const found = (name: string) => [...project.services, ...project.disabledServices].find(candidate => candidate.name === name);
type Core = Omit<ComposeService, 'runtime' | 'secrets' | 'configs' | 'pullPolicy'>;

/** The service without the settings that the runtime and secrets tests check on their own. */
const service = (name: string) => {
	const whole = found(name);
	if (whole === undefined) {
		return undefined;
	}

	const {runtime: _runtime, secrets: _secrets, configs: _configs, pullPolicy: _pullPolicy, ...rest} = whole;
	return rest;
};
const none = {build: undefined, command: undefined, entrypoint: undefined, healthcheck: undefined, restart: undefined, stopGracePeriodMs: undefined, stopSignal: undefined, cpus: undefined, memoryBytes: undefined, containerName: undefined, workingDir: undefined, user: undefined, networkMode: undefined, image: undefined};
const plain = {environment: {}, ports: [], volumes: [], dependsOn: {}, labels: {}, profiles: [], isTty: false, isStdinOpen: false, replicas: 1, extraHosts: []};

test('project: name from the file, directories, and what it declares', t => {
	t.is(project.name, 'shop');
	t.is(project.workingDir, directory.replace(/\/$/, ''));
	t.deepEqual(project.networks, {
		backend: {name: 'shop_backend', isExternal: false, driver: undefined, isInternal: true, labels: {'com.example.net': 'back'}},
		frontend: {name: 'shop-public', isExternal: false, driver: 'bridge', isInternal: false, labels: {}},
		outside: {name: 'outside', isExternal: true, driver: undefined, isInternal: false, labels: {}},
	}, 'no default network: every service names its networks or a network_mode');
	t.deepEqual(project.volumes, {
		pgdata: {name: 'shop_pgdata', isExternal: false, driver: undefined, labels: {}},
		uploads: {name: 'shop-uploads', isExternal: false, driver: undefined, labels: {'com.example.keep': 'yes'}},
		legacy: {name: 'old-data', isExternal: true, driver: undefined, labels: {}},
	});
	t.deepEqual(project.warnings, [], 'every key of the file is applied');
});

test('db: .env interpolation, list environment over env_file, every healthcheck duration, short and long volumes', t => {
	t.deepEqual<Core | undefined, Core>(service('db'), {
		...none,
		...plain,
		name: 'db',
		image: 'postgres:16-alpine',
		containerName: 'shop-db',
		environment: {POSTGRES_DB: 'shop', POSTGRES_USER: 'shop', POSTGRES_PASSWORD: 'from-shell', EMPTY: ''},
		ports: [{hostIp: '127.0.0.1', hostPort: 5432, containerPort: 5432, protocol: 'tcp'}],
		volumes: [
			{type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data', isReadOnly: false},
			{type: 'bind', source: path.join(directory, 'init'), target: '/docker-entrypoint-initdb.d', isReadOnly: true},
			{type: 'tmpfs', source: undefined, target: '/run/postgresql', isReadOnly: false},
		],
		networks: {backend: {aliases: ['database', 'pg']}},
		healthcheck: {test: ['CMD-SHELL', 'pg_isready -U "${POSTGRES_USER}"'], intervalNs: 90e9, timeoutNs: 500e6, retries: 5, startPeriodNs: 10e9},
		restart: 'on-failure:3',
		stopGracePeriodMs: 60_000,
		stopSignal: 'SIGINT',
		cpus: 0.5,
		memoryBytes: 200 * 1024 * 1024,
		labels: {'com.example.tier': 'data', 'com.example.empty': ''},
	});
});

test('api: build, shell-split command, mapping environment over env_file, port and volume forms, legacy limits', t => {
	t.deepEqual<Core | undefined, Core>(service('api'), {
		...none,
		...plain,
		name: 'api',
		build: {context: path.join(directory, 'api'), dockerfile: 'Dockerfile.dev', args: {VERSION: '1.2.3'}},
		command: ['uvicorn', 'app:main', '--host', '0.0.0.0', '--log-config', '/etc/log config.yml', 'its'],
		entrypoint: ['/bin/tini', '--'],
		environment: {
			LOG_LEVEL: 'info',
			GREETING: 'hello\nworld',
			DB_URL: 'postgresql://shop@db/shop',
			DEBUG: 'true',
			WORKERS: '4',
			TOKEN: 's3cret $NOT_EXPANDED',
			FROM_SHELL: 'yes',
		},
		ports: [
			{hostIp: undefined, hostPort: 8080, containerPort: 80, protocol: 'tcp'},
			{hostIp: undefined, hostPort: 9000, containerPort: 9000, protocol: 'tcp'},
			{hostIp: undefined, hostPort: 9001, containerPort: 9001, protocol: 'tcp'},
			{hostIp: undefined, hostPort: 53, containerPort: 53, protocol: 'udp'},
			{hostIp: undefined, hostPort: undefined, containerPort: 3000, protocol: 'tcp'},
			{hostIp: '0.0.0.0', hostPort: 8443, containerPort: 443, protocol: 'tcp'},
		],
		volumes: [
			{type: 'bind', source: '/srv/static', target: '/app/static', isReadOnly: false},
			{type: 'bind', source: '/home/tester/cache', target: '/root/.cache', isReadOnly: false},
			{type: 'volume', source: undefined, target: '/app/tmp', isReadOnly: false},
			{type: 'volume', source: 'uploads', target: '/app/uploads', isReadOnly: true},
		],
		networks: {backend: {aliases: []}, frontend: {aliases: []}},
		dependsOn: {db: {condition: 'service_healthy', isRequired: true}, migrate: {condition: 'service_completed_successfully', isRequired: false}},
		restart: 'always',
		cpus: 1.5,
		memoryBytes: 1024 ** 3,
		labels: {'com.example.tier': 'web', 'com.example.port': '8080'},
		workingDir: '/app',
		user: '1000:1000',
		isTty: true,
		isStdinOpen: true,
		replicas: 2,
		extraHosts: ['host.docker.internal:host-gateway', 'legacy:10.0.0.5'],
	});
});

test('migrate: list command, empty entrypoint, disabled healthcheck, zero replicas, list depends_on', t => {
	t.deepEqual<Core | undefined, Core>(service('migrate'), {
		...none,
		...plain,
		name: 'migrate',
		image: 'shop/migrate',
		command: ['alembic', 'upgrade', 'head'],
		entrypoint: [],
		networks: {backend: {aliases: []}},
		healthcheck: {test: ['NONE'], intervalNs: undefined, timeoutNs: undefined, retries: undefined, startPeriodNs: undefined},
		dependsOn: {db: {condition: 'service_started', isRequired: true}},
		replicas: 0,
		extraHosts: ['metrics:10.0.0.9'],
	});
});

test('sidecar: network_mode of another service (an implicit dependency, as compose adds), left out by its profile', t => {
	t.deepEqual(project.services.map(({name}) => name), ['db', 'api', 'migrate']);
	t.deepEqual<Core | undefined, Core>(service('sidecar'), {
		...none,
		...plain,
		name: 'sidecar',
		dependsOn: {api: {condition: 'service_started', isRequired: true}},
		image: 'busybox',
		command: ['sh', '-c', 'echo "ready" && sleep infinity'],
		networks: {},
		networkMode: 'service:api',
		profiles: ['debug'],
	});
});

test('the process environment wins over .env', t => {
	const overridden = loadComposeProject({files: [path.join(directory, 'docker-compose.yml')], environment});
	t.is(overridden.services[0]?.environment['POSTGRES_USER'], 'environment-wins');
	t.is(overridden.services[0]?.environment['POSTGRES_DB'], 'shop');
});

test('dependencyOrder: layers that can start in parallel, network_mode counting as a dependency', t => {
	const everything = loadComposeProject({files: [path.join(directory, 'docker-compose.yml')], environment, activeProfiles: ['debug']});
	t.deepEqual(dependencyOrder(everything).map(layer => layer.map(({name}) => name)), [['db'], ['migrate'], ['api'], ['sidecar']]);
});

test('dependencyOrder: independent services share a layer, in file order; a cycle throws', t => {
	const make = (name: string, dependsOn: string[]) => ({...found('db')!, name, dependsOn: Object.fromEntries(dependsOn.map(dependency => [dependency, {condition: 'service_started' as const, isRequired: true}]))});
	t.deepEqual(
		dependencyOrder({services: [make('web', ['api', 'cache']), make('api', ['db']), make('cache', []), make('db', [])]}).map(layer => layer.map(({name}) => name)),
		[['cache', 'db'], ['api'], ['web']],
	);
	t.throws(() => dependencyOrder({services: [make('a', ['b']), make('b', ['a'])]}), {message: 'dependency cycle: a → b → a'});
});

test('unset variables and keys without effect are warnings; keys the engine is not given are refusals, with file:line:col', t => {
	const warned = loadComposeProject({files: [path.join(directory, '..', 'warnings.yml')], environment: {}, display: file => path.basename(file)});
	t.deepEqual(warned.warnings, [
		'warnings.yml:5:12: variable TAG is not set, substituting an empty string',
		'warnings.yml:28:9: services.web.volumes[0] mode "z" is not applied by stacktui',
		'warnings.yml:1:1: version is obsolete and ignored',
	]);
	t.deepEqual(Object.fromEntries(Object.entries(warned.refusals).map(([name, refusals]) => [name, refusals.map(refusal => refusal.line)])), {
		web: ['warnings.yml:23:9: services.web.networks.back.ipv4_address: is not supported by stacktui through the Engine API'],
		'': ['warnings.yml:33:5: networks.back.ipam: is not supported by stacktui through the Engine API'],
	});
});
