import type Docker from 'dockerode';
import type {ComposeProject, ComposeService, PortMapping, VolumeMount} from '../compose/types.js';
import {fileMounts, linksOf, runtimeHostConfig} from './create-runtime.js';

/** A network the container joins after create, before start (the engine takes only one at create). */
export type ExtraNetwork = {readonly name: string; readonly aliases: readonly string[]};

/** Everything needed to create one container of a service; its JSON is what the config hash covers. */
export type ContainerSpec = {
	readonly options: Docker.ContainerCreateOptions;
	readonly extraNetworks: readonly ExtraNetwork[];
};

export type SpecContext = {
	readonly project: ComposeProject;
	/** Image reference to run: the service's image, or the tag its build produced. */
	readonly image: string;
	readonly containerName: string;
	/** Container id of a service, for `network_mode: service:NAME`. */
	readonly containerIdOf?: (service: string) => string | undefined;
};

/**
 * The engine's create options for one container of a compose service, without the compose
 * labels (the caller adds them, since the config hash is computed over this spec).
 * Named volumes, tmpfs and anonymous volumes become Mounts; bind mounts stay Binds so a
 * missing host directory is created, as docker-compose does.
 */
export function containerSpec(service: ComposeService, context: SpecContext): ContainerSpec {
	const {project} = context;
	const ports = service.ports.map(port => ({key: portKey(port), port}));
	const binds = service.volumes.filter(mount => mount.type === 'bind').map(bindOf);
	const mounts = [...service.volumes.filter(mount => mount.type !== 'bind').map(mount => mountOf(mount, project)), ...fileMounts(service, project)];
	const [first, ...others] = networksOf(service, project);
	const links = linksOf(service, context.containerIdOf);
	const exposed = [...new Set([...ports.map(({key}) => key), ...service.runtime.expose.map(entry => (entry.includes('/') ? entry : `${entry}/tcp`))])];
	const networkMode = networkModeOf(service.networkMode, context) ?? first?.name;
	const hostConfig: Docker.HostConfig = {
		...runtimeHostConfig(service, context.containerIdOf),
		...(networkMode === undefined ? {} : {NetworkMode: networkMode}),
		...(binds.length > 0 ? {Binds: binds} : {}),
		...(mounts.length > 0 ? {Mounts: mounts} : {}),
		...(ports.length > 0 ? {PortBindings: portBindings(ports)} : {}),
		...(service.restart === undefined ? {} : {RestartPolicy: restartPolicy(service.restart)}),
		...(service.cpus === undefined ? {} : {NanoCpus: Math.round(service.cpus * 1e9)}),
		...(service.memoryBytes === undefined ? {} : {Memory: service.memoryBytes}),
		...(service.extraHosts.length > 0 ? {ExtraHosts: [...service.extraHosts]} : {}),
	};
	const options: Docker.ContainerCreateOptions = {
		name: context.containerName,
		Image: context.image,
		...(service.command === undefined ? {} : {Cmd: [...service.command]}),
		...(service.entrypoint === undefined ? {} : {Entrypoint: [...service.entrypoint]}),
		Env: Object.entries(service.environment)
			.sort(([left], [right]) => left.localeCompare(right))
			.map(([key, value]) => `${key}=${value}`),
		...(exposed.length > 0 ? {ExposedPorts: Object.fromEntries(exposed.map(key => [key, {}]))} : {}),
		...(service.runtime.hostname === undefined ? {} : {Hostname: service.runtime.hostname}),
		...(service.runtime.domainname === undefined ? {} : {Domainname: service.runtime.domainname}),
		...(service.runtime.modes.macAddress === undefined ? {} : {MacAddress: service.runtime.modes.macAddress}),
		...(service.healthcheck === undefined ? {} : {Healthcheck: healthConfig(service.healthcheck)}),
		...(service.stopGracePeriodMs === undefined ? {} : {StopTimeout: Math.ceil(service.stopGracePeriodMs / 1000)}),
		...(service.stopSignal === undefined ? {} : {StopSignal: service.stopSignal}),
		Labels: {...service.labels},
		...(service.workingDir === undefined ? {} : {WorkingDir: service.workingDir}),
		...(service.user === undefined ? {} : {User: service.user}),
		Tty: service.isTty,
		OpenStdin: service.isStdinOpen,
		HostConfig: hostConfig,
		...(first === undefined || service.networkMode !== undefined
			? {}
			: {NetworkingConfig: {EndpointsConfig: {[first.name]: {Aliases: [...first.aliases], ...(links.length > 0 ? {Links: links} : {})}}}}),
	};
	return {options, extraNetworks: service.networkMode === undefined ? others : []};
}

/** The service's networks as engine names, each with the service name as its first alias. */
export function networksOf(service: ComposeService, project: ComposeProject): ExtraNetwork[] {
	if (service.networkMode !== undefined) {
		return [];
	}

	const entries = Object.entries(service.networks);
	const chosen = entries.length > 0 ? entries : project.networks['default'] === undefined ? [] : [['default', {aliases: []}] as const];
	return chosen.map(([key, {aliases}]) => ({
		name: project.networks[key]?.name ?? `${project.name}_${key}`,
		aliases: [...new Set([service.name, ...aliases])],
	}));
}

