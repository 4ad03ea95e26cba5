import si from 'systeminformation';
import {sleep} from '../engine/backoff.js';

/** The machine's own load, for the header. */
export type HostStats = {
	readonly cpuPercent: number | undefined;
	readonly memoryUsedBytes: number | undefined;
	readonly memoryTotalBytes: number | undefined;
	/** Fullest real file system (docker's overlay mounts left out). */
	readonly diskUsedBytes: number | undefined;
	readonly diskTotalBytes: number | undefined;
	readonly diskMount: string | undefined;
};

export const emptyHostStats: HostStats = {
	cpuPercent: undefined,
	memoryUsedBytes: undefined,
	memoryTotalBytes: undefined,
	diskUsedBytes: undefined,
	diskTotalBytes: undefined,
	diskMount: undefined,
};

const ignoredTypes = new Set(['overlay', 'tmpfs', 'devtmpfs', 'squashfs', 'shm', 'nsfs', 'proc', 'sysfs']);

/**
 * Polls CPU and memory every `intervalMs` (about 6 ms of CPU a call) and disk every
 * `diskIntervalMs`, since `fsSize` spawns `df`. Stops when the signal aborts.
 */
export async function watchHostStats(
	onStats: (stats: HostStats) => void,
	{signal, intervalMs = 2000, diskIntervalMs = 30_000}: {signal: AbortSignal; intervalMs?: number; diskIntervalMs?: number},
): Promise<void> {
	let stats = emptyHostStats;
	let diskReadAt = Number.NEGATIVE_INFINITY;
	while (!signal.aborted) {
		try {
			const [load, memory] = await Promise.all([si.currentLoad(), si.mem()]);
			stats = {...stats, cpuPercent: load.currentLoad, memoryUsedBytes: memory.active, memoryTotalBytes: memory.total};
			if (Date.now() - diskReadAt >= diskIntervalMs) {
				diskReadAt = Date.now();
				stats = {...stats, ...fullestDisk(await si.fsSize())};
			}

			if (!signal.aborted) {
				onStats(stats);
			}
		} catch {
			// The header shows "-" for what could not be read.
		}

		await sleep(intervalMs, signal);
	}
}

function fullestDisk(disks: si.Systeminformation.FsSizeData[]): Partial<HostStats> {
	const real = disks.filter(disk => !ignoredTypes.has(disk.type) && !disk.mount.startsWith('/var/lib/docker') && disk.size > 0);
	const fullest = real.sort((left, right) => right.use - left.use)[0];
	return fullest === undefined ? {} : {diskUsedBytes: fullest.used, diskTotalBytes: fullest.size, diskMount: fullest.mount};
}

/** Free memory and disk for the host budgets. */
export function hostReading(host: HostStats): {memoryFreeBytes: number | undefined; diskFreeBytes: number | undefined} {
	const free = (total: number | undefined, used: number | undefined) => (total === undefined || used === undefined ? undefined : total - used);
	return {memoryFreeBytes: free(host.memoryTotalBytes, host.memoryUsedBytes), diskFreeBytes: free(host.diskTotalBytes, host.diskUsedBytes)};
}
