import type {TunnelReading} from './types.js';

type AgentTunnel = {readonly publicUrl: string; readonly addr: string | undefined};

/**
 * Reads the ngrok agent API's `GET /api/tunnels` answer: the public URL (https preferred,
 * as ngrok v2 lists an http twin of each https tunnel) and `config.addr` as the upstream.
 * With `upstream` from the profile, tunnels forwarding there are preferred.
 */
export function readNgrokTunnels(body: unknown, upstream?: string): TunnelReading {
	const list = isRecord(body) ? body['tunnels'] : undefined;
	if (!Array.isArray(list)) {
		return {status: 'error', reason: 'the ngrok agent API answered without a tunnels list'};
	}

	const tunnels = list.flatMap(toAgentTunnel);
	if (tunnels.length === 0) {
		return list.length === 0
			? {status: 'waiting', reason: 'the ngrok agent has no tunnels yet'}
			: {status: 'error', reason: 'no tunnel in the ngrok agent API answer has a public_url'};
	}

	const forwarding = upstream === undefined ? [] : tunnels.filter(tunnel => tunnel.addr?.endsWith(upstream));
	const candidates = forwarding.length > 0 ? forwarding : tunnels;
	const chosen = candidates.find(tunnel => tunnel.publicUrl.startsWith('https://')) ?? candidates[0]!;
	return {status: 'online', publicUrl: chosen.publicUrl, ...(chosen.addr === undefined ? {} : {upstream: chosen.addr})};
}

function toAgentTunnel(item: unknown): AgentTunnel[] {
	if (!isRecord(item) || typeof item['public_url'] !== 'string' || item['public_url'] === '') {
		return [];
	}

	const config = item['config'];
	const addr = isRecord(config) && typeof config['addr'] === 'string' ? config['addr'] : undefined;
	return [{publicUrl: item['public_url'], addr}];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
