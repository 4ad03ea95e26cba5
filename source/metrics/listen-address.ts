import {isIP} from 'node:net';

export type ListenAddress = {readonly host: string; readonly port: number};

/**
 * Parses `--metrics HOST:PORT` (`127.0.0.1:9464`, `[::1]:9464`, `localhost:9464`); a bare PORT
 * means 127.0.0.1. A host is never implied to be every interface: `0.0.0.0:9464` must be written.
 * Returns an error message instead of throwing, for the caller's one-line usage error.
 */
export function parseListenAddress(text: string): ListenAddress | string {
	const example = 'e.g. 127.0.0.1:9464';
	const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(text);
	const plain = /^([^[\]]*):(\d+)$/.exec(text);
	const bare = /^(\d+)$/.exec(text);
	const host = bracketed?.[1] ?? plain?.[1] ?? (bare ? '127.0.0.1' : undefined);
	const portText = bracketed?.[2] ?? plain?.[2] ?? bare?.[1];
	if (host === undefined || portText === undefined) return `--metrics: "${text}" is not HOST:PORT (${example})`;
	if (host === '') return `--metrics: "${text}" names no host; give the address to listen on (${example}, or 0.0.0.0:${portText} for every interface)`;
	if (bracketed && isIP(host) !== 6) return `--metrics: "${host}" is not an IPv6 address`;
	if (!bracketed && host.includes(':')) return `--metrics: write an IPv6 address in brackets, e.g. [::1]:9464`;
	const port = Number(portText);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) return `--metrics: port ${portText} is not between 0 and 65535`;
	return {host, port};
}

/** `host:port` as a URL authority, IPv6 in brackets. */
export function formatListenAddress({host, port}: ListenAddress): string {
	return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
