import {type ListenAddress, MetricsListenError, type MetricsInput, type MetricsServer, parseListenAddress, serveStackMetrics} from '../metrics/index.js';
import {initialBudgetState} from '../stack/budgets.js';
import {initialState} from '../stack/model.js';
import {UsageError} from './usage-error.js';

/** The --metrics flag as an address, or a one-line usage error (checked before anything starts). */
export function metricsFlag(text: string): ListenAddress {
	const address = parseListenAddress(text);
	if (typeof address === 'string') throw new UsageError(address);
	return address;
}

/** Starts the metrics endpoint for the dashboard or a soak; a bind failure is a one-line usage error. */
export async function listenForMetrics(address: ListenAddress, view: () => MetricsInput, signal: AbortSignal): Promise<MetricsServer> {
	try {
		return await serveStackMetrics(address, view, signal);
	} catch (error) {
		throw error instanceof MetricsListenError ? new UsageError(error.message) : error;
	}
}

/**
 * For a command whose session starts after the address must be bound (the soak): binds now, so
 * an address in use fails before anything runs; serves an empty stack until `attach` gives the view.
 */
export async function listenBeforeSession(address: ListenAddress, project: string, signal: AbortSignal): Promise<MetricsServer & {attach(view: () => MetricsInput): void}> {
	const startedAt = Date.now();
	let current: () => MetricsInput = () => ({state: initialState(project), budgets: initialBudgetState(), startedAt, now: Date.now()});
	const server = await listenForMetrics(address, () => current(), signal);
	return {
		...server,
		attach(view) {
			current = view;
		},
	};
}
