import type Docker from 'dockerode';
import type {StatsSample} from './types.js';

/** One container's entry in a line of GET /libpod/containers/stats (Podman's define.ContainerStats). */
export type LibpodStats = {
	readonly ContainerID?: string;
	/** Cgroup CPU time in ns, and the wall clock in ns when it was read: `podman stats` takes CPU % from their deltas. */
	readonly CPUNano?: number;
	readonly SystemNano?: number;
	readonly MemUsage?: number;
	readonly MemLimit?: number;
	readonly NetInput?: number;
	readonly NetOutput?: number;
	readonly BlockInput?: number;
	readonly BlockOutput?: number;
	readonly PIDs?: number;
};

export type LibpodStatsLine = {readonly Error?: unknown; readonly Stats?: readonly LibpodStats[] | null};

/**
 * One libpod stats entry → the sample `podman stats` shows for it: CPU % is the CPU time used
 * since the previous reading over the wall time between them (100 % = one core), as Podman's
 * calculateCPUPercent; undefined on a stream's first reading. Memory is Podman's MemUsage.
 */
export function toLibpodSample(current: LibpodStats, previous: LibpodStats | undefined): StatsSample {
	const memoryBytes = current.MemUsage ?? 0;
	const memoryLimitBytes = current.MemLimit ?? 0;
	const systemNano = current.SystemNano ?? 0;
	return {
		read: systemNano === 0 ? '' : new Date(systemNano / 1e6).toISOString(),
		cpuPercent: cpuPercentBetween(current, previous),
		memoryBytes,
		memoryLimitBytes,
		memoryPercent: memoryLimitBytes === 0 ? 0 : (memoryBytes / memoryLimitBytes) * 100,
		networkRxBytes: current.NetInput ?? 0,
		networkTxBytes: current.NetOutput ?? 0,
		blockReadBytes: current.BlockInput ?? 0,
		blockWriteBytes: current.BlockOutput ?? 0,
		pids: current.PIDs ?? 0,
	};
}

function cpuPercentBetween(current: LibpodStats, previous: LibpodStats | undefined): number | undefined {
	if (previous?.SystemNano === undefined || previous.CPUNano === undefined) return undefined;
	const cpuDelta = (current.CPUNano ?? 0) - previous.CPUNano;
	const systemDelta = (current.SystemNano ?? 0) - previous.SystemNano;
	return systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * 100 : 0;
}

/** Turns a stream's lines into samples, remembering the previous reading for the CPU delta. */
export class LibpodSampler {
	#previous: LibpodStats | undefined;

	/** undefined for a line that carries an error or no entry (the container stopped meanwhile). */
	push(line: LibpodStatsLine): StatsSample | undefined {
		const current = line.Stats?.[0];
		if (current === undefined || (line.Error !== null && line.Error !== undefined)) return undefined;
		const sample = toLibpodSample(current, this.#previous);
		this.#previous = current;
		return sample;
	}
}

/** Opens Podman's own stats stream for one container, one reading a second. */
export async function openLibpodStats(docker: Docker, id: string, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
	return new Promise((resolve, reject) => {
		docker.modem.dial(
			{
				// The query goes in options: docker-modem cuts a path's last character when it has a `?` and no options.
				path: '/v4.0.0/libpod/containers/stats?',
				options: {containers: [id], stream: true, interval: 1},
				method: 'GET',
				isStream: true,
				statusCodes: {200: true, 404: 'no such container', 409: 'no stats', 500: 'server error'},
				abortSignal: signal,
			} as never,
			(error: unknown, stream: unknown) => (error ? reject(error as Error) : resolve(stream as NodeJS.ReadableStream)),
		);
	});
}
