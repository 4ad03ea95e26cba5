import type Docker from 'dockerode';
import type {ComposeProject} from '../compose/types.js';
import {listProjectContainers} from '../engine/containers.js';
import {containerSpec} from '../engine/create.js';
import {localImageId} from '../engine/resources.js';
import {configHash, configHashLabel, containerName} from './labels.js';
import {imageReference} from './prepare.js';

/**
 * The services `up` would recreate: those with a container whose configuration (config hash)
 * differs from what the compose files ask for now, or that another tool made (another hash).
 * The dashboard asks before `u` does that. A service whose image is not on the engine yet
 * counts as changed.
 */
export async function servicesToRecreate(docker: Docker, project: ComposeProject, services: readonly string[]): Promise<string[]> {
	const existing = await listProjectContainers(docker, project.name);
	const idOf = (service: string) => existing.find(container => container.service === service)?.id;
	const changed: string[] = [];
	for (const service of project.services.filter(candidate => services.includes(candidate.name))) {
		const containers = existing.filter(container => container.service === service.name && container.number <= service.replicas);
		if (containers.length === 0) {
			continue;
		}

		const image = imageReference(service, project);
		const imageId = await localImageId(docker, image);
		const differs = containers.some(container => {
			try {
				const name = container.number === 1 && service.containerName !== undefined ? service.containerName : containerName(project.name, service.name, container.number);
				const spec = containerSpec(service, {project, image, containerName: name, containerIdOf: idOf});
				return imageId === undefined || container.labels[configHashLabel] !== configHash({options: spec.options, extraNetworks: spec.extraNetworks, imageId});
			} catch {
				return true;
			}
		});
		if (differs) {
			changed.push(service.name);
		}
	}

	return changed;
}
