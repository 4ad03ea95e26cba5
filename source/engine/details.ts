import type Docker from 'dockerode';
import {isNotFound, publishedPorts, toHealth, toState} from './containers.js';
import {type ContainerState, type Health, numberLabel, projectLabel, serviceLabel} from './types.js';

/** One run of the healthcheck, as the engine keeps the last five. */
export type HealthCheckResult = {
	/** ISO time the check began. */
	readonly start: string;
	readonly exitCode: number;
	/** Trimmed, lines joined by spaces, at most `healthOutputLimit` characters; not yet sanitized. */
	readonly output: string;
};

export type NetworkAttachment = {
	readonly name: string;
	readonly ipAddress: string | undefined;
	readonly aliases: readonly string[];
};

export type MountInfo = {
	readonly type: string;
	/** Volume name, or the host path of a bind mount. */
	readonly source: string;
	readonly destination: string;
	readonly isReadOnly: boolean;
};

/** Limits set on the container; undefined where none. */
export type ContainerLimits = {
	readonly memoryBytes: number | undefined;
	/** CPUs, from NanoCpus or CpuQuota / CpuPeriod. */
	readonly cpus: number | undefined;
	readonly pids: number | undefined;
};

/**
 * What the details panel shows of one container. Strings are as the engine gave them: the
 * panel sanitizes and masks them before display.
 */
export type ContainerDetails = {
	readonly id: string;
	readonly name: string;
	readonly service: string;
	readonly image: {readonly name: string; readonly id: string};
	readonly command: readonly string[];
	readonly entrypoint: readonly string[];
	readonly state: ContainerState;
	readonly health: Health;
	/** ISO times; undefined when not applicable. */
	readonly createdAt: string | undefined;
	readonly startedAt: string | undefined;
	readonly finishedAt: string | undefined;
	readonly exitCode: number | undefined;
	readonly isOomKilled: boolean;
	readonly restartCount: number;
	/** `no`, `always`, `unless-stopped`, `on-failure:3`. */
	readonly restartPolicy: string;
	/** `127.0.0.1:8080→80/tcp` when published, `80/tcp` when only exposed. */
	readonly ports: readonly string[];
	readonly networks: readonly NetworkAttachment[];
	readonly mounts: readonly MountInfo[];
	/** Oldest first. */
	readonly healthLog: readonly HealthCheckResult[];
	readonly limits: ContainerLimits;
	/** In the container's order. */
	readonly environment: ReadonlyArray<{readonly key: string; readonly value: string}>;
	readonly labels: Readonly<Record<string, string>>;
};

export const healthOutputLimit = 200;

/** Compose bookkeeping labels: long, and said elsewhere on the screen. */
const hiddenLabels = new Set([
	projectLabel,
	serviceLabel,
	numberLabel,
	...['config-hash', 'oneoff', 'version', 'depends_on', 'image', 'project.config_files', 'project.working_dir'].map(name => `com.docker.compose.${name}`),
]);

/** Inspects one container for the details panel; undefined when it is gone. */
export async function inspectDetails(docker: Docker, id: string, signal?: AbortSignal): Promise<ContainerDetails | undefined> {
	try {
		return toDetails(await docker.getContainer(id).inspect({abortSignal: signal}));
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw error;
	}
}

/** The inspect payload reduced to ContainerDetails. */
export function toDetails(inspect: Docker.ContainerInspectInfo): ContainerDetails {
	const {Config: config, State: state, HostConfig: host} = inspect;
	const labels = config.Labels ?? {};
	const name = inspect.Name.replace(/^\//, '');
	const policy = host.RestartPolicy;
	return {
		id: inspect.Id,
		name,
		service: labels[serviceLabel] ?? name,
		image: {name: config.Image, id: inspect.Image.replace(/^sha256:/, '').slice(0, 12)},
		command: config.Cmd ?? [],
		entrypoint: typeof config.Entrypoint === 'string' ? [config.Entrypoint] : (config.Entrypoint ?? []),
		state: toState(state.Status),
		health: toHealth(state.Health?.Status),
		createdAt: toTime(inspect.Created),
		startedAt: toTime(state.StartedAt),
		finishedAt: state.Running ? undefined : toTime(state.FinishedAt),
		exitCode: state.Running ? undefined : state.ExitCode,
		isOomKilled: state.OOMKilled,
		restartCount: inspect.RestartCount,
		restartPolicy: policy?.Name ? `${policy.Name}${policy.Name === 'on-failure' && policy.MaximumRetryCount ? `:${policy.MaximumRetryCount}` : ''}` : 'no',
		ports: containerPorts(inspect.NetworkSettings?.Ports),
		networks: networksOf(inspect),
		mounts: (inspect.Mounts ?? []).map(mount => ({type: mount.Type, source: mount.Name ?? mount.Source, destination: mount.Destination, isReadOnly: !mount.RW})),
		healthLog: (state.Health?.Log ?? []).map(entry => ({start: entry.Start, exitCode: entry.ExitCode, output: oneLine(entry.Output)})),
		limits: limitsOf(host),
		environment: (config.Env ?? []).map(entry => {
			const equals = entry.indexOf('=');
			return equals === -1 ? {key: entry, value: ''} : {key: entry.slice(0, equals), value: entry.slice(equals + 1)};
		}),
		labels: Object.fromEntries(Object.entries(labels).filter(([key]) => !hiddenLabels.has(key))),
	};
}

function limitsOf(host: Docker.HostConfig): ContainerLimits {
	const quota = host.CpuQuota ?? 0;
	const cpus = host.NanoCpus ? host.NanoCpus / 1e9 : quota > 0 ? quota / (host.CpuPeriod || 100_000) : undefined;
	return {
		memoryBytes: host.Memory || undefined,
		cpus,
		// 0 and -1 both mean unlimited.
		pids: host.PidsLimit !== undefined && host.PidsLimit !== null && host.PidsLimit > 0 ? host.PidsLimit : undefined,
	};
}

type PortMap = Parameters<typeof publishedPorts>[0];

/** Published ports as `host:port→port/proto`, then exposed-only ones as `port/proto`. */
export function containerPorts(ports: PortMap): string[] {
	const exposed = Object.entries(ports ?? {}).filter(([, bindings]) => !bindings?.length).map(([port]) => port);
	return [...publishedPorts(ports), ...exposed];
}

/** Health output can run over lines and kilobytes: one line, cut. */
function oneLine(output: string): string {
	const joined = output.trim().replaceAll(/\s*[\r\n]+\s*/g, ' ');
	return joined.length > healthOutputLimit ? `${joined.slice(0, healthOutputLimit - 1)}…` : joined;
}

function toTime(value: string | undefined): string | undefined {
	return value === undefined || value === '' || value.startsWith('0001-') ? undefined : value;
}

/** The container's networks; Podman lists none for `none` and `host`, so then the network mode stands alone. */
function networksOf(inspect: Docker.ContainerInspectInfo): NetworkAttachment[] {
	const attached = Object.entries(inspect.NetworkSettings?.Networks ?? {}).map(([network, endpoint]) => ({
		name: network,
		ipAddress: endpoint.IPAddress || undefined,
		// The engine adds the short container id as an alias: noise.
		aliases: ((endpoint.Aliases as string[] | null) ?? []).filter(alias => !inspect.Id.startsWith(alias)),
	}));
	const mode = inspect.HostConfig?.NetworkMode;
	return attached.length > 0 || mode === undefined || mode === '' ? attached : [{name: mode, ipAddress: undefined, aliases: []}];
}
