import {accessSync, constants, existsSync, readFileSync} from 'node:fs';
import os from 'node:os';
import Docker from 'dockerode';
import {type EngineCapabilities, detectCapabilities, rememberCapabilities} from './capabilities.js';
import {askEngine} from './engine-facts.js';
import {resolveEngineAddress, type EngineAddress, type EngineSource, type ResolutionInputs} from './engine-address.js';
import {EngineError, engineErrorFromFailure} from './engine-error.js';
import {SshDialAgent} from './ssh-agent.js';

export type ConnectOptions = {
	/** A profile's `engine:` or the `--engine` flag. */
	readonly explicitAddress?: string | undefined;
	/** Defaults to process.env; tests pass their own. */
	readonly environment?: Readonly<Record<string, string | undefined>>;
	/** Deadline for the whole handshake (ping, version, info); 3 s by default. */
	readonly timeoutMilliseconds?: number;
};

/** A live engine and what the UI shows about it in the status bar. */
export type EngineConnection = {
	readonly docker: Docker;
	readonly address: string;
	readonly source: EngineSource;
	readonly version: string;
	readonly apiVersion: string;
	readonly os: string;
	readonly arch: string;
	/** undefined when the engine does not report it (API < 1.40). */
	readonly cgroupVersion: '1' | '2' | undefined;
	/** What this engine reports and how: health events, stats source, rootless, … */
	readonly capabilities: EngineCapabilities;
};

const defaultTimeoutMilliseconds = 3000;

/** Resolves, dials and checks the engine, so a bad setup fails at start with one clear line. */
export async function connectEngine(options: ConnectOptions = {}): Promise<EngineConnection> {
	const timeoutMilliseconds = options.timeoutMilliseconds ?? defaultTimeoutMilliseconds;
	const resolved = resolveEngineAddress(systemResolutionInputs(options));
	const {address, source} = resolved;
	const target = {address, source, timeoutMilliseconds};
	try {
		const docker = createDocker(resolved, timeoutMilliseconds);
		const signal = AbortSignal.timeout(timeoutMilliseconds);
		const facts = await askEngine(docker, address, signal);
		const {version, info} = facts;
		const capabilities = detectCapabilities(facts);
		rememberCapabilities(docker, capabilities);
		return {
			docker,
			address,
			source,
			version: version.Version ?? '',
			apiVersion: version.ApiVersion ?? '',
			os: version.Os ?? '',
			arch: version.Arch ?? '',
			cgroupVersion: info.CgroupVersion === '1' || info.CgroupVersion === '2' ? info.CgroupVersion : undefined,
			capabilities,
		};
	} catch (error) {
		throw engineErrorFromFailure(error, target);
	}
}

/** The real environment, files and sockets of this machine, for resolveEngineAddress. */
export function systemResolutionInputs(options: ConnectOptions = {}): ResolutionInputs {
	return {
		explicitAddress: options.explicitAddress,
		environment: options.environment ?? process.env,
		homeDirectory: os.homedir(),
		userId: process.getuid?.(),
		readFile(filePath) {
			try {
				return readFileSync(filePath, 'utf8');
			} catch {
				return undefined;
			}
		},
		exists: existsSync,
		isAccessible(filePath) {
			try {
				accessSync(filePath, constants.R_OK | constants.W_OK);
				return true;
			} catch {
				return false;
			}
		},
	};
}

function createDocker(resolved: EngineAddress, timeoutMilliseconds: number): Docker {
	const options = resolved.dockerodeOptions;
	try {
		if (options.protocol !== 'ssh') return new Docker(options);
		// Plain http:// requests through our own ssh dial agent: well-formed URLs, no DEP0170 warning.
		const agent = new SshDialAgent({
			...options.sshOptions,
			host: options.host,
			port: Number(options.port ?? 22),
			username: options.username,
			readyTimeout: timeoutMilliseconds,
		});
		// docker-modem takes an `agent` option that @types/dockerode does not declare.
		const withAgent: Docker.DockerOptions & {readonly agent: SshDialAgent} = {...options, protocol: 'http', agent};
		return new Docker(withAgent);
	} catch (error) {
		// docker-modem parses process.env itself and throws on a DOCKER_HOST it cannot read.
		const reason = error instanceof Error ? error.message : String(error);
		throw new EngineError(`cannot set up the connection to ${resolved.address} (${resolved.source}): ${reason}`, {
			address: resolved.address,
			source: resolved.source,
			cause: error,
		});
	}
}
