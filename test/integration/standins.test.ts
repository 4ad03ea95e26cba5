/**
 * The stand-in images of scripts/build-standins.sh, against the real engine: each one starts,
 * passes the health check the shipped compose files give it, and answers on its port from the
 * host as the real server would (ngrok's agent API lists a tunnel with an https public_url,
 * ClickHouse's /ping says "Ok.", PostgreSQL and Redis speak their protocols, ...).
 * The build itself runs first (idempotent: a no-op when the images are current).
 */
import {execFile} from 'node:child_process';
import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import test, {type ExecutionContext} from 'ava';
import type Docker from 'dockerode';
import {connectForTests, newProjectName, testLabel} from '../helpers/engine.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const buildScript = path.join(root, 'scripts/build-standins.sh');
const {docker} = await connectForTests();
const project = newProjectName('standins');
const second = 1_000_000_000;
const megabyte = 1_000_000;

let network: Docker.Network | undefined;
let counter = 0;

type Result = {code: number; stdout: string; stderr: string};

async function runFile(file: string, args: readonly string[], timeoutMs: number): Promise<Result> {
	try {
		const {stdout, stderr} = await run(file, [...args], {maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as {code?: number | string; stdout?: string; stderr?: string; message: string};
		return {code: typeof failure.code === 'number' ? failure.code : -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? failure.message};
	}
}

async function buildStandins(): Promise<{result: Result; ms: number}> {
	const started = Date.now();
	const result = await runFile('bash', [buildScript], 20 * 60_000);
	return {result, ms: Date.now() - started};
}

test.before(async t => {
	t.timeout(20 * 60_000, 'scripts/build-standins.sh took over 20 minutes');
	const {result, ms} = await buildStandins();
	t.log(`build-standins.sh: ${(ms / 1000).toFixed(1)} s; ${result.stdout.trim().split('\n').at(-1) ?? ''}`);
	if (result.code !== 0) {
		throw new Error(`scripts/build-standins.sh failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
	}

	network = await docker.createNetwork({Name: project, Labels: {[testLabel]: project}});
});

test.after.always(async () => {
	const containers = await docker.listContainers({all: true, filters: {label: [`${testLabel}=${project}`]}});
	await Promise.all(containers.map(async info => docker.getContainer(info.Id).remove({force: true, v: true}).catch(() => undefined)));
	await network?.remove().catch(() => undefined);
});

type StartOptions = {
	readonly command?: readonly string[];
	readonly env?: readonly string[];
	/** The health check the shipped compose files use for this image. */
	readonly health?: readonly string[];
	/** Container ports to publish on 127.0.0.1 (random host ports). */
	readonly ports?: readonly number[];
	readonly alias?: string;
	readonly binds?: readonly string[];
};

type Started = {container: Docker.Container; hostPort: (port: number) => number};

async function start(image: string, options: StartOptions = {}): Promise<Started> {
	counter += 1;
	const slug = image.replaceAll(/[^a-zA-Z\d]+/g, '-').replace(/^-|-$/g, '');
	const ports = options.ports ?? [];
	const container = await docker.createContainer({
		name: `${project}-${slug}-${counter}`,
		Image: image,
		Cmd: options.command ? [...options.command] : undefined,
		Env: options.env ? [...options.env] : [],
		Labels: {[testLabel]: project},
		ExposedPorts: Object.fromEntries(ports.map(port => [`${port}/tcp`, {}])),
		Healthcheck: options.health ? {Test: [...options.health], Interval: second, Timeout: 5 * second, Retries: 30} : undefined,
		HostConfig: {
			NetworkMode: project,
			PortBindings: Object.fromEntries(ports.map(port => [`${port}/tcp`, [{HostIp: '127.0.0.1', HostPort: ''}]])),
			Binds: options.binds ? [...options.binds] : undefined,
		},
		NetworkingConfig: options.alias ? {EndpointsConfig: {[project]: {Aliases: [options.alias]}}} : undefined,
	});
	await container.start();
	const info = await container.inspect();
	const hostPort = (port: number): number => {
		const binding = info.NetworkSettings.Ports[`${port}/tcp`]?.[0];
		if (binding === undefined) {
			throw new Error(`${image}: port ${port} is not published`);
		}

		return Number(binding.HostPort);
	};

	return {container, hostPort};
}

async function logsOf(container: Docker.Container): Promise<string> {
	const buffer = await container.logs({stdout: true, stderr: true, follow: false});
	// Multiplexed frames: an 8-byte header before each chunk.
	const chunks: Buffer[] = [];
	for (let offset = 0; offset + 8 <= buffer.length; ) {
		const size = buffer.readUInt32BE(offset + 4);
		chunks.push(buffer.subarray(offset + 8, offset + 8 + size));
		offset += 8 + size;
	}

	return Buffer.concat(chunks).toString('utf8');
}

/** Waits until the container's health check passes; fails with its last probe output and log. */
async function healthy(t: ExecutionContext, container: Docker.Container, timeoutMs = 45_000): Promise<number> {
	const started = Date.now();
	for (;;) {
		const info = await container.inspect();
		const health = info.State.Health;
		if (health?.Status === 'healthy') {
			return Date.now() - started;
		}

		const done = !info.State.Running || health?.Status === 'unhealthy' || Date.now() - started > timeoutMs;
		if (done) {
			const probes = (health?.Log ?? []).map(entry => `exit ${entry.ExitCode}: ${entry.Output.trim()}`).join('\n');
			t.log(`last health probes:\n${probes}\nlog:\n${await logsOf(container)}`);
			throw new Error(`${info.Name} is not healthy (state ${info.State.Status}, health ${health?.Status ?? 'none'})`);
		}

		await new Promise(resolve => setTimeout(resolve, 200));
	}
}

async function get(port: number, pathname: string): Promise<{status: number; body: string}> {
	const response = await fetch(`http://127.0.0.1:${port}${pathname}`, {signal: AbortSignal.timeout(10_000)});
	return {status: response.status, body: await response.text()};
}

async function getJson<T>(port: number, pathname: string): Promise<T> {
	const {status, body} = await get(port, pathname);
	if (status !== 200) {
		throw new Error(`GET ${pathname}: HTTP ${status}`);
	}

	return JSON.parse(body) as T;
}

async function exec(container: Docker.Container, command: readonly string[]): Promise<Result> {
	return runFile('docker', ['exec', container.id, ...command], 30_000);
}

/** Sends bytes to 127.0.0.1:port and resolves with the first answer. */
async function exchange(port: number, payload: Buffer): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1', () => socket.write(payload));
		socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer on port ${port}`)));
		socket.once('data', data => {
			socket.end();
			resolve(data);
		});
		socket.once('error', reject);
	});
}

/** Memory as docker stats shows it: usage minus inactive file cache (cgroup v1 or v2). */
async function memoryBytes(container: Docker.Container): Promise<number> {
	const stats = (await container.stats({stream: false})) as unknown as {
		memory_stats: {usage?: number; stats?: Record<string, number>};
	};
	const inactive = stats.memory_stats.stats?.['total_inactive_file'] ?? stats.memory_stats.stats?.['inactive_file'] ?? 0;
	return (stats.memory_stats.usage ?? 0) - inactive;
}

test('build-standins.sh is idempotent: a second run builds nothing', async t => {
	const {result, ms} = await buildStandins();
	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /\(0 built, /);
	t.log(`cached run: ${ms} ms`);
});

test('every stand-in image carries the label stacktui.standin=true', async t => {
	const list = await runFile('bash', [buildScript, '--list'], 30_000);
	t.is(list.code, 0, list.stderr);
	const images = list.stdout.trim().split('\n');
	t.true(images.includes('postgres:15-alpine') && images.includes('ngrok/ngrok:latest') && images.length > 20);
	for (const image of images) {
		const info = await docker.getImage(image).inspect();
		t.is(info.Config.Labels?.['stacktui.standin'], 'true', image);
	}
});

for (const image of ['postgres:15-alpine', 'postgres:14-alpine']) {
	test(`${image}: real PostgreSQL, pg_isready healthy, POSTGRES_* and init scripts honoured, idle under 200 MB`, async t => {
		const initdb = mkdtempSync(path.join(tmpdir(), 'stt-standins-initdb-'));
		t.teardown(() => rmSync(initdb, {recursive: true, force: true}));
		writeFileSync(path.join(initdb, '01-schema.sql'), 'CREATE TABLE seeded (id int PRIMARY KEY); INSERT INTO seeded VALUES (42);\n', {mode: 0o644});
		chmodSync(initdb, 0o755); // the entrypoint reads it as user postgres
		const {container, hostPort} = await start(image, {
			env: ['POSTGRES_USER=triton_user', 'POSTGRES_PASSWORD=secret', 'POSTGRES_DB=triton'],
			health: ['CMD-SHELL', 'pg_isready -U triton_user -d triton'],
			ports: [5432],
			binds: [`${initdb}:/docker-entrypoint-initdb.d:ro`],
		});
		const ms = await healthy(t, container);
		t.log(`healthy after ${ms} ms`);
		const query = await exec(container, ['sh', '-c', 'PGPASSWORD=secret psql -h 127.0.0.1 -U triton_user -d triton -Atc "SELECT current_user, (SELECT id FROM seeded)"']);
		t.is(query.code, 0, query.stderr);
		t.is(query.stdout.trim(), 'triton_user|42');
		// Over TCP with the password (scram-sha-256, as the official image sets up).
		const wrong = await exec(container, ['sh', '-c', 'PGPASSWORD=wrong psql -h 127.0.0.1 -U triton_user -d triton -c "SELECT 1"']);
		t.not(wrong.code, 0);
		t.regex(wrong.stderr, /password authentication failed/);
		// From the host: the server answers an SSLRequest with 'N' (no TLS), as PostgreSQL does.
		const answer = await exchange(hostPort(5432), Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]));
		t.is(answer.toString('latin1'), 'N');
		await new Promise(resolve => setTimeout(resolve, 1000));
		const memory = await memoryBytes(container);
		t.log(`idle memory ${(memory / megabyte).toFixed(1)} MB`);
		t.true(memory < 200 * megabyte, `${memory} bytes`);
	});
}

test('postgres stand-in refuses an empty superuser password, as the official image does', async t => {
	const {container} = await start('postgres:15-alpine');
	const {StatusCode: code} = (await container.wait()) as {StatusCode: number};
	t.is(code, 1);
	t.regex(await logsOf(container), /superuser password is not specified/);
});

test('redis:7-alpine: real Redis, redis-cli ping healthy, PONG from the host, AOF in /data, idle under 50 MB', async t => {
	const {container, hostPort} = await start('redis:7-alpine', {
		command: ['redis-server', '--appendonly', 'yes'],
		health: ['CMD-SHELL', 'redis-cli ping | grep PONG'],
		ports: [6379],
	});
	await healthy(t, container);
	t.is((await exchange(hostPort(6379), Buffer.from('PING\r\n'))).toString(), '+PONG\r\n');
	const set = await exec(container, ['redis-cli', 'SET', 'answer', '42']);
	t.is(set.stdout.trim(), 'OK');
	const aof = await exec(container, ['ls', '/data/appendonlydir']);
	t.regex(aof.stdout, /appendonly\.aof/);
	const memory = await memoryBytes(container);
	t.log(`idle memory ${(memory / megabyte).toFixed(1)} MB`);
	t.true(memory < 50 * megabyte, `${memory} bytes`);
});

test('ngrok/ngrok:latest: /api/tunnels lists the tunnel with an https public_url and the upstream address', async t => {
	const {container, hostPort} = await start('ngrok/ngrok:latest', {
		command: ['http', 'mcp-server:8000', '--log', 'stdout'],
		health: ['CMD', 'curl', '-f', 'http://localhost:4040/api/tunnels'],
		ports: [4040],
	});
	await healthy(t, container);
	const answer = await getJson<{tunnels: Array<{name: string; public_url: string; proto: string; config: {addr: string}}>}>(hostPort(4040), '/api/tunnels');
	const [tunnel] = answer.tunnels;
	t.truthy(tunnel);
	t.regex(tunnel?.public_url ?? '', /^https:\/\/[a-f\d]{12}\.ngrok-free\.app$/);
	t.is(tunnel?.config.addr, 'http://mcp-server:8000');
	t.is(tunnel?.proto, 'https');
	t.regex(await logsOf(container), new RegExp(`msg="started tunnel" .*url=${tunnel?.public_url ?? '-'}`));
});

test('ngrok stand-in: --domain gives that public URL; tcp tunnels get a tcp:// one', async t => {
	const domain = await start('ngrok/ngrok:latest', {command: ['http', '8080', '--domain', 'demo.ngrok.app'], ports: [4040]});
	const tcp = await start('ngrok/ngrok:latest', {command: ['tcp', 'db:5432'], ports: [4040]});
	const read = async (started: Started) =>
		(await eventuallyJson<{tunnels: Array<{public_url: string; config: {addr: string}}>}>(started.hostPort(4040), '/api/tunnels')).tunnels[0];
	const first = await read(domain);
	t.is(first?.public_url, 'https://demo.ngrok.app');
	t.is(first?.config.addr, 'http://localhost:8080');
	t.regex((await read(tcp))?.public_url ?? '', /^tcp:\/\/0\.tcp\.ngrok\.io:\d+$/);
});

async function eventuallyJson<T>(port: number, pathname: string): Promise<T> {
	const started = Date.now();
	for (;;) {
		try {
				return await getJson<T>(port, pathname);
		} catch (error) {
			if (Date.now() - started > 15_000) {
				throw error;
			}

				await new Promise(resolve => setTimeout(resolve, 200));
		}
	}
}

test('cloudflare/cloudflared:latest: the metrics server answers /quicktunnel with the trycloudflare hostname it logged', async t => {
	const {container, hostPort} = await start('cloudflare/cloudflared:latest', {
		command: ['tunnel', '--url', 'http://web:8080', '--metrics', '0.0.0.0:2000'],
		health: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://localhost:2000/ready'],
		ports: [2000],
	});
	await healthy(t, container);
	const {hostname} = await getJson<{hostname: string}>(hostPort(2000), '/quicktunnel');
	t.regex(hostname, /^[a-z]+-[a-z]+-[a-z]+-[a-z]+\.trycloudflare\.com$/);
	t.true((await logsOf(container)).includes(`https://${hostname}`));
	t.is((await getJson<{readyConnections: number}>(hostPort(2000), '/ready')).readyConnections, 4);
});

test('clickhouse/clickhouse-server:latest: GET /ping and GET / answer "Ok.", the native port accepts connections', async t => {
	const {container, hostPort} = await start('clickhouse/clickhouse-server:latest', {
		health: ['CMD-SHELL', 'curl -f http://localhost:8123/ping || exit 1'],
		ports: [8123, 9000],
	});
	await healthy(t, container);
	t.deepEqual(await get(hostPort(8123), '/ping'), {status: 200, body: 'Ok.\n'});
	t.deepEqual(await get(hostPort(8123), '/'), {status: 200, body: 'Ok.\n'});
	await new Promise<void>((resolve, reject) => {
		const socket = connect(hostPort(9000), '127.0.0.1', () => {
			socket.destroy();
			resolve();
		});
		socket.once('error', reject);
	});
	t.true((await memoryBytes(container)) < 500 * megabyte);
});

test('localstack/localstack:latest: /_localstack/health lists SERVICES in the real JSON shape; logs "Ready."', async t => {
	const {container, hostPort} = await start('localstack/localstack:latest', {
		env: ['SERVICES=s3,sqs'],
		health: ['CMD-SHELL', 'curl -f http://localhost:4566/_localstack/health || exit 1'],
		ports: [4566],
	});
	await healthy(t, container);
	const health = await getJson<{services: Record<string, string>; edition: string; version: string}>(hostPort(4566), '/_localstack/health');
	t.deepEqual(health.services, {s3: 'available', sqs: 'available'});
	t.is(health.edition, 'community');
	t.regex(await logsOf(container), /^Ready\.$/m);
	t.true((await memoryBytes(container)) < 300 * megabyte);
});

for (const image of ['minio/minio:RELEASE.2024-10-13T13-34-11Z', 'minio/minio:latest', 'quay.io/minio/minio:latest']) {
	test(`${image}: health endpoints on the API port, console page, format.json in the data directory`, async t => {
		const {container, hostPort} = await start(image, {
			command: ['server', '/data', '--console-address', ':9001'],
			env: ['MINIO_ROOT_USER=admin', 'MINIO_ROOT_PASSWORD=adminadmin'],
			health: ['CMD', 'curl', '-f', 'http://localhost:9000/minio/health/live'],
			ports: [9000, 9001],
		});
		await healthy(t, container);
		t.is((await get(hostPort(9000), '/minio/health/ready')).status, 200);
		t.is((await get(hostPort(9000), '/minio/health/nope')).status, 404);
		t.regex((await get(hostPort(9001), '/')).body, /MinIO Console/);
		t.is((await exec(container, ['test', '-s', '/data/.minio.sys/format.json'])).code, 0);
	});
}

test('minio stand-in rejects a secret key under 8 characters, as MinIO does', async t => {
	const {container} = await start('minio/minio:latest', {command: ['server', '/data'], env: ['MINIO_ROOT_PASSWORD=short']});
	const {StatusCode: code} = (await container.wait()) as {StatusCode: number};
	t.is(code, 1);
	t.regex(await logsOf(container), /Invalid credentials/);
});

test('tabulario/iceberg-rest:1.5.0: GET /v1/config answers the catalog config', async t => {
	const {container, hostPort} = await start('tabulario/iceberg-rest:1.5.0', {
		env: ['CATALOG_WAREHOUSE=/warehouse'],
		health: ['CMD', 'curl', '-f', 'http://localhost:8181/v1/config'],
		ports: [8181],
	});
	await healthy(t, container);
	const config = await getJson<{defaults: Record<string, string>; overrides: Record<string, string>}>(hostPort(8181), '/v1/config');
	t.deepEqual(config, {defaults: {warehouse: '/warehouse'}, overrides: {}});
});

test('trinodb/trino:438: /v1/info reports version 438, not starting; the image health-check script passes', async t => {
	const {container, hostPort} = await start('trinodb/trino:438', {health: ['CMD', 'curl', '-f', 'http://localhost:8080/v1/info'], ports: [8080]});
	await healthy(t, container);
	const info = await getJson<{nodeVersion: {version: string}; starting: boolean; coordinator: boolean}>(hostPort(8080), '/v1/info');
	t.is(info.nodeVersion.version, '438');
	t.false(info.starting);
	t.is((await exec(container, ['/usr/lib/trino/bin/health-check'])).code, 0);
	t.regex(await logsOf(container), /SERVER STARTED/);
});

test('quay.io/strimzi/kafka:latest-kafka-3.7.0: ZooKeeper answers ruok, the broker waits for it and passes kafka-broker-api-versions.sh', async t => {
	const image = 'quay.io/strimzi/kafka:latest-kafka-3.7.0';
	const zookeeper = await start(image, {
		command: ['sh', '-c', 'bin/zookeeper-server-start.sh config/zookeeper.properties'],
		health: ['CMD-SHELL', 'bin/zookeeper-shell.sh localhost:2181 ls / >/dev/null'],
		alias: `zookeeper-${project}`,
	});
	const kafka = await start(image, {
		command: ['sh', '-c', `bin/kafka-server-start.sh config/server.properties --override zookeeper.connect=zookeeper-${project}:2181`],
		health: ['CMD-SHELL', 'bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 >/dev/null'],
	});
	await healthy(t, zookeeper.container);
	await healthy(t, kafka.container);
	const ruok = await exec(zookeeper.container, ['sh', '-c', 'echo ruok | nc localhost 2181']);
	t.is(ruok.stdout, 'imok');
	const topics = await exec(kafka.container, ['bin/kafka-topics.sh', '--bootstrap-server', 'localhost:9092', '--create', '--topic', 'raw-events']);
	t.is(topics.stdout.trim(), 'Created topic raw-events.');
	t.regex(await logsOf(kafka.container), /\[KafkaServer id=0] started/);
});

test('kafka stand-in: a broker without ZooKeeper gives up with the real timeout error', async t => {
	t.timeout(60_000);
	const {container} = await start('quay.io/strimzi/kafka:latest-kafka-3.7.0', {
		command: ['sh', '-c', 'bin/kafka-server-start.sh config/server.properties --override zookeeper.connect=127.0.0.1:2181'],
	});
	const {StatusCode: code} = (await container.wait()) as {StatusCode: number};
	t.is(code, 1);
	t.regex(await logsOf(container), /Timed out waiting for connection/);
});

test('dgraph/standalone:latest: alpha /health reports healthy; Ratel answers on 8000', async t => {
	const {container, hostPort} = await start('dgraph/standalone:latest', {health: ['CMD', 'curl', '-f', 'http://localhost:8080/health'], ports: [8080, 8000]});
	await healthy(t, container);
	const [alpha] = await getJson<Array<{instance: string; status: string}>>(hostPort(8080), '/health');
	t.like(alpha, {instance: 'alpha', status: 'healthy'});
	t.regex((await get(hostPort(8000), '/')).body, /Ratel/);
});

test('cr.weaviate.io/semitechnologies/weaviate:1.25.9: ready and live answer 200, /v1/meta has the version', async t => {
	const {container, hostPort} = await start('cr.weaviate.io/semitechnologies/weaviate:1.25.9', {
		health: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://localhost:8080/v1/.well-known/ready'],
		ports: [8080],
	});
	await healthy(t, container);
	t.is((await get(hostPort(8080), '/v1/.well-known/live')).status, 200);
	t.is((await getJson<{version: string}>(hostPort(8080), '/v1/meta')).version, '1.25.9');
});

for (const [image, version] of [
	['apache/airflow:2.7.3-python3.11', '2.7.3'],
	['apache/airflow:2.10.2-python3.11', '2.10.2'],
] as const) {
	test(`${image}: standalone serves /health, its scheduler passes airflow jobs check`, async t => {
		const {container, hostPort} = await start(image, {
			command: ['standalone'],
			health: ['CMD', 'curl', '-f', 'http://localhost:8080/health'],
			ports: [8080],
		});
		await healthy(t, container);
		const health = await getJson<{metadatabase: {status: string}; scheduler: {status: string}}>(hostPort(8080), '/health');
		t.is(health.metadatabase.status, 'healthy');
		t.is(health.scheduler.status, 'healthy');
		const check = await exec(container, ['sh', '-c', 'airflow jobs check --job-type SchedulerJob --hostname "$(hostname)"']);
		t.is(check.code, 0, check.stderr);
		t.is((await exec(container, ['airflow', 'version'])).stdout.trim(), version);
	});
}

test('airflow stand-in: a webserver alone fails `airflow jobs check` (no scheduler heartbeat)', async t => {
	const {container} = await start('apache/airflow:2.10.2-python3.11', {command: ['webserver'], health: ['CMD', 'curl', '-f', 'http://localhost:8080/health']});
	await healthy(t, container);
	const check = await exec(container, ['airflow', 'jobs', 'check', '--job-type', 'SchedulerJob']);
	t.is(check.code, 1);
	t.regex(check.stderr, /No alive jobs found/);
});

test('otel/opentelemetry-collector-contrib:0.91.0: health_check extension answers "Server available"; a missing --config fails', async t => {
	const {container, hostPort} = await start('otel/opentelemetry-collector-contrib:0.91.0', {
		health: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://localhost:13133/'],
		ports: [13133, 4318],
	});
	await healthy(t, container);
	t.is((await getJson<{status: string}>(hostPort(13133), '/')).status, 'Server available');
	const broken = await start('otel/opentelemetry-collector-contrib:0.91.0', {command: ['--config=/etc/missing.yml']});
	const {StatusCode: code} = (await broken.container.wait()) as {StatusCode: number};
	t.is(code, 1);
	t.regex(await logsOf(broken.container), /failed to get config/);
});

test('jaegertracing/all-in-one:1.52: admin port answers "Server available", the query API lists services', async t => {
	const {container, hostPort} = await start('jaegertracing/all-in-one:1.52', {
		health: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://localhost:14269/'],
		ports: [14269, 16686],
	});
	await healthy(t, container);
	t.is((await getJson<{status: string}>(hostPort(14269), '/')).status, 'Server available');
	t.deepEqual((await getJson<{data: string[]}>(hostPort(16686), '/api/services')).data, ['jaeger-all-in-one']);
});

for (const [image, version] of [
	['prom/prometheus:v2.48.1', '2.48.1'],
	['prom/prometheus:v2.55.1', '2.55.1'],
] as const) {
	test(`${image}: /-/healthy and /-/ready answer, buildinfo has version ${version}`, async t => {
		const {container, hostPort} = await start(image, {
			health: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://localhost:9090/-/healthy'],
			ports: [9090],
		});
		await healthy(t, container);
		t.deepEqual(await get(hostPort(9090), '/-/ready'), {status: 200, body: 'Prometheus Server is Ready.\n'});
		t.is((await getJson<{data: {version: string}}>(hostPort(9090), '/api/v1/status/buildinfo')).data.version, version);
	});
}

for (const version of ['10.2.3', '11.2.0']) {
	test(`grafana/grafana:${version}: /api/health reports database ok and version ${version}`, async t => {
		const {container, hostPort} = await start(`grafana/grafana:${version}`, {
			health: ['CMD', 'curl', '-f', 'http://localhost:3000/api/health'],
			ports: [3000],
		});
		await healthy(t, container);
		t.like(await getJson<{database: string; version: string}>(hostPort(3000), '/api/health'), {database: 'ok', version});
	});
}

test('grafana/loki:3.1.1 and grafana/promtail:3.1.1: /ready answers on 3100 and 9080', async t => {
	const loki = await start('grafana/loki:3.1.1', {health: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://localhost:3100/ready'], ports: [3100]});
	const promtail = await start('grafana/promtail:3.1.1', {health: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://localhost:9080/ready'], ports: [9080]});
	await healthy(t, loki.container);
	await healthy(t, promtail.container);
	t.deepEqual(await get(loki.hostPort(3100), '/ready'), {status: 200, body: 'ready\n'});
	t.is((await get(promtail.hostPort(9080), '/ready')).status, 200);
});

test('busybox:1.36: the applets the demo profile uses (httpd, wget, od, tr, head) work', async t => {
	const {container, hostPort} = await start('busybox:1.36', {
		command: ['sh', '-c', 'mkdir -p /w && echo ok > /w/health && exec httpd -f -p 8080 -h /w'],
		health: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8080/health'],
		ports: [8080],
	});
	await healthy(t, container);
	t.deepEqual(await get(hostPort(8080), '/health'), {status: 200, body: 'ok\n'});
	const random = await exec(container, ['sh', '-c', "head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \\n'"]);
	t.regex(random.stdout, /^[a-f\d]{12}$/);
});

test('stand-in curl (health checks on busybox): exit codes 0, 22 with -f on HTTP errors, 7 when nothing listens', async t => {
	const {container} = await start('stacktui-standin/busybox:1', {
		command: ['sh', '-c', 'mkdir -p /w && echo hello > /w/x && exec httpd -f -p 8080 -h /w'],
		health: ['CMD', 'curl', '-fsS', 'http://localhost:8080/x'],
	});
	await healthy(t, container);
	const ok = await exec(container, ['curl', '-fsS', 'http://localhost:8080/x']);
	t.deepEqual([ok.code, ok.stdout], [0, 'hello\n']);
	const missing = await exec(container, ['curl', '-f', 'http://localhost:8080/nope']);
	t.is(missing.code, 22);
	t.regex(missing.stderr, /404/);
	t.is((await exec(container, ['curl', '-s', 'http://localhost:8080/nope'])).code, 0);
	t.is((await exec(container, ['curl', '-s', 'http://localhost:8081/'])).code, 7);
	const saved = await exec(container, ['sh', '-c', 'curl -s -o /tmp/out http://localhost:8080/x && cat /tmp/out']);
	t.is(saved.stdout, 'hello\n');
});
