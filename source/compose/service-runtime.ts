import {stringValues, type FieldReader} from './field-reader.js';
import {isMapping} from './path.js';

/** The container settings of a service beyond image, command, ports, volumes and networks; compose names. */
export type ServiceRuntime = {
	readonly capAdd: readonly string[];
	readonly capDrop: readonly string[];
	readonly hostname: string | undefined;
	readonly domainname: string | undefined;
	readonly isReadOnly: boolean;
	readonly isPrivileged: boolean;
	readonly hasInit: boolean | undefined;
	/** Container path → mount options ("size=64m"), from `tmpfs:`. */
	readonly tmpfs: Readonly<Record<string, string>>;
	readonly ulimits: ReadonlyArray<{readonly name: string; readonly soft: number; readonly hard: number}>;
	readonly sysctls: Readonly<Record<string, string>>;
	readonly securityOpt: readonly string[];
	readonly devices: ReadonlyArray<{readonly host: string; readonly container: string; readonly permissions: string}>;
	readonly dns: readonly string[];
	readonly dnsSearch: readonly string[];
	readonly dnsOptions: readonly string[];
	readonly groupAdd: readonly string[];
	readonly expose: readonly string[];
	/** ipc, pid, uts, userns_mode, cgroup, cgroup_parent, runtime, isolation, platform, mac_address. */
	readonly modes: Readonly<Partial<Record<'ipc' | 'pid' | 'uts' | 'userns' | 'cgroup' | 'cgroupParent' | 'runtime' | 'isolation' | 'platform' | 'macAddress', string>>>;
	/** Numbers the engine takes as they are (bytes, shares, microseconds, counts). */
	readonly limits: Readonly<Partial<Record<'shmSize' | 'memoryReservation' | 'memorySwap' | 'memorySwappiness' | 'oomScoreAdj' | 'pidsLimit' | 'cpuShares' | 'cpuQuota' | 'cpuPeriod' | 'cpuRealtimePeriod' | 'cpuRealtimeRuntime' | 'blkioWeight', number>>>;
	readonly cpuset: string | undefined;
	readonly isOomKillDisabled: boolean | undefined;
	readonly storageOpt: Readonly<Record<string, string>>;
	readonly logging: {readonly driver: string | undefined; readonly options: Readonly<Record<string, string>>} | undefined;
	/** links as "service:alias" (alias = service when not given); external_links as written. */
	readonly links: ReadonlyArray<{readonly service: string; readonly alias: string}>;
	readonly externalLinks: readonly string[];
	/** volumes_from as written: "service[:ro|rw]" or "container:NAME[:ro|rw]". */
	readonly volumesFrom: readonly string[];
};

const strings = (reader: FieldReader, key: string): string[] => {
	const value = reader.value([key]);
	return typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : [];
};