/** `service:NAME` needs the container id of that service; the other modes pass through. */
function networkModeOf(mode: string | undefined, context: SpecContext): string | undefined {
	if (mode === undefined || !mode.startsWith('service:')) {
		return mode;
	}

	const target = mode.slice('service:'.length);
	const id = context.containerIdOf?.(target);
	if (id === undefined) {
		throw new Error(`network_mode ${mode}: service ${target} has no container`);
	}

	return `container:${id}`;
}

function portKey(port: PortMapping): string {
	return `${port.containerPort}/${port.protocol}`;
}

function portBindings(ports: ReadonlyArray<{key: string; port: PortMapping}>): Record<string, Array<{HostIp: string; HostPort: string}>> {
	const bindings: Record<string, Array<{HostIp: string; HostPort: string}>> = {};
	for (const {key, port} of ports) {
		(bindings[key] ??= []).push({HostIp: port.hostIp ?? '', HostPort: port.hostPort === undefined ? '' : String(port.hostPort)});
	}

	return bindings;
}

function bindOf(mount: VolumeMount): string {
	return `${mount.source ?? ''}:${mount.target}:${mount.isReadOnly ? 'ro' : 'rw'}`;
}

function mountOf(mount: VolumeMount, project: ComposeProject): Docker.MountSettings {
	if (mount.type === 'tmpfs') {
		return {Type: 'tmpfs', Source: '', Target: mount.target, ReadOnly: mount.isReadOnly};
	}

	const source = mount.source === undefined ? '' : (project.volumes[mount.source]?.name ?? `${project.name}_${mount.source}`);
	return {Type: 'volume', Source: source, Target: mount.target, ReadOnly: mount.isReadOnly};
}

/** Compose's restart values as the engine's policy: "on-failure:3" → {on-failure, 3}. */
export function restartPolicy(value: string): Docker.HostRestartPolicy {
	const [name = 'no', count] = value.split(':');
	return name === 'on-failure' && count !== undefined
		? {Name: name, MaximumRetryCount: Number.parseInt(count, 10) || 0}
		: {Name: name === 'no' ? '' : name};
}

function healthConfig(healthcheck: NonNullable<ComposeService['healthcheck']>): Docker.HealthConfig {
	// An empty test keeps the image's HEALTHCHECK command with the file's timings.
	return {
		...(healthcheck.test.length === 0 ? {} : {Test: [...healthcheck.test]}),
		...(healthcheck.intervalNs === undefined ? {} : {Interval: healthcheck.intervalNs}),
		...(healthcheck.timeoutNs === undefined ? {} : {Timeout: healthcheck.timeoutNs}),
		...(healthcheck.retries === undefined ? {} : {Retries: healthcheck.retries}),
		...(healthcheck.startPeriodNs === undefined ? {} : {StartPeriod: healthcheck.startPeriodNs}),
	};
}

/** Creates the container, joins its other networks, and returns its id (not started). */
export async function createContainer(docker: Docker, spec: ContainerSpec, signal?: AbortSignal): Promise<string> {
	const abort = signal === undefined ? {} : {abortSignal: signal};
	const container = await docker.createContainer({...spec.options, ...abort});
	try {
		for (const network of spec.extraNetworks) {
			await docker.getNetwork(network.name).connect({Container: container.id, EndpointConfig: {Aliases: [...network.aliases]}, ...abort});
		}
	} catch (error) {
		await container.remove({force: true}).catch(() => undefined);
		throw error;
	}

	return container.id;
}

/** Force-removes a container (a running one is killed: stop it first to honour its grace period); gone is fine. */
export async function removeContainer(docker: Docker, id: string, removeVolumes = false): Promise<void> {
	try {
		await docker.getContainer(id).remove({force: true, v: removeVolumes});
	} catch (error) {
		if ((error as {statusCode?: number}).statusCode !== 404) {
			throw error;
		}
	}
}

/** Whether the created container reports health: its own or the image's HEALTHCHECK, not NONE. */
export async function hasHealthcheck(docker: Docker, id: string): Promise<boolean> {
	const inspect = await docker.getContainer(id).inspect();
	const test = inspect.Config.Healthcheck?.Test ?? [];
	return test.length > 0 && test[0] !== 'NONE';
}

/** The last healthcheck output of a container, first line, for an "unhealthy" reason. */
export async function lastHealthOutput(docker: Docker, id: string): Promise<string | undefined> {
	try {
		const inspect = await docker.getContainer(id).inspect();
		const log = (inspect.State.Health as {Log?: Array<{Output?: string}>} | undefined)?.Log ?? [];
		const output = log.at(-1)?.Output?.trim().split('\n')[0];
		return output === '' ? undefined : output;
	} catch {
		return undefined;
	}
}
