import {userPatternProblem} from '../config/user-pattern.js';
import {didYouMean} from '../config/did-you-mean.js';
import {describeValue, type FieldReader} from './field-reader.js';
import type {Tunnel, TunnelProvider} from './types.js';

const tunnelKeys = ['provider', 'service', 'api', 'pattern', 'upstream'] as const;
const providers: readonly TunnelProvider[] = ['ngrok', 'cloudflared', 'log'];

/** Where the ngrok agent lists its tunnels unless `api:` says otherwise. */
export const defaultNgrokApi = 'http://127.0.0.1:4040/api/tunnels';

/** The `tunnels:` list; absent or empty means none. */
export function readTunnels(reader: FieldReader, value: unknown): Tunnel[] {
	if (value === undefined || value === null) {
		return [];
	}

	if (!Array.isArray(value)) {
		return reader.fail(['tunnels'], `expected a list of tunnels (- provider: ngrok ...), got ${describeValue(value)}`);
	}

	return value.map((item, index) => readTunnel(reader, index, item));
}

function readTunnel(reader: FieldReader, index: number, value: unknown): Tunnel {
	const path = ['tunnels', index];
	const fields = reader.mapping(path, value, tunnelKeys);
	if (fields['provider'] === undefined) {
		reader.fail([...path, 'provider'], `missing; expected one of: ${providers.join(', ')}`);
	}

	const provider = reader.string([...path, 'provider'], fields['provider']);
	if (!(providers as readonly string[]).includes(provider)) {
		const hint = didYouMean(provider, providers) || `; expected one of: ${providers.join(', ')}`;
		reader.fail([...path, 'provider'], `unknown provider "${provider}"${hint}`);
	}

	if (fields['service'] === undefined) {
		reader.fail([...path, 'service'], 'missing; name the compose service that runs the tunnel agent');
	}

	const service = reader.string([...path, 'service'], fields['service']);
	const optional = (key: string, expected?: string) => (fields[key] === undefined ? undefined : reader.string([...path, key], fields[key], expected));
	const api = optional('api', 'an http:// or https:// URL');
	if (api !== undefined && !/^https?:\/\/[^/\s]+/.test(api)) {
		reader.fail([...path, 'api'], `"${api}" is not an http:// or https:// URL`);
	}

	const pattern = optional('pattern', 'a regular expression');
	if (pattern === undefined && provider === 'log') {
		reader.fail([...path, 'pattern'], "missing; provider log needs a regular expression that matches the URL in the service's log");
	}

	// Invalid for both engines is an error; valid JavaScript that RE2 cannot run is a warning of `check`.
	try {
		if (pattern !== undefined && userPatternProblem(pattern) !== undefined) new RegExp(pattern);
	} catch (error) {
		reader.fail([...path, 'pattern'], `not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
	}

	return {
		provider: provider as TunnelProvider,
		service,
		api: api ?? (provider === 'ngrok' ? defaultNgrokApi : undefined),
		pattern,
		upstream: optional('upstream'),
	};
}

/** The `links:` mapping: service → URL or connection string. */
export function readLinks(reader: FieldReader, value: unknown): Record<string, string> {
	if (value === undefined || value === null) {
		return {};
	}

	const links = reader.anyMapping(['links'], value);
	return Object.fromEntries(Object.entries(links).map(([service, link]) => [service, reader.string(['links', service], link, 'a string (a URL or connection string)')]));
}
