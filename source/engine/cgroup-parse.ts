/**
 * Pure parsers for the cgroup and /proc files that the engine itself reads for GET /containers/{id}/stats
 * (moby's daemon/stats and containerd's cgroups packages), so a sample read from the files is the number
 * `docker stats` shows. Formats: the kernel's cgroup-v1 (memory.txt, cpuacct.txt, blkio-controller.txt)
 * and cgroup-v2 (cgroup-v2.rst) documentation, and proc(5) for /proc/stat and /proc/meminfo.
 */

/** The engine's clock-tick rate for /proc/stat: a constant 100 on Linux (moby hard-codes it too). */
const clockTicksPerSecond = 100;
const nanosecondsPerTick = 1e9 / clockTicksPerSecond;

/** The host's CPU time as the engine reports `system_cpu_usage`, and its online CPU count. */
export type SystemCpu = {readonly systemNanoseconds: number; readonly onlineCpus: number};

/**
 * /proc/stat: the first seven fields of the `cpu` line (user … softirq, not steal or guest) in ns, as
 * moby's getSystemCPUUsage sums them; online CPUs = the `cpuN` lines (moby ≥ 23; 20.10 asks
 * sched_getaffinity, which is the same count unless the daemon is pinned).
 */
export function parseProcStat(text: string): SystemCpu | undefined {
	let systemNanoseconds: number | undefined;
	let onlineCpus = 0;
	for (const line of text.split('\n')) {
		if (!line.startsWith('cpu')) break;
		if (line.charAt(3) === ' ') {
			const fields = line.split(/\s+/).slice(1, 8).map(Number);
			if (fields.length < 7 || fields.some(field => !Number.isFinite(field))) return undefined;
			systemNanoseconds = fields.reduce((sum, field) => sum + field, 0) * nanosecondsPerTick;
		} else {
			onlineCpus++;
		}
	}

	return systemNanoseconds === undefined ? undefined : {systemNanoseconds, onlineCpus};
}

/** One `key value` line of a flat-keyed file (memory.stat, cpu.stat, /proc/meminfo); undefined when absent. */
export function readKey(text: string, key: string): number | undefined {
	let at = text.startsWith(key + ' ') || text.startsWith(key + ':') ? 0 : -1;
	if (at < 0) {
		for (const separator of [' ', ':']) {
			const found = text.indexOf('\n' + key + separator);
			if (found >= 0) {
				at = found + 1;
				break;
			}
		}
	}

	if (at < 0) return undefined;
	const end = text.indexOf('\n', at);
	const value = Number.parseInt(text.slice(at + key.length + 1, end < 0 ? undefined : end).trim(), 10);
	return Number.isFinite(value) ? value : undefined;
}

/** /proc/meminfo MemTotal in bytes: the engine's `machineMemory`, the limit shown for unlimited containers. */
export function parseMemoryTotal(text: string): number | undefined {
	const kibibytes = readKey(text, 'MemTotal');
	return kibibytes === undefined ? undefined : kibibytes * 1024;
}

/** A single-number file (cpuacct.usage, memory.current, pids.current); `max` and unreadable text → undefined. */
export function parseNumber(text: string): number | undefined {
	const value = Number.parseInt(text.trim(), 10);
	return Number.isFinite(value) ? value : undefined;
}

/** Block I/O bytes read and written, summed over devices. */
export type BlockBytes = {readonly read: number; readonly write: number};

/**
 * cgroup v1 blkio.throttle.io_service_bytes_recursive (`8:0 Read 4096` lines, then `Total N`): docker/cli
 * adds entries whose op starts with r or w, case-insensitively, as here.
 */
export function parseBlkioV1(text: string): BlockBytes {
	let read = 0;
	let write = 0;
	for (const line of text.split('\n')) {
		const [device, op, value] = line.split(' ');
		if (device === undefined || op === undefined || value === undefined) continue;
		const letter = op.charAt(0).toLowerCase();
		if (letter === 'r') read += Number(value) || 0;
		if (letter === 'w') write += Number(value) || 0;
	}

	return {read, write};
}

/** cgroup v2 io.stat (`8:0 rbytes=… wbytes=… rios=…` per device): the engine maps rbytes to read, wbytes to write. */
export function parseIoStatV2(text: string): BlockBytes {
	let read = 0;
	let write = 0;
	for (const match of text.matchAll(/\b([rw])bytes=(\d+)/g)) {
		if (match[1] === 'r') read += Number(match[2]);
		else write += Number(match[2]);
	}

	return {read, write};
}

/** /proc/PID/net/dev of a container's process: received and sent bytes of every interface but lo. */
export function parseNetDev(text: string): {readonly rx: number; readonly tx: number} {
	let rx = 0;
	let tx = 0;
	for (const line of text.split('\n').slice(2)) {
		const colon = line.indexOf(':');
		if (colon < 0 || line.slice(0, colon).trim() === 'lo') continue;
		const fields = line.slice(colon + 1).trim().split(/\s+/);
		rx += Number(fields[0]) || 0;
		tx += Number(fields[8]) || 0;
	}

	return {rx, tx};
}
