import {type BlockBytes, parseBlkioV1, parseIoStatV2, parseNumber, readKey, type SystemCpu} from './cgroup-parse.js';
import {type StatsPayload, toStatsSample} from './stats-math.js';
import type {StatsSample} from './types.js';

/** The raw text of one container's cgroup files at one moment (undefined: file not read this time). */
export type CgroupTexts = {
	readonly version: 1 | 2;
	readonly cpu: string;
	readonly memoryUsage: string;
	readonly memoryStat: string;
	readonly memoryLimit: string | undefined;
	readonly pids: string | undefined;
	readonly blockIo: string | undefined;
};

/** What one read of a container gives, in the engine's units. */
export type CgroupReading = {
	readonly cpuNanoseconds: number;
	readonly system: SystemCpu;
	readonly memoryUsage: number;
	readonly memoryStat: Readonly<Record<string, number>>;
	/** undefined: no limit set (v2 `max`), the machine's memory is shown as the engine does. */
	readonly memoryLimit: number | undefined;
	readonly pids: number;
	readonly block: BlockBytes;
	readonly network: {readonly rx: number; readonly tx: number};
};

/** Parses one read; undefined when the CPU or memory file does not hold a number (cgroup being torn down). */
export function parseCgroupTexts(
	texts: CgroupTexts,
	system: SystemCpu,
	network: CgroupReading['network'],
	carried: Pick<CgroupReading, 'memoryLimit' | 'pids' | 'block'> | undefined,
): CgroupReading | undefined {
	const cpuNanoseconds = texts.version === 1 ? parseNumber(texts.cpu) : microsecondsToNanoseconds(readKey(texts.cpu, 'usage_usec'));
	const memoryUsage = parseNumber(texts.memoryUsage);
	if (cpuNanoseconds === undefined || memoryUsage === undefined) return undefined;
	// v1 names the hierarchical counter total_inactive_file, v2 only has inactive_file: the rule in stats-math picks.
	const inactiveKey = texts.version === 1 ? 'total_inactive_file' : 'inactive_file';
	const inactive = readKey(texts.memoryStat, inactiveKey);
	return {
		cpuNanoseconds,
		system,
		memoryUsage,
		memoryStat: inactive === undefined ? {} : {[inactiveKey]: inactive},
		memoryLimit: texts.memoryLimit === undefined ? carried?.memoryLimit : parseNumber(texts.memoryLimit),
		pids: texts.pids === undefined ? (carried?.pids ?? 0) : (parseNumber(texts.pids) ?? 0),
		block: texts.blockIo === undefined ? (carried?.block ?? {read: 0, write: 0}) : texts.version === 1 ? parseBlkioV1(texts.blockIo) : parseIoStatV2(texts.blockIo),
		network,
	};
}

/**
 * The sample `docker stats` would show for this reading: the reading is put in the shape of the
 * engine's stats payload and goes through the same math as the API reader, so both agree by design.
 * The first reading has no previous one: no CPU % yet, like a stream's first sample.
 */
export function cgroupSample(previous: CgroupReading | undefined, current: CgroupReading, machineMemory: number, read: string): StatsSample {
	const limit = current.memoryLimit === undefined || current.memoryLimit > machineMemory ? machineMemory : current.memoryLimit;
	const payload: StatsPayload = {
		read,
		cpu_stats: {cpu_usage: {total_usage: current.cpuNanoseconds}, system_cpu_usage: current.system.systemNanoseconds, online_cpus: current.system.onlineCpus},
		precpu_stats:
			previous === undefined
				? {}
				: {cpu_usage: {total_usage: previous.cpuNanoseconds}, system_cpu_usage: previous.system.systemNanoseconds, online_cpus: previous.system.onlineCpus},
		memory_stats: {usage: current.memoryUsage, limit, stats: current.memoryStat},
		networks: {all: {rx_bytes: current.network.rx, tx_bytes: current.network.tx}},
		blkio_stats: {
			io_service_bytes_recursive: [
				{op: 'read', value: current.block.read},
				{op: 'write', value: current.block.write},
			],
		},
		pids_stats: {current: current.pids},
	};
	return toStatsSample(payload);
}

function microsecondsToNanoseconds(value: number | undefined): number | undefined {
	return value === undefined ? undefined : value * 1000;
}
