import {serveMetrics, type MetricsServer} from './metrics-server.js';
import type {ListenAddress} from './listen-address.js';
import {stackMetrics, type MetricsInput} from './stack-metrics.js';

export {parseListenAddress, formatListenAddress, type ListenAddress} from './listen-address.js';
export {MetricsListenError, type MetricsServer} from './metrics-server.js';
export {stackMetrics, type MetricsInput} from './stack-metrics.js';

/**
 * `--metrics HOST:PORT` for the dashboard and the soak: serves the session's current view
 * (read at scrape time, nothing kept for it) until `signal` aborts.
 */
export async function serveStackMetrics(address: ListenAddress, view: () => MetricsInput, signal: AbortSignal): Promise<MetricsServer> {
	return serveMetrics({address, read: () => stackMetrics(view()), signal});
}
