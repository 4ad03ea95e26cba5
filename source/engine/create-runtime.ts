import type Docker from 'dockerode';
import type {ComposeProject, ComposeService} from '../compose/types.js';

/** Container id of another service of the project (links, volumes_from, ipc/pid service:NAME). */
export type ContainerIdOf = (service: string) => string | undefined;

/** The services whose containers a service's create options name: they must exist first. */
export function referencedServices(service: ComposeService): string[] {
	const {runtime, networkMode} = service;
	const namespaces = [networkMode, runtime.modes.ipc, runtime.modes.pid, runtime.modes.uts, runtime.modes.cgroup].filter(mode => mode?.startsWith('service:')).map(mode => mode!.slice('service:'.length));
	const volumesFrom = runtime.volumesFrom.filter(entry => !entry.startsWith('container:')).map(entry => entry.split(':')[0] ?? entry);
	return [...new Set([...namespaces, ...runtime.links.map(link => link.service), ...volumesFrom])];
}

/** `service:NAME` as `container:ID`; other modes as written. */
export function modeOf(mode: string | undefined, containerIdOf: ContainerIdOf | undefined): string | undefined {
	if (mode === undefined || !mode.startsWith('service:')) {
		return mode;
	}

	const target = mode.slice('service:'.length);
	const id = containerIdOf?.(target);
	if (id === undefined) {
		throw new Error(`${mode}: service ${target} has no container`);
	}

	return `container:${id}`;
}

/** The engine's HostConfig for a service's runtime settings, as docker compose v2 fills it. */
export function runtimeHostConfig(service: ComposeService, containerIdOf: ContainerIdOf | undefined): Docker.HostConfig {
	const {runtime} = service;
	const {modes, limits} = runtime;
	const idOf = (target: string) => containerIdOf?.(target) ?? `${target} (no container)`;
	// On a user-defined network links are endpoint settings (see linksOf); here only with network_mode.
	const links = service.networkMode === undefined ? [] : linksOf(service, containerIdOf);
	const volumesFrom = runtime.volumesFrom.map(entry => {
		if (entry.startsWith('container:')) {
			return entry.slice('container:'.length);
		}

		const [name = entry, mode] = entry.split(':');
		return mode === undefined ? idOf(name) : `${idOf(name)}:${mode}`;
	});
	const host: Docker.HostConfig & Record<string, unknown> = {
		CapAdd: list(runtime.capAdd.map(capability => normalizeCapability(capability))),
		CapDrop: list(runtime.capDrop.map(capability => normalizeCapability(capability))),
		ReadonlyRootfs: runtime.isReadOnly || undefined,
		Privileged: runtime.isPrivileged || undefined,
		Init: runtime.hasInit,
		Tmpfs: Object.keys(runtime.tmpfs).length > 0 ? {...runtime.tmpfs} : undefined,
		Ulimits: runtime.ulimits.length > 0 ? runtime.ulimits.map(limit => ({Name: limit.name, Soft: limit.soft, Hard: limit.hard})) : undefined,
		Sysctls: Object.keys(runtime.sysctls).length > 0 ? {...runtime.sysctls} : undefined,
		SecurityOpt: list(runtime.securityOpt),
		Devices: runtime.devices.length > 0 ? runtime.devices.map(device => ({PathOnHost: device.host, PathInContainer: device.container, CgroupPermissions: device.permissions})) : undefined,
		Dns: list(runtime.dns),
		DnsSearch: list(runtime.dnsSearch),
		DnsOptions: list(runtime.dnsOptions),
		GroupAdd: list(runtime.groupAdd),
		IpcMode: modeOf(modes.ipc, containerIdOf),
		PidMode: modeOf(modes.pid, containerIdOf),
		UTSMode: modeOf(modes.uts, containerIdOf),
		UsernsMode: modes.userns,
		CgroupnsMode: modes.cgroup,
		CgroupParent: modes.cgroupParent,
		Runtime: modes.runtime,
		Isolation: modes.isolation,
		ShmSize: limits.shmSize,
		MemoryReservation: limits.memoryReservation,
		MemorySwap: limits.memorySwap,
		MemorySwappiness: limits.memorySwappiness,
		OomScoreAdj: limits.oomScoreAdj,
		PidsLimit: limits.pidsLimit,
		CpuShares: limits.cpuShares,
		CpuQuota: limits.cpuQuota,
		CpuPeriod: limits.cpuPeriod,
		CpuRealtimePeriod: limits.cpuRealtimePeriod,
		CpuRealtimeRuntime: limits.cpuRealtimeRuntime,
		BlkioWeight: limits.blkioWeight,
		CpusetCpus: runtime.cpuset,
		OomKillDisable: runtime.isOomKillDisabled,
		StorageOpt: Object.keys(runtime.storageOpt).length > 0 ? {...runtime.storageOpt} : undefined,
		LogConfig: runtime.logging === undefined ? undefined : {Type: runtime.logging.driver ?? '', Config: {...runtime.logging.options}},
		Links: list(links),
		VolumesFrom: list(volumesFrom),
	};
	return Object.fromEntries(Object.entries(host).filter(([, value]) => value !== undefined));
}

/** links and external_links as the engine takes them: "container:alias". */
export function linksOf(service: ComposeService, containerIdOf: ContainerIdOf | undefined): string[] {
	return [
		...service.runtime.links.map(link => `${containerIdOf?.(link.service) ?? link.service}:${link.alias}`),
		...service.runtime.externalLinks.map(link => (link.includes(':') ? link : `${link}:${link}`)),
	];
}

/** Mounts of the secrets and configs read from a file: read-only binds, as compose makes them. */
export function fileMounts(service: ComposeService, project: ComposeProject): Docker.MountSettings[] {
	return (['secrets', 'configs'] as const).flatMap(section =>
		service[section].flatMap(mount => {
			const source = project[section][mount.source]?.source;
			return source?.kind === 'file' ? [{Type: 'bind' as const, Source: source.path, Target: mount.target, ReadOnly: true}] : [];
		}),
	);
}

/** As the Docker client sends capabilities (API 1.40+): upper case with the CAP_ prefix; ALL as it is. */
export function normalizeCapability(capability: string): string {
	const upper = capability.toUpperCase();
	return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
}

function list(values: readonly string[]): string[] | undefined {
	return values.length > 0 ? [...values] : undefined;
}
