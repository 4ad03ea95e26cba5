/** Compose labels, as docker compose and docker-compose set them. */
export const projectLabel = 'com.docker.compose.project';
export const serviceLabel = 'com.docker.compose.service';
export const numberLabel = 'com.docker.compose.container-number';
export const oneoffLabel = 'com.docker.compose.oneoff';

export type ContainerState =
	| 'created'
	| 'running'
	| 'paused'
	| 'restarting'
	| 'removing'
	| 'exited'
	| 'dead'
	| 'removed';

/** `none` when the image has no HEALTHCHECK. */
export type Health = 'none' | 'starting' | 'healthy' | 'unhealthy';

/** What the engine layer knows about one container, from list, inspect and events. */
export type ContainerInfo = {
	readonly id: string;
	readonly name: string;
	readonly service: string;
	readonly project: string;
	/** Replica number of a scaled service (com.docker.compose.container-number), 1 when absent. */
	readonly number: number;
	readonly image: string;
	readonly state: ContainerState;
	readonly health: Health;
	/** ISO time; undefined when the container never started. */
	readonly startedAt: string | undefined;
	readonly finishedAt: string | undefined;
	readonly exitCode: number | undefined;
	/** Restarts done by the engine's restart policy (inspect RestartCount). */
	readonly restartCount: number;
	readonly isOomKilled: boolean;
	/** CPU limit as `docker stats` counts CPU (100 = one core), from --cpus or a CPU quota; absent without one. */
	readonly cpuLimitPercent?: number;
	/** Memory limit in bytes; absent without one. */
	readonly memoryLimitBytes?: number;
	/** Failed health checks of the current run before its first success (from inspect's Health.Log); absent when unknown. */
	readonly healthFailures?: number;
	/** Published ports, e.g. `127.0.0.1:8080→80/tcp`; absent when unknown. */
	readonly ports?: readonly string[];
	readonly labels: Readonly<Record<string, string>>;
};

/** One stats sample, computed as docker/cli computes `docker stats`. */
export type StatsSample = {
	/** ISO time the engine read the sample. */
	readonly read: string;
	/** undefined on the first sample of a stream (no previous CPU reading yet). */
	readonly cpuPercent: number | undefined;
	/** Usage minus inactive file cache, as `docker stats` shows it. */
	readonly memoryBytes: number;
	/** 0 when the engine reports no limit. */
	readonly memoryLimitBytes: number;
	readonly memoryPercent: number;
	readonly networkRxBytes: number;
	readonly networkTxBytes: number;
	readonly blockReadBytes: number;
	readonly blockWriteBytes: number;
	readonly pids: number;
};

/** A container event as the engine reports it, reduced to what the model needs. */
export type EngineEvent = {
	readonly id: string;
	/** create, start, die, stop, kill, restart, destroy, oom, pause, unpause, health_status */
	readonly action: string;
	/** For health_status: the new health. */
	readonly health: Health | undefined;
	readonly exitCode: number | undefined;
	/** For kill: the signal number sent (15 for `docker stop`, 9 for `docker kill`). */
	readonly signal?: number | undefined;
	readonly service: string | undefined;
	readonly project: string | undefined;
	/** Nanoseconds since the epoch, as the engine stamped it. */
	readonly timeNano: bigint;
};

/** One log line of a container, without its line break. */
export type LogLine = {
	readonly containerId: string;
	readonly stream: 'stdout' | 'stderr';
	/** RFC 3339 time with nanoseconds, as the engine stamped it. */
	readonly time: string;
	readonly text: string;
};
