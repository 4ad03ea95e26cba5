import type Docker from 'dockerode';
import {toNanoseconds} from '../../engine/log-lines.js';
import {followLogs} from '../../engine/logs.js';
import type {ContainerInfo, LogLine} from '../../engine/types.js';
import type {StackState} from '../model.js';
import type {LogSource} from './log-watch.js';
import type {ServiceRun} from './types.js';

/** The service's newest container: a running one first, then the latest started. */
function newestContainer(state: StackState, service: string): ContainerInfo | undefined {
	const containers = [...state.containers.values()].filter(container => container.service === service);
	const newestFirst = (left: ContainerInfo, right: ContainerInfo) => Number(startOf(right) - startOf(left));
	return containers.filter(container => container.state === 'running').sort(newestFirst)[0] ?? containers.sort(newestFirst)[0];
}

function startOf(container: ContainerInfo): bigint {
	return container.startedAt === undefined ? 0n : toNanoseconds(container.startedAt);
}

/** The tunnel service's current run in the stack model; undefined when it has no container. */
export function serviceRunOf(state: StackState, service: string): ServiceRun | undefined {
	const container = newestContainer(state, service);
	if (container === undefined) {
		return undefined;
	}

	const {finishedAt} = container;
	// While running, FinishedAt is the previous run's end: the current run's lines come after it.
	const logsAfter = finishedAt !== undefined && toNanoseconds(finishedAt) < startOf(container) ? finishedAt : undefined;
	return {isRunning: container.state === 'running', startedAt: container.startedAt, containerId: container.id, ...(logsAfter === undefined ? {} : {logsAfter})};
}

/**
 * A log source for watchTunnel: follows the service's newest container (its whole log,
 * streamed, so the URL line printed at start is found however old) across restarts;
 * ends when that container is removed, and watchTunnel then opens the next one.
 */
export function followServiceLogs(docker: Docker, getState: () => StackState, service: string): LogSource {
	return async function* (signal: AbortSignal): AsyncGenerator<LogLine> {
		const container = newestContainer(getState(), service);
		if (container !== undefined) {
			yield* followLogs(docker, container.id, {signal});
		}
	};
}
