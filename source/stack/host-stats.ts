import {readFile, statfs} from 'node:fs/promises';
import {sleep} from '../engine/backoff.js';
import {parseMemoryTotal, readKey} from '../engine/cgroup-parse.js';

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

const ignoredTypes = new Set(['overlay', 'tmpfs', 'devtmpfs', 'squashfs', 'shm', 'nsfs', 'proc', 'sysfs', 'cgroup', 'cgroup2', 'devpts', 'mqueue', 'debugfs', 'tracefs', 'securityfs', 'pstore', 'bpf', 'autofs', 'fusectl', 'configfs', 'binfmt_misc', 'hugetlbfs', 'rpc_pipefs', 'nfsd']);

/** CPU time counters of /proc/stat's cpu line: busy and total, in ticks. */
export type CpuTimes = {readonly busy: number; readonly total: number};

/** /proc/stat → busy (everything but idle and iowait) and total ticks. */
export function parseCpuTimes(text: string): CpuTimes | undefined {
	const line = text.slice(0, text.indexOf('\n'));
	if (!line.startsWith('cpu ')) return undefined;
	const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1).map(Number);
	const busy = user + nice + system + irq + softirq + steal;
	return {busy, total: busy + idle + iowait};
}

/** Memory in use as `free` counts it: MemTotal − MemAvailable. */
export function parseMemoryUse(text: string): {usedBytes: number; totalBytes: number} | undefined {
	const total = parseMemoryTotal(text);
	const available = readKey(text, 'MemAvailable');
	return total === undefined || available === undefined ? undefined : {usedBytes: total - available * 1024, totalBytes: total};
}

/** Real file systems of /proc/mounts (device, mount point, type), docker's own mounts left out. */
export function realMounts(text: string): string[] {
	const mounts = new Set<string>();
	for (const line of text.split('\n')) {
		const [, mount, type] = line.split(' ');
		if (mount === undefined || type === undefined || ignoredTypes.has(type) || mount.startsWith('/var/lib/docker') || mount.startsWith('/run/docker')) continue;
		mounts.add(mount.replaceAll('\\040', ' '));
	}

	return [...mounts];
}

/**
 * Reads CPU and memory from /proc every `intervalMs` and disk (statfs of each real mount) every
 * `diskIntervalMs`: a few file reads, no child process, nothing synchronous. Stops when the signal aborts.
 */
export async function watchHostStats(
	onStats: (stats: HostStats) => void,
	{signal, intervalMs = 2000, diskIntervalMs = 30_000, procRoot = '/proc'}: {signal: AbortSignal; intervalMs?: number; diskIntervalMs?: number; procRoot?: string},
): Promise<void> {
	let stats = emptyHostStats;
	let diskReadAt = Number.NEGATIVE_INFINITY;
	let previous: CpuTimes | undefined;
	while (!signal.aborted) {
		try {
			const [statText, memoryText] = await Promise.all([readFile(`${procRoot}/stat`, 'latin1'), readFile(`${procRoot}/meminfo`, 'latin1')]);
			const times = parseCpuTimes(statText);
			const memory = parseMemoryUse(memoryText);
			const cpuPercent = times === undefined || previous === undefined || times.total <= previous.total ? undefined : ((times.busy - previous.busy) / (times.total - previous.total)) * 100;
			previous = times;
			stats = {...stats, cpuPercent, memoryUsedBytes: memory?.usedBytes, memoryTotalBytes: memory?.totalBytes};
			if (Date.now() - diskReadAt >= diskIntervalMs) {
				diskReadAt = Date.now();
				stats = {...stats, ...(await fullestDisk(`${procRoot}/mounts`))};
			}

			if (!signal.aborted) {
				onStats(stats);
			}
		} catch {
			// The header shows "-" for what could not be read.
		}

		await sleep(previous === undefined ? 200 : intervalMs, signal);
	}
}

async function fullestDisk(mountsFile: string): Promise<Partial<HostStats>> {
	let fullest: {used: number; total: number; mount: string} | undefined;
	for (const mount of realMounts(await readFile(mountsFile, 'latin1'))) {
		try {
			const disk = await statfs(mount);
			const total = disk.blocks * disk.bsize;
			const used = total - disk.bfree * disk.bsize;
			if (total > 0 && (fullest === undefined || used / total > fullest.used / fullest.total)) fullest = {used, total, mount};
		} catch {
			// Unreadable mount (permissions, stale network mount): left out.
		}
	}

	return fullest === undefined ? {} : {diskUsedBytes: fullest.used, diskTotalBytes: fullest.total, diskMount: fullest.mount};
}

/** Free memory and disk for the host budgets. */
export function hostReading(host: HostStats): {memoryFreeBytes: number | undefined; diskFreeBytes: number | undefined} {
	const free = (total: number | undefined, used: number | undefined) => (total === undefined || used === undefined ? undefined : total - used);
	return {memoryFreeBytes: free(host.memoryTotalBytes, host.memoryUsedBytes), diskFreeBytes: free(host.diskTotalBytes, host.diskUsedBytes)};
}
