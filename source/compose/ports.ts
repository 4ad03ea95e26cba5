import type {PortMapping} from './types.js';
import {isMapping} from './path.js';

const protocols = new Set(['tcp', 'udp', 'sctp']);

/**
 * The mappings of one `ports:` entry: a number, the short syntax ("80", "8080:80",
 * "127.0.0.1:5432:5432", "127.0.0.1::80", "[::1]:80:80", "9000-9001:9000-9001", "53:53/udp")
 * or the long syntax ({target, published, host_ip, protocol}). Ranges are expanded.
 * Throws Error naming what is wrong.
 */
export function parsePortEntry(entry: unknown): PortMapping[] {
	if (typeof entry === 'number') {
		return expand(undefined, undefined, String(entry), 'tcp');
	}

	if (typeof entry === 'string') {
		return parseShort(entry);
	}

	if (isMapping(entry)) {
		const protocol = typeof entry['protocol'] === 'string' ? entry['protocol'] : 'tcp';
		const published = entry['published'] === undefined || entry['published'] === '' ? undefined : String(entry['published']);
		const hostIp = typeof entry['host_ip'] === 'string' && entry['host_ip'] !== '' ? entry['host_ip'] : undefined;
		return expand(hostIp, published, String(entry['target'] ?? ''), protocol);
	}

	throw new Error('expected a port number, a "HOST:CONTAINER" string or a mapping');
}

function parseShort(text: string): PortMapping[] {
	const slash = text.lastIndexOf('/');
	const protocol = slash === -1 ? 'tcp' : text.slice(slash + 1);
	const address = slash === -1 ? text : text.slice(0, slash);
	const bracketed = /^\[([^\]]+)]:(.*)$/.exec(address);
	const parts = bracketed === null ? address.split(':') : [bracketed[1] ?? '', ...(bracketed[2] ?? '').split(':')];
	if (parts.length > 3) {
		throw new Error('expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]');
	}

	const [hostIp, hostPorts, containerPorts] = parts.length === 3 ? parts : parts.length === 2 ? [undefined, ...parts] : [undefined, undefined, ...parts];
	return expand(hostIp === '' ? undefined : hostIp, hostPorts === '' ? undefined : hostPorts, containerPorts ?? '', protocol);
}

function expand(hostIp: string | undefined, hostPorts: string | undefined, containerPorts: string, protocol: string): PortMapping[] {
	if (!protocols.has(protocol)) {
		throw new Error(`unknown protocol "${protocol}" (expected tcp, udp or sctp)`);
	}

	const container = range(containerPorts, 'container');
	const host = hostPorts === undefined ? undefined : range(hostPorts, 'host');
	if (host !== undefined && host.length !== container.length) {
		throw new Error(
			container.length === 1
				? 'a host port range for one container port is not supported by stacktui'
				: `the host range has ${host.length} ports and the container range ${container.length}`,
		);
	}

	return container.map((containerPort, index) => ({
		hostIp,
		hostPort: host?.[index],
		containerPort,
		protocol: protocol as PortMapping['protocol'],
	}));
}

/** "80" → [80]; "9000-9002" → [9000, 9001, 9002]. */
function range(text: string, side: 'host' | 'container'): number[] {
	const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
	if (match === null) {
		throw new Error(text === '' ? `missing ${side} port` : `"${text}" is not a ${side} port`);
	}

	const first = Number(match[1]);
	const last = match[2] === undefined ? first : Number(match[2]);
	for (const port of [first, last]) {
		if (port < 1 || port > 65_535) {
			throw new Error(`${side} port ${port} is out of range (1-65535)`);
		}
	}

	if (last < first) {
		throw new Error(`"${text}" is an empty range`);
	}

	return Array.from({length: last - first + 1}, (_, index) => first + index);
}
