import type Docker from 'dockerode';
import {
	type ContainerInfo,
	type ContainerState,
	type Health,
	numberLabel,
	oneoffLabel,
	projectLabel,
	serviceLabel,
} from './types.js';

const states = new Set<string>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);
const healths = new Set<string>(['starting', 'healthy', 'unhealthy']);
const zeroTime = '0001-01-01T00:00:00Z';

/** Reads the label filter value for the containers of a compose project. */
export function projectFilter(project: string): string {
	return `${projectLabel}=${project}`;
}

/**
 * Podman's compat API passes on libpod states Docker does not have: `stopping` (still running, the
 * stop signal sent: seen mid-restart, shown as dead before), `stopped`, `configured`, `initialized`.
 */
const podmanStates: Readonly<Record<string, ContainerState>> = {stopping: 'running', stopped: 'exited', configured: 'created', initialized: 'created'};

export function toState(value: string | undefined): ContainerState {
	if (value === undefined) return 'dead';
	return states.has(value) ? (value as ContainerState) : (podmanStates[value] ?? 'dead');
}

export function toHealth(value: string | undefined): Health {
	return value !== undefined && healths.has(value) ? (value as Health) : 'none';
}

function toTime(value: string | undefined): string | undefined {
	return value === undefined || value === '' || value.startsWith(zeroTime.slice(0, 4)) ? undefined : value;
}

/** The engine's inspect payload, reduced to what stacktui shows. */
export function fromInspect(inspect: Docker.ContainerInspectInfo): ContainerInfo {
	const labels = inspect.Config.Labels ?? {};
	const state = inspect.State;
	return {
		id: inspect.Id,
		name: inspect.Name.replace(/^\//, ''),
		service: labels[serviceLabel] ?? inspect.Name.replace(/^\//, ''),
		project: labels[projectLabel] ?? '',
		number: Number.parseInt(labels[numberLabel] ?? '1', 10) || 1,
		image: inspect.Config.Image,
		state: toState(state.Status),
		health: toHealth(state.Health?.Status),
		startedAt: toTime(state.StartedAt),
		finishedAt: toTime(state.FinishedAt),
		// A restarting container (Running and Restarting both true) keeps the code of the exit that restarts it.
		exitCode: state.Running && !state.Restarting ? undefined : state.ExitCode,
		restartCount: inspect.RestartCount,
		isOomKilled: state.OOMKilled,
		...limitsOf(inspect.HostConfig),
		...healthFailuresOf(state, (inspect.Config as {Healthcheck?: {StartPeriod?: number}}).Healthcheck?.StartPeriod ?? 0),
		ports: publishedPorts(inspect.NetworkSettings?.Ports),
		labels,
	};
}

/** The CPU and memory limits a container runs under (NanoCpus from --cpus, or a CFS quota). */
function limitsOf(host: Docker.ContainerInspectInfo['HostConfig'] | undefined): Pick<ContainerInfo, 'cpuLimitPercent' | 'memoryLimitBytes'> {
	const nanoCpus = host?.NanoCpus ?? 0;
	const quota = host?.CpuQuota ?? 0;
	const period = host?.CpuPeriod || 100_000;
	const cpuLimitPercent = nanoCpus > 0 ? nanoCpus / 1e7 : quota > 0 ? (quota / period) * 100 : undefined;
	const memory = host?.Memory ?? 0;
	return {...(cpuLimitPercent === undefined ? {} : {cpuLimitPercent}), ...(memory > 0 ? {memoryLimitBytes: memory} : {})};
}

type HealthLog = {readonly Start?: string; readonly ExitCode?: number};

/**
 * Failed checks of this run before its first success, those in the start period left out (the
 * engine does not count them either). The engine keeps the last five results, so this is exact
 * for the first-try question while a run has had at most four failures.
 */
function healthFailuresOf(state: Docker.ContainerInspectInfo['State'], startPeriodNs: number): {healthFailures?: number} {
	// Podman gives a container without a healthcheck Health with Log null.
	const log = (state.Health as {Log?: readonly HealthLog[] | null} | undefined)?.Log;
	const started = toTime(state.StartedAt);
	if (log === undefined || log === null || started === undefined) return {};
	const counted = Date.parse(started) + startPeriodNs / 1e6;
	const thisRun = log.filter(entry => entry.Start !== undefined && Date.parse(entry.Start) >= Date.parse(started));
	const firstSuccess = thisRun.findIndex(entry => entry.ExitCode === 0);
	const failures = (firstSuccess === -1 ? thisRun : thisRun.slice(0, firstSuccess)).filter(entry => entry.ExitCode !== 0 && Date.parse(entry.Start ?? '') >= counted);
	return {healthFailures: failures.length};
}

type PortMap = Record<string, Array<{HostIp: string; HostPort: string}> | null> | undefined;

/** `127.0.0.1:8080→80/tcp` for each published port; host network and unpublished ports give none. */
export function publishedPorts(ports: PortMap): string[] {
	const published = Object.entries(ports ?? {}).flatMap(([containerPort, bindings]) =>
		(bindings ?? []).map(binding => {
			const host = binding.HostIp === '' || binding.HostIp === '0.0.0.0' || binding.HostIp === '::' ? '' : `${binding.HostIp}:`;
			return `${host}${binding.HostPort}→${containerPort}`;
		}),
	);
	return [...new Set(published)]; // IPv4 and IPv6 bindings of one port read the same.
}

/**
 * Every container of a compose project, running or not, inspected once each.
 * One-off containers (`compose run`) are left out: they are not the stack's services.
 */
export async function listProjectContainers(
	docker: Docker,
	project: string,
	signal?: AbortSignal,
): Promise<ContainerInfo[]> {
	const listed = await docker.listContainers({
		all: true,
		filters: {label: [projectFilter(project)]},
		abortSignal: signal,
	});
	const wanted = listed.filter(item => item.Labels?.[oneoffLabel] !== 'True');
	const inspected = await Promise.all(wanted.map(async item => inspectContainer(docker, item.Id, signal)));
	return inspected.filter((info): info is ContainerInfo => info !== undefined);
}

/** Inspects one container; undefined when it is gone meanwhile. */
export async function inspectContainer(
	docker: Docker,
	id: string,
	signal?: AbortSignal,
): Promise<ContainerInfo | undefined> {
	try {
		return fromInspect(await docker.getContainer(id).inspect({abortSignal: signal}));
	} catch (error) {
		if (isNotFound(error)) {
			return undefined;
		}

		throw error;
	}
}

export function isNotFound(error: unknown): boolean {
	return (error as {statusCode?: number} | undefined)?.statusCode === 404;
}
