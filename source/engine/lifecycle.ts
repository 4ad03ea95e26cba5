import type Docker from 'dockerode';
import {isAbortError} from './abort.js';

export type LifecycleAction = 'start' | 'stop' | 'restart' | 'kill';

export type LifecycleOptions = {
	/** Seconds the engine waits after the stop signal before it kills (stop and restart). */
	readonly graceSeconds?: number;
	/** Signal for kill; the engine's default is SIGKILL. */
	readonly signal?: string;
	/** Aborts the request (the engine may still carry out what it was asked). */
	readonly abortSignal?: AbortSignal | undefined;
};

export type LifecycleResult = {
	readonly id: string;
	readonly action: LifecycleAction;
	readonly isOk: boolean;
	/** The request was aborted before the engine answered. */
	readonly isAborted?: boolean;
	/** One line for the status bar when it failed. */
	readonly error?: string;
};

/** Runs one lifecycle action on one container. "Already started/stopped" counts as success. */
export async function runLifecycle(
	docker: Docker,
	id: string,
	action: LifecycleAction,
	options: LifecycleOptions = {},
): Promise<LifecycleResult> {
	const container = docker.getContainer(id);
	const abort = options.abortSignal === undefined ? {} : {abortSignal: options.abortSignal};
	try {
		switch (action) {
			case 'start': {
				await container.start(abort);
				break;
			}

			case 'stop': {
				await container.stop({...graceOf(options), ...abort});
				break;
			}

			case 'restart': {
				// Always with its grace period: Podman's restart without `t` kills at once (Docker's waits StopTimeout or 10 s).
				const graceSeconds = options.graceSeconds ?? (await stopTimeoutOf(container));
				await container.restart({t: graceSeconds, ...abort});
				break;
			}

			case 'kill': {
				await container.kill({...(options.signal === undefined ? {} : {signal: options.signal}), ...abort});
				break;
			}
		}

		return {id, action, isOk: true};
	} catch (error) {
		if (options.abortSignal?.aborted || isAbortError(error)) {
			return {id, action, isOk: false, isAborted: true, error: `${action} ${id.slice(0, 12)}: aborted`};
		}

		const {statusCode, json, message} = error as {statusCode?: number; json?: {message?: string}; message?: string};
		const text = json?.message ?? message ?? String(error);
		if (statusCode === 304 || (action === 'kill' && statusCode === 409 && text.includes('is not running'))) {
			return {id, action, isOk: true};
		}

		return {id, action, isOk: false, error: `${action} ${id.slice(0, 12)}: ${text}`};
	}
}

function graceOf(options: LifecycleOptions): {t?: number} {
	return options.graceSeconds === undefined ? {} : {t: options.graceSeconds};
}

/** The container's own stop grace period (compose stop_grace_period), else the engines' default of 10 s. */
async function stopTimeoutOf(container: Docker.Container): Promise<number> {
	const inspect = await container.inspect();
	const configured = (inspect.Config as {StopTimeout?: number | null}).StopTimeout;
	return typeof configured === 'number' && configured >= 0 ? configured : 10;
}
