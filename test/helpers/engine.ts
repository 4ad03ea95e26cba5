import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {promisify} from 'node:util';
import type Docker from 'dockerode';
import {connectEngine, type EngineConnection} from '../../source/engine/connect.js';
import {toNanoseconds} from '../../source/engine/log-lines.js';
import {numberLabel, projectLabel, serviceLabel} from '../../source/engine/types.js';

export const testImage = 'stacktui-test/busybox:1';
/** Every container a test makes carries this label, so cleanup never touches anything else. */
export const testLabel = 'stacktui.test';

const run = promisify(execFile);

/** Connects to the engine the suite runs against; a missing engine fails the test (never skips it). */
export async function connectForTests(address?: string): Promise<EngineConnection> {
	return connectEngine({explicitAddress: address, timeoutMilliseconds: 10_000});
}

/** A compose project name of its own per test, so tests sharing one engine never meet. */
export function newProjectName(topic: string): string {
	return `stt-${topic}-${randomBytes(3).toString('hex')}`;
}

export type ServiceOptions = {
	readonly project: string;
	readonly service: string;
	readonly command?: readonly string[];
	readonly number?: number;
	readonly cpus?: number;
	readonly memoryBytes?: number;
	/** Healthy while /tmp/healthy exists in the container. */
	readonly hasHealthcheck?: boolean;
	readonly environment?: readonly string[];
	readonly isTty?: boolean;
	readonly restartAlways?: boolean;
	readonly isStarted?: boolean;
};

/** Creates (and by default starts) a container labelled like a compose service. */
export async function createService(docker: Docker, options: ServiceOptions): Promise<Docker.Container> {
	const number = options.number ?? 1;
	const container = await docker.createContainer({
		name: `${options.project}-${options.service}-${number}`,
		Image: testImage,
		Cmd: options.command ? [...options.command] : ['idle'],
		Env: options.environment ? [...options.environment] : [],
		Tty: options.isTty ?? false,
		Labels: {
			[projectLabel]: options.project,
			[serviceLabel]: options.service,
			[numberLabel]: String(number),
			[testLabel]: options.project,
		},
		Healthcheck: options.hasHealthcheck
			? {Test: ['CMD', 'healthy'], Interval: 300_000_000, Timeout: 1_000_000_000, Retries: 1}
			: undefined,
		HostConfig: {
			NetworkMode: 'none',
			NanoCpus: options.cpus === undefined ? undefined : Math.round(options.cpus * 1e9),
			Memory: options.memoryBytes,
			RestartPolicy: options.restartAlways ? {Name: 'always'} : undefined,
		},
	});
	if (options.isStarted ?? true) {
		await container.start();
	}

	return container;
}

/** Removes every container the project's tests made, found by label. */
export async function removeProject(docker: Docker, project: string): Promise<void> {
	const containers = await docker.listContainers({all: true, filters: {label: [`${testLabel}=${project}`]}});
	await Promise.all(containers.map(async info => docker.getContainer(info.Id).remove({force: true}).catch(() => undefined)));
}

/** Runs the docker CLI against the same engine. */
export async function dockerCli(args: readonly string[], host?: string): Promise<string> {
	const environment = host === undefined ? process.env : {...process.env, DOCKER_HOST: host};
	const {stdout} = await run('docker', [...args], {env: environment, maxBuffer: 16 * 1024 * 1024});
	return stdout;
}

/** Polls a condition every 20 ms; returns the milliseconds it took, or throws after the timeout. */
export async function eventually(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		}

		await new Promise(resolve => setTimeout(resolve, 20));
	}

	return Date.now() - started;
}

/**
 * Every line the engine kept, from the docker CLI: "TIME TEXT", in the order the engine sent them
 * (stdout and stderr through one pipe), then sorted by time. The sort is stable: Podman stamps to
 * the second, and lines of one second keep the engine's order.
 */
export async function cliLogLines(id: string): Promise<string[]> {
	const {stdout} = await run('sh', ['-c', 'docker logs --timestamps "$1" 2>&1', 'sh', id], {maxBuffer: 16 * 1024 * 1024});
	return stdout
		.split('\n')
		.filter(line => line !== '')
		.map((line, index) => ({line, index, time: toNanoseconds(line.slice(0, line.indexOf(' ')))}))
		.sort((left, right) => (left.time === right.time ? left.index - right.index : left.time < right.time ? -1 : 1))
		.map(({line}) => line);
}
