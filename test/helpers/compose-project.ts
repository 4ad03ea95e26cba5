import type Docker from 'dockerode';
import type {ComposeProject, ComposeService} from '../../source/compose/types.js';

/** The runtime settings of a service that sets none. */
export const emptyRuntime: ComposeService['runtime'] = {
	capAdd: [], capDrop: [], hostname: undefined, domainname: undefined, isReadOnly: false, isPrivileged: false, hasInit: undefined, tmpfs: {},
	ulimits: [], sysctls: {}, securityOpt: [], devices: [], dns: [], dnsSearch: [], dnsOptions: [], groupAdd: [], expose: [], modes: {}, limits: {},
	cpuset: undefined, isOomKillDisabled: undefined, storageOpt: {}, logging: undefined, links: [], externalLinks: [], volumesFrom: [],
};

/** A service with compose's defaults, overridden where the test says. */
export function composeService(name: string, overrides: Partial<ComposeService> = {}): ComposeService {
	return {
		name,
		image: 'stacktui-test/busybox:1',
		build: undefined,
		command: ['idle'],
		entrypoint: undefined,
		environment: {},
		ports: [],
		volumes: [],
		networks: {default: {aliases: []}},
		networkMode: undefined,
		healthcheck: undefined,
		dependsOn: {},
		restart: undefined,
		stopGracePeriodMs: undefined,
		stopSignal: undefined,
		cpus: undefined,
		memoryBytes: undefined,
		labels: {},
		containerName: undefined,
		workingDir: undefined,
		user: undefined,
		profiles: [],
		isTty: false,
		isStdinOpen: false,
		replicas: 1,
		extraHosts: [],
		runtime: emptyRuntime,
		secrets: [],
		configs: [],
		pullPolicy: 'missing',
		...overrides,
	};
}

/** A project as the loader would normalize it: a default network, the given services and volumes. */
export function composeProject(name: string, services: readonly ComposeService[], overrides: Partial<ComposeProject> = {}): ComposeProject {
	return {
		name,
		workingDir: '/tmp/' + name,
		configFiles: [`/tmp/${name}/docker-compose.yml`],
		services,
		disabledServices: [],
		networks: {default: {name: `${name}_default`, isExternal: false, driver: undefined, isInternal: false, labels: {}}},
		volumes: {},
		secrets: {},
		configs: {},
		warnings: [],
		refusals: {},
		...overrides,
	};
}

/** A healthcheck that passes once /tmp/healthy exists, probed every 200 ms. */
export const fileHealthcheck = {
	test: ['CMD', 'healthy'],
	intervalNs: 200_000_000,
	timeoutNs: 2_000_000_000,
	retries: 3,
	startPeriodNs: undefined,
} as const;

/** Removes every container, network, volume and built image labelled with the compose project: the tests' cleanup. */
export async function removeComposeProject(docker: Docker, project: string): Promise<void> {
	const filters = {label: [`com.docker.compose.project=${project}`]};
	// Podman refuses to remove a container another one joins (network_mode container:ID) while that one
	// exists: what is left after a pass goes in the next, after its dependents.
	for (let pass = 0; pass < 3; pass++) {
		const containers = await docker.listContainers({all: true, filters});
		if (containers.length === 0) break;
		await Promise.all(containers.map(async container => docker.getContainer(container.Id).remove({force: true, v: true}).catch(() => undefined)));
	}
	const networks = await docker.listNetworks({filters});
	await Promise.all(networks.map(async network => docker.getNetwork(network.Id).remove().catch(() => undefined)));
	const {Volumes: volumes} = await docker.listVolumes({filters});
	await Promise.all((volumes ?? []).map(async volume => docker.getVolume(volume.Name).remove().catch(() => undefined)));
	// After the containers: an image still used by one cannot go.
	const images = await docker.listImages({filters});
	await Promise.all(images.map(async image => docker.getImage(image.Id).remove({force: true}).catch(() => undefined)));
}
