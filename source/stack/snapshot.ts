import {groupServices} from '../engine/services.js';
import type {ContainerState, Health} from '../engine/types.js';
import {restartCountOf} from './incidents.js';
import type {StackState} from './model.js';

/** One container of the stack as `stacktui status` reports it. */
export type ServiceStatus = {
	readonly service: string;
	readonly container: string;
	readonly id: string;
	readonly replica: number;
	readonly image: string;
	readonly state: ContainerState;
	readonly health: Health;
	/** null until two samples were read (CPU % needs a previous reading) or when not running. */
	readonly cpuPercent: number | null;
	readonly memoryBytes: number | null;
	readonly memoryLimitBytes: number | null;
	readonly memoryPercent: number | null;
	readonly networkRxBytes: number | null;
	readonly networkTxBytes: number | null;
	readonly blockReadBytes: number | null;
	readonly blockWriteBytes: number | null;
	readonly pids: number | null;
	/** Every restart: the engine's policy restarts plus the (re)starts seen while watching. */
	readonly restarts: number;
	/** Of the last exit; kept while the engine restarts the container. */
	readonly exitCode: number | null;
	/** The last exit was an OOM kill of the main process. */
	readonly isOomKilled: boolean;
	/** A process of the current run was killed by the OOM killer while the container ran on. */
	readonly hasOomKill: boolean;
	/** ISO time of the current run's start; null when never started. */
	readonly startedAt: string | null;
	/** Seconds since start while running; null otherwise. */
	readonly uptimeSeconds: number | null;
};

/** The stack's containers grouped by service, in service order, as plain values. */
export function toServiceStatuses(state: StackState, now: number): ServiceStatus[] {
	return groupServices(state.containers.values()).flatMap(group =>
		group.containers.map(container => {
			const sample = state.stats.get(container.id);
			const isRunning = container.state === 'running';
			const started = container.startedAt === undefined ? Number.NaN : Date.parse(container.startedAt);
			return {
				service: group.service,
				container: container.name,
				id: container.id,
				replica: container.number,
				image: container.image,
				state: container.state,
				health: container.health,
				cpuPercent: sample?.cpuPercent ?? null,
				memoryBytes: sample?.memoryBytes ?? null,
				memoryLimitBytes: sample?.memoryLimitBytes ?? null,
				memoryPercent: sample?.memoryPercent ?? null,
				networkRxBytes: sample?.networkRxBytes ?? null,
				networkTxBytes: sample?.networkTxBytes ?? null,
				blockReadBytes: sample?.blockReadBytes ?? null,
				blockWriteBytes: sample?.blockWriteBytes ?? null,
				pids: sample?.pids ?? null,
				restarts: restartCountOf(state.lifecycle, container),
				exitCode: container.exitCode ?? null,
				isOomKilled: container.isOomKilled,
				hasOomKill: container.state === 'running' && state.lifecycle.runs.get(container.id)?.hasOomKill === true,
				startedAt: container.startedAt ?? null,
				uptimeSeconds: isRunning && Number.isFinite(started) ? Math.max(0, Math.floor((now - started) / 1000)) : null,
			};
		}),
	);
}

/** A row's state: a container's, or `missing` for a compose service with no container yet. */
export type RowState = ContainerState | 'missing';

/** One row of the dashboard: a container's status, or a stand-in for a service without one. Never in `status --json`. */
export type RowStatus = Omit<ServiceStatus, 'state'> & {readonly state: RowState};

const missingPrefix = 'missing:';

/** The row of a compose service that has no container: `missing`, no numbers, health `-`. */
export function missingServiceStatus(service: string): RowStatus {
	return {
		service,
		container: '',
		id: `${missingPrefix}${service}`,
		replica: 1,
		image: '',
		state: 'missing',
		health: 'none',
		cpuPercent: null,
		memoryBytes: null,
		memoryLimitBytes: null,
		memoryPercent: null,
		networkRxBytes: null,
		networkTxBytes: null,
		blockReadBytes: null,
		blockWriteBytes: null,
		pids: null,
		restarts: 0,
		exitCode: null,
		isOomKilled: false,
		hasOomKill: false,
		startedAt: null,
		uptimeSeconds: null,
	};
}

/** The service a missing row's id stands for; undefined for a container id. */
export function missingServiceOf(id: string | undefined): string | undefined {
	return id?.startsWith(missingPrefix) ? id.slice(missingPrefix.length) : undefined;
}

/**
 * The containers' statuses plus one `missing` row for each of `serviceNames` (the profile's
 * active compose services) without a container, all in service order, replicas in order.
 */
export function withMissingServices(statuses: readonly ServiceStatus[], serviceNames: readonly string[]): RowStatus[] {
	const present = new Set(statuses.map(status => status.service));
	const missing = [...new Set(serviceNames)].filter(service => !present.has(service)).map(missingServiceStatus);
	// Stable: a service's replicas keep their order.
	return [...statuses, ...missing].sort((left, right) => left.service.localeCompare(right.service));
}

/** True when every running container has a sample with CPU %, so a snapshot shows real numbers. */
export function hasFullSamples(state: StackState): boolean {
	return [...state.containers.values()]
		.filter(container => container.state === 'running')
		.every(container => state.stats.get(container.id)?.cpuPercent !== undefined);
}
