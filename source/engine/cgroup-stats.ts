import path from 'node:path';
import type {EngineCapabilities} from './capabilities.js';
import {parseMemoryTotal, parseNetDev, parseProcStat} from './cgroup-parse.js';
import {type CgroupFiles, cgroupVersionOf, findCgroupFiles} from './cgroup-paths.js';
import {type CgroupReading, cgroupSample, parseCgroupTexts} from './cgroup-sample.js';
import {KernelFiles} from './file-reader.js';
import type {ContainerStatsSource} from './stats-source.js';
import type {StatsSample} from './types.js';

type Followed = {
	files: CgroupFiles | undefined;
	previous: CgroupReading | undefined;
	/** A process of the container, whose /proc entry leads to its network namespace. */
	pid: string | undefined;
	/** No cgroup files were found: the fallback follows it. */
	isViaApi: boolean;
};

type Options = {
	readonly fallback: ContainerStatsSource;
	readonly intervalMs: number;
	readonly cgroupRoot: string;
	readonly procRoot: string;
};

/** Limit, pids and block I/O change rarely and cost more to parse: read them every this many reads. */
const slowEvery = 5;

/**
 * Reads every followed container's cgroup files once per interval, with one /proc/stat read for all,
 * so the engine serves no stats stream. A container whose files are not found is handed to the
 * fallback (the API reader); one whose files vanish (stopped, restarted) is looked up again.
 */
export class CgroupStatsPool implements ContainerStatsSource {
	readonly #followed = new Map<string, Followed>();
	readonly #files = new KernelFiles();
	readonly #version: 1 | 2;
	#timer: NodeJS.Timeout | undefined;
	#reads = 0;
	#machineMemory = 0;
	#hostNetworkNamespace: string | undefined;

	constructor(
		private readonly onSample: (id: string, sample: StatsSample) => void,
		private readonly options: Options,
	) {
		this.#version = cgroupVersionOf(options.cgroupRoot);
		this.#machineMemory = parseMemoryTotal(this.#files.tryRead(path.join(options.procRoot, 'meminfo')) ?? '') ?? 0;
		this.#hostNetworkNamespace = this.#files.link(path.join(options.procRoot, 'self/ns/net'));
	}

	get openIds(): string[] {
		return [...this.#followed.keys()];
	}

	get apiIds(): string[] {
		return this.options.fallback.apiIds;
	}

	sync(runningIds: Iterable<string>): void {
		const wanted = new Set(runningIds);
		for (const [id, followed] of this.#followed) {
			if (!wanted.has(id)) {
				this.#forget(followed);
				this.#followed.delete(id);
			}
		}

		for (const id of wanted) {
			if (this.#followed.has(id)) continue;
			const files = findCgroupFiles(id, this.options.cgroupRoot, this.#version);
			this.#followed.set(id, {files, previous: undefined, pid: undefined, isViaApi: files === undefined});
		}

		this.options.fallback.sync([...this.#followed].filter(([, followed]) => followed.isViaApi).map(([id]) => id));
		if (this.#followed.size > 0 && this.#timer === undefined) {
			// The first read right away (no CPU % yet, as the first API sample), then on the interval.
			this.#timer = setTimeout(() => this.#readAll(), 0);
		}
	}

	use(capabilities: EngineCapabilities): void {
		this.options.fallback.use(capabilities);
	}

	close(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#followed.clear();
		this.options.fallback.close();
		this.#files.closeAll();
	}

	#readAll(): void {
		this.#timer = undefined;
		const system = parseProcStat(this.#files.tryRead(path.join(this.options.procRoot, 'stat')) ?? '');
		const isSlowRead = this.#reads % slowEvery === 0;
		this.#reads++;
		const read = new Date().toISOString();
		for (const [id, followed] of this.#followed) {
			if (followed.isViaApi || system === undefined) continue;
			const reading = this.#read(id, followed, system, isSlowRead || followed.previous === undefined);
			if (reading === undefined) continue;
			const sample = cgroupSample(followed.previous, reading, this.#machineMemory, read);
			followed.previous = reading;
			this.onSample(id, sample);
		}

		if (this.#followed.size > 0) this.#timer = setTimeout(() => this.#readAll(), this.options.intervalMs);
	}

	#read(id: string, followed: Followed, system: NonNullable<ReturnType<typeof parseProcStat>>, isSlowRead: boolean): CgroupReading | undefined {
		followed.files ??= findCgroupFiles(id, this.options.cgroupRoot, this.#version);
		const files = followed.files;
		if (files === undefined) return undefined;
		try {
			const read = (file: string) => this.#files.read(file);
			const texts = {
				version: files.version,
				cpu: read(files.cpu),
				memoryUsage: read(files.memoryUsage),
				memoryStat: read(files.memoryStat),
				memoryLimit: isSlowRead ? read(files.memoryLimit) : undefined,
				pids: isSlowRead ? this.#files.tryRead(files.pids) : undefined,
				blockIo: isSlowRead ? this.#files.tryRead(files.blockIo) : undefined,
			};
			const network = isSlowRead ? this.#network(followed) : (followed.previous?.network ?? {rx: 0, tx: 0});
			return parseCgroupTexts(texts, system, network, followed.previous);
		} catch {
			// Stopped or restarted: its cgroup is gone or new. Look it up again on the next read.
			this.#forget(followed);
			followed.files = undefined;
			// A restarted container's counters start again from 0: its first new reading has no CPU %.
			followed.previous = undefined;
			return undefined;
		}
	}

	/** Bytes through the container's own network namespace; 0 for host networking, as the engine reports. */
	#network(followed: Followed): CgroupReading['network'] {
		for (let attempt = 0; attempt < 2; attempt++) {
			followed.pid ??= this.#files.tryRead(followed.files?.processes ?? '')?.split('\n')[0]?.trim() || undefined;
			if (followed.pid === undefined) return {rx: 0, tx: 0};
			const namespace = this.#files.link(path.join(this.options.procRoot, followed.pid, 'ns/net'));
			const text = namespace === undefined ? undefined : this.#files.tryRead(path.join(this.options.procRoot, followed.pid, 'net/dev'));
			if (text !== undefined && namespace !== undefined) return namespace === this.#hostNetworkNamespace ? {rx: 0, tx: 0} : parseNetDev(text);
			followed.pid = undefined;
		}

		return {rx: 0, tx: 0};
	}

	#forget(followed: Followed): void {
		if (followed.files !== undefined) {
			for (const file of [followed.files.cpu, followed.files.memoryUsage, followed.files.memoryStat, followed.files.memoryLimit, followed.files.pids, followed.files.blockIo]) {
				this.#files.close(file);
			}
		}

		if (followed.pid !== undefined) this.#files.close(path.join(this.options.procRoot, followed.pid, 'net/dev'));
	}
}
