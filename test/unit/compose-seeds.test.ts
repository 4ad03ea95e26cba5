import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {dependencyOrder} from '../../source/compose/dependencies.js';
import {loadComposeProject} from '../../source/compose/load.js';

const directory = fileURLToPath(new URL('../fixtures/compose/seeds/', import.meta.url));
const load = (file: string, envFile?: string) =>
	loadComposeProject({files: [path.join(directory, file)], environment: {}, envFile: envFile && path.join(directory, envFile), display: path.basename});
const layers = (file: string, envFile?: string) => dependencyOrder(load(file, envFile)).map(layer => layer.map(({name}) => name));

test('Triton: four healthchecked services on their own network, defaults from ${VAR:-…}', t => {
	const project = load('triton.yml');
	t.deepEqual(project.services.map(({name}) => name), ['postgres', 'clickhouse', 'redis', 'localstack']);
	t.deepEqual(project.services[0]?.environment, {POSTGRES_USER: 'triton_user', POSTGRES_PASSWORD: 'development_password_change_in_prod', POSTGRES_DB: 'triton'});
	t.deepEqual(project.services[1]?.healthcheck, {test: ['CMD-SHELL', 'curl -f http://localhost:8123/ping || exit 1'], intervalNs: 10e9, timeoutNs: 5e9, retries: 5, startPeriodNs: 40e9});
	t.deepEqual(Object.keys(project.networks), ['triton-network'], 'no default network when every service names one');
	t.is(Object.keys(project.volumes).length, 5);
	t.deepEqual(project.warnings, []);
});

test('FreshPoC: seventeen services, build contexts, version: only warned about', t => {
	const project = load('freshpoc.yml');
	t.is(project.services.length, 17);
	t.is(project.services.find(({name}) => name === 'ingestion')?.build?.context, path.join(directory, 'services/ingestion'));
	t.deepEqual(project.warnings, ['freshpoc.yml:2:1: version is obsolete and ignored']);
	t.deepEqual(layers('freshpoc.yml'), [
		['zookeeper', 'dgraph', 'minio', 'weaviate', 'airflow-db', 'prometheus', 'grafana', 'loki', 'promtail'],
		['kafka', 'writer', 'query-api', 'reporting', 'airflow'],
		['ingestion', 'miner', 'analyzer'],
	]);
});

test('ESG: env_file and .env values, "$(hostname)" kept for the shell, ngrok last', t => {
	const project = load('esg.yml', '.env.production');
	const scheduler = project.services.find(({name}) => name === 'airflow-scheduler');
	t.deepEqual(scheduler?.healthcheck?.test, ['CMD-SHELL', 'airflow jobs check --job-type SchedulerJob --hostname $(hostname)']);
	t.deepEqual(scheduler?.environment, {AIRFLOW_FERNET_KEY: 'not-a-real-key', NGROK_AUTH_TOKEN: ''});
	t.is(project.services.find(({name}) => name === 'airflow-webserver')?.environment['AIRFLOW__CORE__FERNET_KEY'], 'not-a-real-key');
	t.deepEqual(project.services.find(({name}) => name === 'mcp-server')?.command, ['uvicorn', 'mcp_server.server:app', '--host', '0.0.0.0', '--port', '8000']);
	t.deepEqual(layers('esg.yml', '.env.production'), [
		['minio', 'redis', 'postgres'],
		['iceberg-rest', 'airflow-webserver', 'airflow-scheduler', 'mcp-server'],
		['trino', 'ngrok'],
	]);
	t.deepEqual(project.warnings, []);
});

test('BI-Agent: two networks, limits and the memory reservation applied', t => {
	const project = load('bi-agent.yml');
	const ml = project.services.find(({name}) => name === 'ml-service');
	t.deepEqual({cpus: ml?.cpus, memoryBytes: ml?.memoryBytes, networks: ml?.networks}, {
		cpus: 1,
		memoryBytes: 512 * 1024 * 1024,
		networks: {'local-dev': {aliases: []}, observability: {aliases: []}},
	});
	t.deepEqual(project.warnings, []);
});
