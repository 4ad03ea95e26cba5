import type {DockerOptions} from 'dockerode';
import type {TlsFiles} from './docker-context.js';
import {EngineError} from './engine-error.js';

/**
 * Every connection key is set, even to undefined, because docker-modem merges our options over
 * what it reads from process.env itself: without this a DOCKER_HOST would leak into a flag's socket.
 */
export const blankOptions: DockerOptions = {
	socketPath: undefined,
	host: undefined,
	port: undefined,
	protocol: undefined,
	username: undefined,
	ca: undefined,
	cert: undefined,
	key: undefined,
};

/** Parses unix://, tcp:// (or bare host:port) and ssh:// addresses; `label` prefixes errors. */
export function parseEngineAddress(
	raw: string,
	label: string,
	tls: () => TlsFiles | undefined,
	environment: Readonly<Record<string, string | undefined>>,
): {address: string; dockerodeOptions: DockerOptions} {
	const fail = (reason: string) => new EngineError(`${label}: ${reason}`);
	const schemeMatch = /^([^:/]*):\/\//.exec(raw);
	const scheme = schemeMatch?.[1]?.toLowerCase() ?? 'tcp';
	if (scheme === 'unix') {
		const socketPath = raw.slice('unix://'.length);
		if (!socketPath.startsWith('/')) {
			throw fail('expected unix:///absolute/path/to/socket');
		}

		return {address: `unix://${socketPath}`, dockerodeOptions: {...blankOptions, socketPath}};
	}

	if (scheme !== 'tcp' && scheme !== 'ssh') {
		throw fail(`unsupported scheme ${scheme || '(empty)'} — use unix://, tcp:// or ssh://`);
	}

	let url: URL;
	try {
		url = new URL(schemeMatch ? raw : `tcp://${raw}`);
	} catch {
		throw fail(`not a valid ${scheme}:// address`);
	}

	const host = url.hostname.replace(/^\[(.*)]$/, '$1');
	if (host === '' || (url.pathname !== '' && url.pathname !== '/')) {
		throw fail(`expected ${scheme}://${scheme === 'ssh' ? '[user@]' : ''}host[:port]`);
	}

	if (scheme === 'ssh') {
		const username = decodeURIComponent(url.username) || undefined;
		const port = url.port === '' ? 22 : Number(url.port);
		const user = username === undefined ? '' : `${username}@`;
		return {
			address: `ssh://${user}${url.hostname}${url.port === '' ? '' : `:${url.port}`}`,
			dockerodeOptions: {
				...blankOptions,
				protocol: 'ssh',
				host,
				port,
				username,
				sshOptions: {agent: environment['SSH_AUTH_SOCK']},
			},
		};
	}

	const tlsFiles = tls();
	const port = url.port === '' ? (tlsFiles === undefined ? 2375 : 2376) : Number(url.port);
	return {
		address: `tcp://${url.hostname}:${port}`,
		dockerodeOptions: {...blankOptions, host, port, protocol: tlsFiles === undefined ? 'http' : 'https', ...tlsFiles},
	};
}
