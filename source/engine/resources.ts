import type Docker from 'dockerode';
import {projectFilter} from './containers.js';

export type NetworkRequest = {
	readonly name: string;
	readonly driver: string | undefined;
	readonly isInternal: boolean;
	readonly isExternal: boolean;
	readonly labels: Readonly<Record<string, string>>;
};

export type VolumeRequest = {
	readonly name: string;
	readonly driver: string | undefined;
	readonly isExternal: boolean;
	readonly labels: Readonly<Record<string, string>>;
};

export type Ensured = 'created' | 'exists';

/**
 * Creates the network unless one of that name exists. An external network must exist.
 * Attachable like docker-compose makes them, so `docker run --network` can join too.
 */
export async function ensureNetwork(docker: Docker, request: NetworkRequest): Promise<Ensured> {
	if (await exists(docker.getNetwork(request.name).inspect())) {
		return 'exists';
	}

	if (request.isExternal) {
		throw new Error(`network ${request.name} is declared external but does not exist (docker network create ${request.name})`);
	}

	try {
		await docker.createNetwork({
			Name: request.name,
			CheckDuplicate: true,
			Driver: request.driver ?? 'bridge',
			Internal: request.isInternal,
			Attachable: true,
			Labels: {...request.labels},
		});
		return 'created';
	} catch (error) {
		// Another `up` of the same project made it meanwhile.
		if (statusOf(error) === 409) {
			return 'exists';
		}

		throw error;
	}
}

/** Creates the volume unless it exists. An external volume must exist. */
export async function ensureVolume(docker: Docker, request: VolumeRequest): Promise<Ensured> {
	if (await exists(docker.getVolume(request.name).inspect())) {
		return 'exists';
	}

	if (request.isExternal) {
		throw new Error(`volume ${request.name} is declared external but does not exist (docker volume create ${request.name})`);
	}

	await docker.createVolume({Name: request.name, Driver: request.driver ?? 'local', Labels: {...request.labels}});
	return 'created';
}

/** Networks carrying the project label: those stacktui or docker-compose made for it. */
export async function listProjectNetworks(docker: Docker, project: string): Promise<Array<{id: string; name: string}>> {
	const networks = await docker.listNetworks({filters: {label: [projectFilter(project)]}});
	return networks.map(network => ({id: network.Id, name: network.Name}));
}

/** Volumes carrying the project label (external volumes never do). */
export async function listProjectVolumes(docker: Docker, project: string): Promise<string[]> {
	const {Volumes: volumes} = await docker.listVolumes({filters: {label: [projectFilter(project)]}});
	return (volumes ?? []).map(volume => volume.Name);
}

/** Removes a network; one already gone counts as removed. */
export async function removeNetwork(docker: Docker, id: string): Promise<void> {
	await ignoreNotFound(docker.getNetwork(id).remove());
}

export async function removeVolume(docker: Docker, name: string): Promise<void> {
	await ignoreNotFound(docker.getVolume(name).remove());
}

/** The local image's id, or undefined when the engine does not have it. */
export async function localImageId(docker: Docker, reference: string): Promise<string | undefined> {
	try {
		const inspect = await docker.getImage(reference).inspect();
		return inspect.Id;
	} catch (error) {
		if (statusOf(error) === 404) {
			return undefined;
		}

		throw error;
	}
}

async function exists(inspect: Promise<unknown>): Promise<boolean> {
	try {
		await inspect;
		return true;
	} catch (error) {
		if (statusOf(error) === 404) {
			return false;
		}

		throw error;
	}
}

async function ignoreNotFound(call: Promise<unknown>): Promise<void> {
	try {
		await call;
	} catch (error) {
		if (statusOf(error) !== 404) {
			throw error;
		}
	}
}

function statusOf(error: unknown): number | undefined {
	return (error as {statusCode?: number} | undefined)?.statusCode;
}

/** One container of a project, one-off (`compose run`) containers included. */
export type ProjectContainer = {
	readonly id: string;
	readonly name: string;
	readonly service: string;
	readonly isRunning: boolean;
	readonly isOneoff: boolean;
};

/** Every container with the project label, stopped and one-off ones too: what `down` removes. */
export async function listEveryProjectContainer(docker: Docker, project: string): Promise<ProjectContainer[]> {
	const containers = await docker.listContainers({all: true, filters: {label: [projectFilter(project)]}});
	return containers.map(container => ({
		id: container.Id,
		name: (container.Names[0] ?? container.Id).replace(/^\//, ''),
		service: container.Labels['com.docker.compose.service'] ?? '',
		isRunning: container.State === 'running' || container.State === 'restarting' || container.State === 'paused',
		isOneoff: container.Labels['com.docker.compose.oneoff'] === 'True',
	}));
}
