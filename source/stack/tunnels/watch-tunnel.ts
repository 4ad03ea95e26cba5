import {Backoff} from '../../engine/backoff.js';
import {defaultNgrokApi} from '../../profile/read-tunnels.js';
import type {Tunnel} from '../../profile/types.js';
import {compileUserPattern, type UserPattern, userPatternProblem} from '../../config/user-pattern.js';
import {quickTunnelAddress, quickTunnelPattern, readQuickTunnel} from './cloudflared.js';
import {fetchJson} from './fetch-json.js';
import {LogWatch, type LogSource} from './log-watch.js';
import {readNgrokTunnels} from './ngrok.js';
import {type ServiceRun, type TunnelReading, type TunnelStatus, isSameStatus, toTunnelStatus} from './types.js';
import {Wakeup} from './wakeup.js';

export type WatchTunnelOptions = {
	readonly signal: AbortSignal;
	/** Global fetch unless given. */
	readonly fetch?: typeof fetch;
	/** The service's log, for the log provider and cloudflared's fallback. */
	readonly logs?: LogSource;
	/** The service's current run; without it the service counts as running. undefined: no container. */
	readonly serviceRun?: () => ServiceRun | undefined;
	/** Between looks while all is well; 3 s unless given. */
	readonly intervalMs?: number;
	/** For one HTTP request; 2 s unless given. */
	readonly timeoutMs?: number;
	/** Longest wait between looks after failures; 15 s unless given. */
	readonly maxBackoffMs?: number;
};

type Look = {readonly reading: TunnelReading; readonly hasFailed: boolean};

/**
 * Yields the tunnel's status whenever it changes, until the signal aborts: the agent API
 * is polled every interval (backing off while it fails), the log is followed, and the
 * service's run is checked at each look, so a stopped service turns `waiting`.
 */
export async function* watchTunnel(tunnel: Tunnel, options: WatchTunnelOptions): AsyncGenerator<TunnelStatus> {
	const intervalMs = options.intervalMs ?? 3000;
	const maxBackoffMs = options.maxBackoffMs ?? 15_000;
	const controller = new AbortController();
	const signal = AbortSignal.any([options.signal, controller.signal]);
	const wakeup = new Wakeup();
	let pattern: UserPattern;
	try {
		pattern = compileUserPattern(tunnel.provider === 'log' ? (tunnel.pattern ?? '') : quickTunnelPattern);
	} catch (error) {
		// `check` warned: a lookaround or backreference, which the linear-time engine cannot run.
		yield toTunnelStatus(tunnel, {status: 'error', reason: `bad pattern: ${userPatternProblem(tunnel.pattern ?? '') ?? (error as Error).message}`});
		return;
	}

	const logWatch = tunnel.provider === 'ngrok' || options.logs === undefined ? undefined : new LogWatch(pattern, () => wakeup.notify());
	const logReading = logWatch === undefined || options.logs === undefined ? undefined : logWatch.run(options.logs, signal, Math.min(intervalMs, 1000), maxBackoffMs);
	const backoff = new Backoff(intervalMs, maxBackoffMs);
	let previous: TunnelStatus | undefined;
	let previousStart: string | undefined;
	try {
		while (!signal.aborted) {
			const run = options.serviceRun === undefined ? {isRunning: true, startedAt: undefined} : options.serviceRun();
			if (run?.startedAt !== previousStart) {
				backoff.reset(); // A new run: look again soon.
				previousStart = run?.startedAt;
			}

			const look = await lookAt(tunnel, run, logWatch, {...options, signal});
			if (signal.aborted) {
				return;
			}

			const status = toTunnelStatus(tunnel, look.reading);
			if (!isSameStatus(previous, status)) {
				previous = status;
				yield status;
			}

			if (!look.hasFailed) {
				backoff.reset();
			}

			await wakeup.wait(look.hasFailed ? backoff.next() : intervalMs, signal);
		}
	} finally {
		controller.abort();
		await logReading;
	}
}

async function lookAt(tunnel: Tunnel, run: ServiceRun | undefined, logWatch: LogWatch | undefined, options: WatchTunnelOptions): Promise<Look> {
	if (run === undefined || !run.isRunning) {
		const reason = run === undefined ? `${tunnel.service} has no container` : `${tunnel.service} is not running`;
		return {reading: {status: 'waiting', reason}, hasFailed: false};
	}

	const fetchOptions = {signal: options.signal, timeoutMs: options.timeoutMs ?? 2000, fetch: options.fetch};
	if (tunnel.provider === 'ngrok') {
		const answer = await fetchJson(tunnel.api ?? defaultNgrokApi, fetchOptions);
		const reading = answer.kind === 'json' ? readNgrokTunnels(answer.body, tunnel.upstream) : toWaitingOrError(answer.kind, answer.reason);
		return {reading, hasFailed: reading.status !== 'online'};
	}

	let apiReading: TunnelReading | undefined;
	if (tunnel.provider === 'cloudflared' && tunnel.api !== undefined) {
		const answer = await fetchJson(quickTunnelAddress(tunnel.api), fetchOptions);
		apiReading = answer.kind === 'json' ? readQuickTunnel(answer.body) : toWaitingOrError(answer.kind, answer.reason);
		if (apiReading.status === 'online') {
			return {reading: apiReading, hasFailed: false};
		}
	}

	const fromLog = logWatch?.urlOf(run); // After the request: a line may have come meanwhile.
	if (fromLog !== undefined) {
		return {reading: {status: 'online', publicUrl: fromLog}, hasFailed: false};
	}

	const hasFailed = apiReading !== undefined;
	if (apiReading?.status === 'error') {
		return {reading: apiReading, hasFailed};
	}

	if (logWatch === undefined) {
		return {reading: apiReading ?? {status: 'error', reason: `no log source for ${tunnel.service}`}, hasFailed};
	}

	if (logWatch.error !== undefined) {
		return {reading: {status: 'error', reason: logWatch.error}, hasFailed};
	}

	const wanted = tunnel.provider === 'log' ? `line matching /${tunnel.pattern ?? ''}/` : 'trycloudflare.com URL';
	return {reading: apiReading ?? {status: 'waiting', reason: `no ${wanted} in the log of ${tunnel.service} yet`}, hasFailed};
}

function toWaitingOrError(kind: 'refused' | 'failed', reason: string): TunnelReading {
	return {status: kind === 'refused' ? 'waiting' : 'error', reason};
}
