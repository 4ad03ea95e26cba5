import {existsSync, statSync} from 'node:fs';
import process from 'node:process';
import type Docker from 'dockerode';

/** The engine's answers to GET /version, GET /info and (Podman only) GET /libpod/info. */
export type EngineFacts = {
	readonly version: Partial<Docker.DockerVersion>;
	readonly info: {readonly CgroupVersion?: unknown; readonly SecurityOptions?: unknown};
	/** Podman's own info: `host.security.rootless`; undefined on Docker. */
	readonly libpodInfo?: {readonly host?: {readonly security?: {readonly rootless?: unknown}}} | undefined;
	/** The engine's address as a URL: unix://…, tcp://…, ssh://… */
	readonly address: string;
};

type LibpodInfo = {
	version?: {Version?: string};
	host?: {os?: string; arch?: string; cgroupVersion?: string; security?: {rootless?: unknown}};
};

/**
 * Asks the engine what it is. The ping's headers name Podman (Libpod-Api-Version), whose /version
 * and /info each take it a second or more (three on a loaded machine): a Podman on this host is
 * read from its socket and /sys instead, a remote one from its own info. Docker answers /version and /info.
 */
export async function askEngine(docker: Docker, address: string, signal?: AbortSignal): Promise<EngineFacts> {
	const headers = await pingHeaders(docker, signal);
	const libpodVersion = headers['libpod-api-version'];
	if (typeof libpodVersion === 'string') {
		const socketPath = address.startsWith('unix://') ? address.slice('unix://'.length) : undefined;
		const libpod = (socketPath === undefined ? undefined : localPodmanInfo(socketPath, libpodVersion)) ?? ((await dialJson(docker, '/v4.0.0/libpod/info', signal)) as LibpodInfo);
		const apiVersion = headers['api-version'];
		const version: Partial<Docker.DockerVersion> = {
			Version: libpod.version?.Version ?? libpodVersion,
			ApiVersion: typeof apiVersion === 'string' ? apiVersion : '',
			Os: libpod.host?.os ?? '',
			Arch: libpod.host?.arch ?? '',
			Components: [{Name: 'Podman Engine', Version: libpod.version?.Version ?? libpodVersion} as Docker.DockerVersion['Components'][number]],
		};
		const cgroup = libpod.host?.cgroupVersion?.replace(/^v/, '');
		return {version, info: {CgroupVersion: cgroup}, libpodInfo: libpod, address};
	}

	const options = {abortSignal: signal} as object;
	const [version, info] = await Promise.all([
		(docker.version as (options: object) => Promise<Docker.DockerVersion>).call(docker, options),
		(docker.info as (options: object) => Promise<EngineFacts['info']>).call(docker, options),
	]);
	return {version, info, address};
}

/**
 * What Podman's info would say, read on this host: a socket owned by a user other than root is a
 * rootless Podman's; cgroup v2 has /sys/fs/cgroup/cgroup.controllers. undefined when the socket cannot be read.
 */
function localPodmanInfo(socketPath: string, version: string): LibpodInfo | undefined {
	try {
		const owner = statSync(socketPath).uid;
		const cgroupVersion = existsSync('/sys/fs/cgroup/cgroup.controllers') ? 'v2' : 'v1';
		const arch = process.arch === 'x64' ? 'amd64' : process.arch;
		return {version: {Version: version}, host: {os: process.platform, arch, cgroupVersion, security: {rootless: owner !== 0}}};
	} catch {
		return undefined;
	}
}

/** GET /_ping, for its headers (the body is only "OK"). */
async function pingHeaders(docker: Docker, signal?: AbortSignal): Promise<Record<string, string | string[] | undefined>> {
	return new Promise((resolve, reject) => {
		docker.modem.dial(
			{path: '/_ping', method: 'GET', isStream: true, statusCodes: {200: true, 500: 'server error'}, abortSignal: signal} as never,
			(error: unknown, response: unknown) => {
				if (error) {
					reject(error as Error);
					return;
				}

				const message = response as NodeJS.ReadableStream & {headers: Record<string, string | string[] | undefined>};
				message.resume();
				resolve(message.headers);
			},
		);
	});
}

/**
 * A GET through the client's own connection (socket, tcp or ssh), parsed as JSON. The query goes
 * in `query` (objects are sent as JSON, as `filters` must be), never in the path: docker-modem
 * cuts the path's last character when it holds a `?` and no options are given.
 */
export async function dialJson(docker: Docker, path: string, signal?: AbortSignal, query?: Record<string, unknown>): Promise<unknown> {
	return new Promise((resolve, reject) => {
		docker.modem.dial(
			{
				path: query === undefined ? path : `${path}?`,
				method: 'GET',
				...(query === undefined ? {} : {options: query}),
				statusCodes: {200: true, 404: 'not found', 500: 'server error'},
				abortSignal: signal,
			} as never,
			(error: unknown, data: unknown) => (error ? reject(error as Error) : resolve(data)),
		);
	});
}
