import type {EngineSource} from './engine-address.js';

/**
 * A failure to find or reach the container engine, with a one-line message meant for users:
 * the UI and the CLI print `message` as is, so it names the address and suggests a fix.
 */
export class EngineError extends Error {
	override readonly name = 'EngineError';
	/** The address tried, when one was resolved. */
	readonly address: string | undefined;
	readonly source: EngineSource | undefined;
	/** The errno code (ECONNREFUSED, ...) or `TIMEOUT`, when the failure had one. */
	readonly code: string | undefined;

	constructor(
		message: string,
		details: {address?: string; source?: EngineSource; code?: string; cause?: unknown} = {},
	) {
		super(oneLine(message), {cause: details.cause});
		this.address = details.address;
		this.source = details.source;
		this.code = details.code;
	}
}

/** What was being reached when a failure happened. */
export type EngineTarget = {
	readonly address: string;
	readonly source: EngineSource;
	readonly timeoutMilliseconds: number;
};

const reasons: Readonly<Record<string, string>> = {
	ENOENT: 'no such socket',
	ECONNREFUSED: 'connection refused',
	ETIMEDOUT: 'connection timed out',
	ENOTFOUND: 'unknown host',
	EAI_AGAIN: 'host name lookup failed',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ECONNRESET: 'connection reset by the engine',
	EPIPE: 'connection closed by the engine',
	ENOTSOCK: 'not a socket',
};

/** Codes that mean nothing listens there, so the fix is to start the engine. */
const notRunningCodes = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK']);

/** Turns whatever dockerode, node or ssh2 threw into an EngineError naming the address. */
export function engineErrorFromFailure(error: unknown, target: EngineTarget): EngineError {
	if (error instanceof EngineError) {
		return error;
	}

	const {address, source} = target;
	const code = failureCode(error);
	const details = {address, source, code, cause: error};
	const where = `the container engine at ${address} (${source})`;

	if (code === 'EACCES' || code === 'EPERM') {
		const socketPath = address.startsWith('unix://') ? address.slice('unix://'.length) : address;
		return new EngineError(
			`permission denied on ${socketPath} (${source}) — ${permissionHint(source)}`,
			details,
		);
	}

	if (code === 'TIMEOUT') {
		const seconds = target.timeoutMilliseconds / 1000;
		return new EngineError(`cannot reach ${where}: no answer within ${seconds} s`, details);
	}

	const statusCode = readProperty(error, 'statusCode');
	if (typeof statusCode === 'number') {
		return new EngineError(
			`${where} answered HTTP ${statusCode} (${messageOf(error)}) — is it a Docker API endpoint?`,
			details,
		);
	}

	if (readProperty(error, 'level') === 'client-authentication') {
		return new EngineError(
			`cannot reach ${where}: ssh authentication failed — check your ssh agent (SSH_AUTH_SOCK) and keys`,
			details,
		);
	}

	// ssh2 marks failures of its own socket: sshd refused or was not reached, dockerd was never asked.
	if (address.startsWith('ssh://') && readProperty(error, 'level') === 'client-socket') {
		const reason = (code === undefined ? undefined : reasons[code]) ?? messageOf(error);
		return new EngineError(`cannot reach ${where}: ssh ${reason} — is sshd running and reachable on ${address.replace(/^ssh:\/\/([^@]*@)?/, '')}?`, details);
	}

	const reason = (code === undefined ? undefined : reasons[code]) ?? messageOf(error);
	const hint = code !== undefined && notRunningCodes.has(code) ? ` — ${startHint(source)}` : '';
	return new EngineError(`cannot reach ${where}: ${reason}${hint}`, details);
}

function failureCode(error: unknown): string | undefined {
	const name = readProperty(error, 'name');
	const level = readProperty(error, 'level');
	if (name === 'AbortError' || name === 'TimeoutError' || level === 'client-timeout') {
		return 'TIMEOUT';
	}

	const code = readProperty(error, 'code');
	return typeof code === 'string' ? code : undefined;
}

function startHint(source: EngineSource): string {
	return source.startsWith('podman')
		? 'is the Podman service running (systemctl --user start podman.socket)?'
		: 'is dockerd running?';
}

function permissionHint(source: EngineSource): string {
	return source === 'podman rootful'
		? 'run as root, use rootless Podman, or set DOCKER_HOST'
		: 'add your user to the docker group or set DOCKER_HOST';
}

function readProperty(value: unknown, key: string): unknown {
	return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function messageOf(error: unknown): string {
	const message = readProperty(error, 'message');
	return oneLine(typeof message === 'string' ? message : String(error));
}

function oneLine(text: string): string {
	return text.replaceAll(/\s+/g, ' ').trim();
}
