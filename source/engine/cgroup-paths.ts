import {existsSync} from 'node:fs';
import path from 'node:path';

/** The files one container's numbers come from, for one cgroup version. */
export type CgroupFiles = {
	readonly version: 1 | 2;
	/** v1 cpuacct.usage (ns); v2 cpu.stat (usage_usec). */
	readonly cpu: string;
	/** v1 memory.usage_in_bytes; v2 memory.current. */
	readonly memoryUsage: string;
	readonly memoryStat: string;
	/** v1 memory.limit_in_bytes; v2 memory.max. */
	readonly memoryLimit: string;
	readonly pids: string;
	/** v1 blkio.throttle.io_service_bytes_recursive; v2 io.stat. */
	readonly blockIo: string;
	/** Lists the container's processes: one of them leads to its network namespace. */
	readonly processes: string;
};

/** v2 mounts one unified hierarchy whose root has cgroup.controllers; v1 has a directory per controller. */
export function cgroupVersionOf(root: string): 1 | 2 {
	return existsSync(path.join(root, 'cgroup.controllers')) ? 2 : 1;
}

/**
 * Where the engine puts a container's cgroup: cgroupfs driver `docker/<id>`, systemd driver
 * `system.slice/docker-<id>.scope` (moby's defaults for both cgroup versions).
 */
export function cgroupCandidates(id: string, root: string, version: 1 | 2): CgroupFiles[] {
	return [`docker/${id}`, `system.slice/docker-${id}.scope`].map(relative => filesAt(root, relative, version));
}

/** The files of a cgroup at `relative` under the mount root. */
export function filesAt(root: string, relative: string, version: 1 | 2): CgroupFiles {
	if (version === 2) {
		const directory = path.join(root, relative);
		return {
			version,
			cpu: path.join(directory, 'cpu.stat'),
			memoryUsage: path.join(directory, 'memory.current'),
			memoryStat: path.join(directory, 'memory.stat'),
			memoryLimit: path.join(directory, 'memory.max'),
			pids: path.join(directory, 'pids.current'),
			blockIo: path.join(directory, 'io.stat'),
			processes: path.join(directory, 'cgroup.procs'),
		};
	}

	const in1 = (controller: string, file: string) => path.join(root, controller, relative, file);
	return {
		version,
		cpu: in1('cpuacct', 'cpuacct.usage'),
		memoryUsage: in1('memory', 'memory.usage_in_bytes'),
		memoryStat: in1('memory', 'memory.stat'),
		memoryLimit: in1('memory', 'memory.limit_in_bytes'),
		pids: in1('pids', 'pids.current'),
		blockIo: in1('blkio', 'blkio.throttle.io_service_bytes_recursive'),
		processes: in1('memory', 'cgroup.procs'),
	};
}

/** The first candidate whose CPU and memory files exist; undefined when none is readable here. */
export function findCgroupFiles(id: string, root: string, version: 1 | 2 = cgroupVersionOf(root)): CgroupFiles | undefined {
	return cgroupCandidates(id, root, version).find(files => existsSync(files.cpu) && existsSync(files.memoryStat));
}
