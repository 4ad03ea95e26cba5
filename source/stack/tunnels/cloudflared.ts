import {isRecord} from './ngrok.js';
import type {TunnelReading} from './types.js';

/** What cloudflared prints when it made a quick tunnel (in a box of `|` on one line of its log). */
export const quickTunnelPattern = String.raw`https://[a-z0-9-]+\.trycloudflare\.com`;

/**
 * The /quicktunnel address of a cloudflared metrics server given as its base
 * (http://127.0.0.1:20241), its /metrics page, or /quicktunnel itself.
 */
export function quickTunnelAddress(api: string): string {
	const url = new URL(api);
	const path = url.pathname.replace(/\/+$/, '');
	if (!path.endsWith('/quicktunnel')) {
		url.pathname = `${path.replace(/\/metrics$/, '')}/quicktunnel`;
	}

	return url.toString();
}

/** Reads cloudflared's `{"hostname": "x.trycloudflare.com"}`; empty for a named tunnel or before it is made. */
export function readQuickTunnel(body: unknown): TunnelReading {
	const hostname = isRecord(body) ? body['hostname'] : undefined;
	if (typeof hostname !== 'string') {
		return {status: 'error', reason: 'the cloudflared /quicktunnel answer has no hostname'};
	}

	if (hostname === '') {
		return {status: 'waiting', reason: 'cloudflared has no quick tunnel hostname yet'};
	}

	if (!/^[a-z0-9.-]+$/i.test(hostname)) {
		return {status: 'error', reason: `cloudflared reported an odd hostname: ${JSON.stringify(hostname).slice(0, 80)}`};
	}

	return {status: 'online', publicUrl: `https://${hostname}`};
}