/** Reads a service's runtime settings; bad values are ConfigErrors at their file:line:col. */
export function readRuntime(reader: FieldReader): ServiceRuntime {
	const string = (key: string) => reader.string([key]);
	const modes = {
		ipc: string('ipc'), pid: string('pid'), uts: string('uts'), userns: string('userns_mode'), cgroup: string('cgroup'), cgroupParent: string('cgroup_parent'),
		runtime: string('runtime'), isolation: string('isolation'), platform: string('platform'), macAddress: string('mac_address'),
	};
	const limits = {
		shmSize: reader.sizeBytes(['shm_size']),
		memoryReservation: reader.sizeBytes(['deploy', 'resources', 'reservations', 'memory']) ?? reader.sizeBytes(['mem_reservation']),
		memorySwap: memorySwap(reader),
		memorySwappiness: integer(reader, 'mem_swappiness'),
		oomScoreAdj: integer(reader, 'oom_score_adj'),
		pidsLimit: integer(reader, 'pids_limit') ?? reader.count(['deploy', 'resources', 'limits', 'pids']),
		cpuShares: integer(reader, 'cpu_shares'),
		cpuQuota: integer(reader, 'cpu_quota'),
		cpuPeriod: integer(reader, 'cpu_period'),
		cpuRealtimePeriod: integer(reader, 'cpu_rt_period'),
		cpuRealtimeRuntime: integer(reader, 'cpu_rt_runtime'),
		blkioWeight: reader.count(['blkio_config', 'weight']),
	};
	return {
		capAdd: strings(reader, 'cap_add'),
		capDrop: strings(reader, 'cap_drop'),
		hostname: string('hostname'),
		domainname: string('domainname'),
		isReadOnly: reader.boolean(['read_only']) ?? false,
		isPrivileged: reader.boolean(['privileged']) ?? false,
		hasInit: reader.boolean(['init']),
		tmpfs: Object.fromEntries(strings(reader, 'tmpfs').map(entry => [entry.split(':')[0] ?? entry, entry.split(':').slice(1).join(':')])),
		ulimits: ulimits(reader),
		sysctls: stringValues(reader.value(['sysctls']), () => ''),
		securityOpt: strings(reader, 'security_opt'),
		devices: devices(reader),
		dns: strings(reader, 'dns'),
		dnsSearch: strings(reader, 'dns_search'),
		dnsOptions: strings(reader, 'dns_opt'),
		groupAdd: strings(reader, 'group_add'),
		expose: strings(reader, 'expose'),
		modes: Object.fromEntries(Object.entries(modes).filter(([, value]) => value !== undefined)),
		limits: Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined)),
		cpuset: string('cpuset'),
		isOomKillDisabled: reader.boolean(['oom_kill_disable']),
		storageOpt: stringValues(reader.value(['storage_opt']), () => ''),
		logging: reader.value(['logging']) === undefined ? undefined : {driver: reader.string(['logging', 'driver']), options: stringValues(reader.value(['logging', 'options']), () => '')},
		links: strings(reader, 'links').map(link => ({service: link.split(':')[0] ?? link, alias: link.split(':')[1] ?? link.split(':')[0] ?? link})),
		externalLinks: strings(reader, 'external_links'),
		volumesFrom: strings(reader, 'volumes_from'),
	};
}

function integer(reader: FieldReader, key: string): number | undefined {
	const value = reader.value([key]);
	if (value === undefined || value === null) {
		return undefined;
	}

	return /^-?\d+$/.test(String(value).trim()) ? Number(value) : reader.fail([key], `${JSON.stringify(value)} is not a whole number`);
}

/** memswap_limit: a size, or -1 for unlimited swap. */
function memorySwap(reader: FieldReader): number | undefined {
	const value = reader.value(['memswap_limit']);
	return value === -1 || value === '-1' ? -1 : reader.sizeBytes(['memswap_limit']);
}

function ulimits(reader: FieldReader): ServiceRuntime['ulimits'] {
	const value = reader.value(['ulimits']);
	return Object.entries(isMapping(value) ? value : {}).map(([name, limit]) => {
		if (isMapping(limit)) {
			const soft = reader.count(['ulimits', name, 'soft']) ?? 0;
			return {name, soft, hard: reader.count(['ulimits', name, 'hard']) ?? soft};
		}

		const single = reader.count(['ulimits', name]) ?? 0;
		return {name, soft: single, hard: single};
	});
}

function devices(reader: FieldReader): ServiceRuntime['devices'] {
	const value = reader.value(['devices']);
	return (Array.isArray(value) ? value : []).map((entry: unknown, index) => {
		if (isMapping(entry)) {
			return {host: String(entry['source']), container: String(entry['target'] ?? entry['source']), permissions: String(entry['permissions'] ?? 'rwm')};
		}

		const [host = '', container, permissions] = String(entry).split(':');
		if (host === '') {
			reader.fail(['devices', index], 'expected HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]]');
		}

		return {host, container: container ?? host, permissions: permissions ?? 'rwm'};
	});
}
