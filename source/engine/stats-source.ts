import type Docker from 'dockerode';
import type {EngineCapabilities} from './capabilities.js';
import {CgroupStatsPool} from './cgroup-stats.js';
import {StatsPool} from './stats.js';
import type {StatsSample} from './types.js';

/**
 * Where per-container CPU and memory come from. `api`: one engine stats stream per running container
 * (works everywhere; costs the engine CPU per stream). `cgroup`: the container's cgroup files read
 * here once per refresh (a local Linux engine only; the engine does no work). `auto`: cgroup where
 * the engine allows it, the API otherwise, and the API for any container whose files cannot be read.
 */
export type StatsReader = 'auto' | 'cgroup' | 'api';

export const statsReaders: readonly StatsReader[] = ['auto', 'cgroup', 'api'];

/** A source of samples for the running containers it is told about. */
export type ContainerStatsSource = {
	/** Follows the given running containers, and stops following all others. */
	sync(runningIds: Iterable<string>): void;
	/** Ids being followed. */
	readonly openIds: string[];
	/** Ids followed through engine stats streams (the API reader, or the cgroup reader's fallback). */
	readonly apiIds: string[];
	/** The engine's capabilities, once known: which stats stream the API reader opens. */
	use(capabilities: EngineCapabilities): void;
	close(): void;
};

/** What an engine allows the stats reader to do; an engine-capability layer fills this in. */
export type StatsCapabilities = {
	/** The engine's containers' cgroup files are on this machine and readable (local Docker on Linux). */
	readonly canReadCgroups: boolean;
};

export type StatsSourceOptions = {
	readonly reader?: StatsReader;
	readonly capabilities?: StatsCapabilities;
	/** For the API reader (Docker's or Podman's stream), when known at construction. */
	readonly apiCapabilities?: EngineCapabilities | undefined;
	/** How often the cgroup reader reads (the profile's refresh); the API streams come about once a second. */
	readonly intervalMs?: number;
	/** The cgroup mount root and /proc, for tests. */
	readonly cgroupRoot?: string;
	readonly procRoot?: string;
};

/** Cgroup reads are possible when the engine is a local Docker daemon on Linux (not Podman, not remote). */
export function statsCapabilities(engine: {readonly address: string; readonly isPodman: boolean}, platform: NodeJS.Platform = process.platform): StatsCapabilities {
	return {canReadCgroups: platform === 'linux' && engine.address.startsWith('unix://') && !engine.isPodman};
}

/** The stats source for a reader choice: `cgroup` and `auto` fall back to the API where files cannot be read. */
export function createStatsSource(docker: Docker, onSample: (id: string, sample: StatsSample) => void, options: StatsSourceOptions = {}): ContainerStatsSource {
	const reader = options.reader ?? 'auto';
	const canReadCgroups = options.capabilities?.canReadCgroups ?? false;
	const api = new StatsPool(docker, onSample, options.apiCapabilities);
	if (reader === 'api' || (reader === 'auto' && !canReadCgroups)) return api;
	return new CgroupStatsPool(onSample, {
		fallback: api,
		intervalMs: options.intervalMs ?? 1000,
		cgroupRoot: options.cgroupRoot ?? '/sys/fs/cgroup',
		procRoot: options.procRoot ?? '/proc',
	});
}
