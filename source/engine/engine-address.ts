import path from 'node:path';
import type {DockerOptions} from 'dockerode';
import {
	contextEndpoint,
	currentContextName,
	dockerConfigDirectory,
	readTlsFiles,
	type FileReader,
	type TlsFiles,
} from './docker-context.js';
import {EngineError} from './engine-error.js';
import {blankOptions, parseEngineAddress} from './parse-engine-address.js';

/** Where the address came from; shown next to it so users know which setting to change. */
export type EngineSource =
	| 'flag'
	| 'DOCKER_HOST'
	| `context ${string}`
	| 'default socket'
	| 'podman rootless'
	| 'podman rootful';

/** A resolved engine: the address in URL form (unix://, tcp://, ssh://) and how to dial it. */
export type EngineAddress = {
	readonly address: string;
	readonly source: EngineSource;
	readonly dockerodeOptions: DockerOptions;
};

/** Everything resolution looks at, injected so that it is pure and testable. */
export type ResolutionInputs = {
	/** A profile's `engine:` or the `--engine` flag; wins over everything else. */
	readonly explicitAddress?: string | undefined;
	readonly environment: Readonly<Record<string, string | undefined>>;
	readonly homeDirectory: string;
	/** For the rootless Podman socket under /run/user/<uid>. */
	readonly userId: number | undefined;
	readonly readFile: FileReader;
	readonly exists: (filePath: string) => boolean;
	/** Whether this user may connect to a socket; true when not given. */
	readonly isAccessible?: (filePath: string) => boolean;
};

export const defaultSocketPath = '/var/run/docker.sock';
export const rootfulPodmanSocketPath = '/run/podman/podman.sock';

/** Finds the engine as the docker CLI would: flag, DOCKER_HOST, context, default socket, then Podman. */
export function resolveEngineAddress(inputs: ResolutionInputs): EngineAddress {
	const {environment, readFile} = inputs;
	const explicit = inputs.explicitAddress?.trim();
	if (explicit) {
		const tls = () => environmentTls(inputs);
		return {...parseEngineAddress(explicit, `engine address ${explicit}`, tls, environment), source: 'flag'};
	}

	const dockerHost = environment['DOCKER_HOST']?.trim();
	if (dockerHost) {
		const tls = () => environmentTls(inputs);
		return {...parseEngineAddress(dockerHost, `DOCKER_HOST=${dockerHost}`, tls, environment), source: 'DOCKER_HOST'};
	}

	const configDirectory = dockerConfigDirectory(environment, inputs.homeDirectory);
	const contextName = currentContextName(environment, configDirectory, readFile);
	if (contextName !== undefined && contextName !== 'default') {
		const endpoint = contextEndpoint(contextName, configDirectory, readFile);
		const label = `docker context "${contextName}" endpoint ${endpoint.host}`;
		const parsed = parseEngineAddress(endpoint.host, label, () => endpoint.tls, environment);
		return {...parsed, source: `context ${contextName}`};
	}

	return findLocalSocket(inputs);
}

/** DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, as the docker CLI and docker-modem read them. */
function environmentTls(inputs: ResolutionInputs): TlsFiles | undefined {
	const verify = inputs.environment['DOCKER_TLS_VERIFY'];
	const certificatePath = inputs.environment['DOCKER_CERT_PATH'];
	const isVerify = verify !== undefined && verify !== '' && verify !== '0';
	if (!isVerify && !certificatePath) {
		return undefined;
	}

	const directory = certificatePath || path.join(inputs.homeDirectory, '.docker');
	const files = readTlsFiles(directory, inputs.readFile);
	if (files.ca === undefined) {
		throw new EngineError(`DOCKER_TLS_VERIFY/DOCKER_CERT_PATH: cannot read ${path.join(directory, 'ca.pem')}`);
	}

	return files;
}

function findLocalSocket(inputs: ResolutionInputs): EngineAddress {
	const runtimeDirectory = inputs.environment['XDG_RUNTIME_DIR'];
	const rootless = [
		runtimeDirectory ? path.join(runtimeDirectory, 'podman', 'podman.sock') : undefined,
		inputs.userId === undefined ? undefined : `/run/user/${inputs.userId}/podman/podman.sock`,
	].filter((candidate): candidate is string => candidate !== undefined);
	const candidates: Array<[string, EngineSource]> = [
		[defaultSocketPath, 'default socket'],
		...[...new Set(rootless)].map((socketPath): [string, EngineSource] => [socketPath, 'podman rootless']),
		[rootfulPodmanSocketPath, 'podman rootful'],
	];
	// A socket this user may not use (root's docker.sock) yields to one it may (its rootless Podman);
	// when none is usable the first that exists is dialled, so its permission error is what the user sees.
	const isAccessible = inputs.isAccessible ?? (() => true);
	const found =
		candidates.find(([socketPath]) => inputs.exists(socketPath) && isAccessible(socketPath)) ??
		candidates.find(([socketPath]) => inputs.exists(socketPath));
	if (found === undefined) {
		const tried = candidates.map(([socketPath]) => socketPath).join(', ');
		throw new EngineError(`no container engine found: tried ${tried} — start dockerd or Podman, or set DOCKER_HOST`);
	}

	const [socketPath, source] = found;
	return {address: `unix://${socketPath}`, source, dockerodeOptions: {...blankOptions, socketPath}};
}
