import {createHash} from 'node:crypto';
import path from 'node:path';
import {EngineError} from './engine-error.js';

/** Reads a file's text, or gives undefined when it cannot be read; injected to keep lookups pure. */
export type FileReader = (filePath: string) => string | undefined;

/** PEM texts for a TLS connection; a missing file stays undefined. */
export type TlsFiles = {
	readonly ca: string | undefined;
	readonly cert: string | undefined;
	readonly key: string | undefined;
};

/** Where a docker context points, as the docker CLI stores it. */
export type ContextEndpoint = {
	readonly host: string;
	/** From contexts/tls/<hash>/docker/, undefined when the context has no TLS material. */
	readonly tls: TlsFiles | undefined;
};

type Environment = Readonly<Record<string, string | undefined>>;

/** $DOCKER_CONFIG, else ~/.docker: the docker CLI keeps config.json and contexts there. */
export function dockerConfigDirectory(environment: Environment, homeDirectory: string): string {
	return environment['DOCKER_CONFIG'] || path.join(homeDirectory, '.docker');
}

/** The context the docker CLI would use: $DOCKER_CONTEXT, else `currentContext` of config.json. */
export function currentContextName(
	environment: Environment,
	configDirectory: string,
	readFile: FileReader,
): string | undefined {
	const fromEnvironment = environment['DOCKER_CONTEXT']?.trim();
	if (fromEnvironment) {
		return fromEnvironment;
	}

	const configPath = path.join(configDirectory, 'config.json');
	const text = readFile(configPath);
	if (text === undefined) {
		return undefined;
	}

	const currentContext = field(parseJson(text, configPath), 'currentContext');
	return typeof currentContext === 'string' && currentContext.trim() !== '' ? currentContext.trim() : undefined;
}

/** The docker CLI names a context's folders by the sha256 of the context name. */
export function contextDirectoryName(contextName: string): string {
	return createHash('sha256').update(contextName).digest('hex');
}

/** The docker endpoint of a named context; throws when the context or its endpoint is missing. */
export function contextEndpoint(
	contextName: string,
	configDirectory: string,
	readFile: FileReader,
): ContextEndpoint {
	const hash = contextDirectoryName(contextName);
	const metaPath = path.join(configDirectory, 'contexts', 'meta', hash, 'meta.json');
	const text = readFile(metaPath);
	if (text === undefined) {
		throw new EngineError(`docker context "${contextName}" not found: cannot read ${metaPath}`);
	}

	const host = field(field(field(parseJson(text, metaPath), 'Endpoints'), 'docker'), 'Host');
	if (typeof host !== 'string' || host.trim() === '') {
		throw new EngineError(`docker context "${contextName}" has no docker endpoint (Endpoints.docker.Host in ${metaPath})`);
	}

	const tls = readTlsFiles(path.join(configDirectory, 'contexts', 'tls', hash, 'docker'), readFile);
	const hasTls = tls.ca !== undefined || tls.cert !== undefined || tls.key !== undefined;
	return {host: host.trim(), tls: hasTls ? tls : undefined};
}

/** ca.pem, cert.pem and key.pem of a folder, as DOCKER_CERT_PATH and contexts lay them out. */
export function readTlsFiles(directory: string, readFile: FileReader): TlsFiles {
	return {
		ca: readFile(path.join(directory, 'ca.pem')),
		cert: readFile(path.join(directory, 'cert.pem')),
		key: readFile(path.join(directory, 'key.pem')),
	};
}

function parseJson(text: string, filePath: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new EngineError(`cannot parse ${filePath}: ${reason}`, {cause: error});
	}
}

function field(value: unknown, key: string): unknown {
	return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
