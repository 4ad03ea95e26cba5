import type Docker from 'dockerode';
import {askEngine, type EngineFacts} from './engine-facts.js';

export type {EngineFacts} from './engine-facts.js';

/** Where per-container CPU and memory samples come from, about once a second. */
export type StatsSource =
	/** GET /containers/{id}/stats?stream=true (Docker: one sample a second). */
	| 'docker-stream'
	/** GET /libpod/containers/stats?interval=1 (Podman: its compat stream samples only every 5 s). */
	| 'libpod-stream'
	/** The engine has no container stats (rootless Podman on cgroup v1). */
	| 'none';

/**
 * What the connected engine reports and how, decided once at connect time, so the rest of the
 * code asks "does it" rather than "which engine is it".
 */
export type EngineCapabilities = {
	/** For the status bar only: "Docker" or "Podman". */
	readonly product: string;
	readonly version: string;
	readonly apiVersion: string;
	readonly isRootless: boolean;
	/** undefined when the engine does not report it (API < 1.40). */
	readonly cgroupVersion: '1' | '2' | undefined;
	/**
	 * Health changes arrive as events that carry the new status (`health_status: healthy`).
	 * When false, health is read by inspecting the health-checked containers at the refresh interval.
	 */
	readonly hasHealthEvents: boolean;
	readonly statsSource: StatsSource;
	/** Why there are no stats when statsSource is 'none', one line for the status bar. */
	readonly noStatsReason: string | undefined;
	/**
	 * The events endpoint's label and container filters keep the events of a container being removed.
	 * Podman's drop them (its `die` and `remove` never arrive): stacktui then asks for every container
	 * event and filters them itself.
	 */
	readonly hasReliableEventFilters: boolean;
	/** The engine also serves Podman's own API (/libpod/…): 1-second stats, a listing with each container's health. */
	readonly hasLibpodApi: boolean;
	/**
	 * A local cgroup-file reader may stand in for the stats API: the engine is on this host (unix
	 * socket), rootful, and its containers have cgroups of their own. Find a container's cgroup from
	 * /proc/<State.Pid>/cgroup: Docker and Podman name them differently.
	 */
	readonly canReadCgroupFiles: boolean;
	/**
	 * Labels that name a container's (network's, volume's) compose project for this engine's compose
	 * tools: com.docker.compose.project, and io.podman.compose.project, by which podman-compose finds its own.
	 */
	readonly projectLabelKeys: readonly string[];
	/** Variables the engine adds to every container's environment (Config.Env) beyond the image's and the user's. */
	readonly addedEnvironment: readonly string[];
	/** Commands that run `exec -it` against this engine, best first; `{address}` is the engine's URL. */
	readonly execCommands: ReadonlyArray<readonly string[]>;
	/** What differs from Docker, one short line each, for the readme's table and `stacktui check`. */
	/**
	 * StopTimeout for a container whose service sets no stop_grace_period: Podman's compat API gives
	 * such a container 0 (stop and restart kill at once, no SIGTERM); Docker applies its own 10 s.
	 */
	readonly defaultStopSeconds: number | undefined;
	readonly notes: readonly string[];
};

/** Podman's compat API names itself in Components ("Podman Engine") or Platform.Name. */
export function isPodmanVersion(version: Partial<Docker.DockerVersion>): boolean {
	const names = [version.Platform?.Name, ...(version.Components ?? []).map(component => component.Name)];
	return names.some(name => typeof name === 'string' && /podman/i.test(name));
}

const noStatsReason = 'no CPU or memory: rootless Podman on cgroup v1 has no container stats (cgroup v2 has)';

/** The capabilities of an engine, from what it answered at connect time. Pure. */
export function detectCapabilities(facts: EngineFacts): EngineCapabilities {
	const {version, info} = facts;
	const cgroupVersion: EngineCapabilities['cgroupVersion'] = info.CgroupVersion === '1' || info.CgroupVersion === '2' ? info.CgroupVersion : undefined;
	const securityOptions = Array.isArray(info.SecurityOptions) ? info.SecurityOptions.map(String) : [];
	const isLocal = facts.address.startsWith('unix://');
	const common = {version: version.Version ?? '', apiVersion: version.ApiVersion ?? '', cgroupVersion};
	if (!isPodmanVersion(version)) {
		const isRootless = securityOptions.some(option => option.includes('name=rootless'));
		return {
			...common,
			product: 'Docker',
			isRootless,
			hasHealthEvents: true,
			statsSource: 'docker-stream',
			noStatsReason: undefined,
			hasReliableEventFilters: true,
			hasLibpodApi: false,
			canReadCgroupFiles: isLocal && !isRootless && cgroupVersion !== undefined,
			projectLabelKeys: ['com.docker.compose.project'],
			addedEnvironment: [],
			execCommands: [['docker', '--host', '{address}']],
			notes: [],
			defaultStopSeconds: 10,
		};
	}

	const isRootless = facts.libpodInfo?.host?.security?.rootless === true;
	const hasStats = !(isRootless && cgroupVersion === '1');
	return {
		...common,
		product: 'Podman',
		isRootless,
		// Podman 4 sends `health_status` without the status, and its HealthStatus field lags one check behind.
		hasHealthEvents: false,
		statsSource: hasStats ? 'libpod-stream' : 'none',
		noStatsReason: hasStats ? undefined : noStatsReason,
		hasReliableEventFilters: false,
		hasLibpodApi: true,
		// Rootless containers on cgroup v1 have no cgroups of their own; on v2 they belong to another user's slice.
		canReadCgroupFiles: isLocal && !isRootless && cgroupVersion !== undefined,
		projectLabelKeys: ['com.docker.compose.project', 'io.podman.compose.project'],
		addedEnvironment: ['container', 'HOME', 'HOSTNAME', 'TERM'],
		execCommands: [
			['docker', '--host', '{address}'],
			['podman', '--url', '{address}'],
		],
		defaultStopSeconds: 10,
		notes: [
			'health is read by inspecting health-checked containers at the refresh interval (no usable health events)',
			'Podman runs health checks only through systemd timers: without systemd, something must call `podman healthcheck run`',
			'events are filtered by stacktui: Podman\'s label filter drops the events of a container being removed, which it calls `remove`',
			hasStats ? 'stats come from libpod\'s stream (the compat stream samples every 5 s)' : noStatsReason,
		],
	};
}

/** Replaces `{address}` in an exec command with the engine's URL. */
export function execCommandFor(template: readonly string[], address: string): string[] {
	return template.map(part => (part === '{address}' ? address : part));
}

const known = new WeakMap<Docker, EngineCapabilities>();

/** Remembers what connect found, so code handed only the client asks without another round trip. */
export function rememberCapabilities(docker: Docker, capabilities: EngineCapabilities): void {
	known.set(docker, capabilities);
}

/**
 * The capabilities found when this client connected; asked of the engine once when the client
 * was made elsewhere (a test's own Docker object).
 */
export async function capabilitiesOf(docker: Docker, signal?: AbortSignal): Promise<EngineCapabilities> {
	const found = known.get(docker);
	if (found !== undefined) return found;
	const facts = await askEngine(docker, addressOf(docker), signal);
	const capabilities = detectCapabilities(facts);
	known.set(docker, capabilities);
	return capabilities;
}

function addressOf(docker: Docker): string {
	const modem = docker.modem as {socketPath?: unknown; protocol?: string; host?: string; port?: number | string};
	if (typeof modem.socketPath === 'string') return `unix://${modem.socketPath}`;
	return `${modem.protocol ?? 'tcp'}://${modem.host ?? ''}${modem.port === undefined ? '' : `:${modem.port}`}`;
}
