import {once} from 'node:events';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {contentTypes, formatExposition, type MetricFamily, negotiateFormat} from './exposition.js';
import {formatListenAddress, type ListenAddress} from './listen-address.js';

export type MetricsServerOptions = {
	readonly address: ListenAddress;
	/** Called once per scrape: the current state as metric families. Nothing runs between scrapes. */
	readonly read: () => readonly MetricFamily[];
	/** Aborting closes the listener and every open connection. */
	readonly signal: AbortSignal;
};

export type MetricsServer = {
	/** The bound address (the real port when 0 was asked for). */
	readonly address: ListenAddress;
	/** Settles once the server has closed after the signal aborted. */
	readonly closed: Promise<void>;
};

/** Thrown when the address cannot be bound; its message is one line for the user. */
export class MetricsListenError extends Error {
	override readonly name = 'MetricsListenError';
}

/**
 * Serves `GET /metrics` on exactly the given address: OpenMetrics text by default, Prometheus
 * 0.0.4 text when the Accept header prefers text/plain. Resolves once listening.
 */
export async function serveMetrics(options: MetricsServerOptions): Promise<MetricsServer> {
	const server = createServer((request, response) => {
		respond(request, response, options.read);
	});
	server.keepAliveTimeout = 65_000; // Longer than a typical scrape interval: one connection per scraper.
	const close = () => {
		server.close();
		server.closeAllConnections();
	};

	options.signal.throwIfAborted();
	server.listen({host: options.address.host, port: options.address.port, exclusive: true});
	try {
		await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
	} catch (error) {
		close();
		const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		throw new MetricsListenError(`--metrics: cannot listen on ${formatListenAddress(options.address)}: ${describeListenError(code)}`);
	}

	options.signal.addEventListener('abort', close, {once: true});
	const closed = once(server, 'close').then(() => undefined);
	const bound = server.address() as AddressInfo;
	return {address: {host: options.address.host, port: bound.port}, closed};
}

function respond(request: IncomingMessage, response: ServerResponse, read: () => readonly MetricFamily[]): void {
	const path = (request.url ?? '/').split('?')[0];
	if (path !== '/metrics') {
		response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'}).end('Not found: metrics are at /metrics\n');
		return;
	}

	if (request.method !== 'GET' && request.method !== 'HEAD') {
		response.writeHead(405, {allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8'}).end('Method not allowed\n');
		return;
	}

	const format = negotiateFormat(request.headers.accept);
	let body: string;
	try {
		body = formatExposition(read(), format);
	} catch (error) {
		response.writeHead(500, {'content-type': 'text/plain; charset=utf-8'}).end(`${(error as Error).message}\n`);
		return;
	}

	response.writeHead(200, {'content-type': contentTypes[format], 'content-length': Buffer.byteLength(body)});
	response.end(request.method === 'HEAD' ? undefined : body);
}

function describeListenError(code: string): string {
	switch (code) {
		case 'EADDRINUSE': {
			return 'the address is in use';
		}

		case 'EADDRNOTAVAIL': {
			return 'no interface of this machine has that address';
		}

		case 'EACCES': {
			return 'permission denied (ports below 1024 need privileges)';
		}

		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return 'the host name does not resolve';
		}

		default: {
			return code;
		}
	}
}
