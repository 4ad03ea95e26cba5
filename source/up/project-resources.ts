import type Docker from 'dockerode';
import type {ComposeProject} from '../compose/types.js';
import {networksOf} from '../engine/create.js';
import {type Ensured, ensureNetwork, ensureVolume} from '../engine/resources.js';
import {allServices} from './graph.js';
import {capabilitiesOf} from '../engine/capabilities.js';
import {networkLabels, projectLabels, volumeLabels} from './labels.js';

export type ResourceResult = {readonly kind: 'network' | 'volume'; readonly name: string; readonly result: Ensured};

/** The network and volume keys the given services use. */
export function usedResources(project: ComposeProject, services: readonly string[]): {networks: string[]; volumes: string[]} {
	const selected = allServices(project).filter(service => services.includes(service.name));
	const networkNames = new Set(selected.flatMap(service => networksOf(service, project).map(network => network.name)));
	const networks = Object.entries(project.networks)
		.filter(([key, network]) => networkNames.has(network.name) || networkNames.has(`${project.name}_${key}`))
		.map(([key]) => key);
	const volumeKeys = new Set(
		selected.flatMap(service => service.volumes.filter(mount => mount.type === 'volume' && mount.source !== undefined).map(mount => mount.source!)),
	);
	return {networks, volumes: [...volumeKeys]};
}

/**
 * Creates the networks and named volumes the services need, labelled as docker-compose labels
 * them (project, network/volume key, version) plus the labels the file gives them.
 */
export async function ensureProjectResources(docker: Docker, project: ComposeProject, services: readonly string[]): Promise<ResourceResult[]> {
	const {networks, volumes} = usedResources(project, services);
	const engineLabels = projectLabels(project.name, (await capabilitiesOf(docker)).projectLabelKeys);
	const results: ResourceResult[] = [];
	for (const key of networks) {
		const network = project.networks[key];
		if (network !== undefined) {
			const labels = {...network.labels, ...engineLabels, ...networkLabels(project.name, key)};
			results.push({kind: 'network', name: network.name, result: await ensureNetwork(docker, {...network, labels})});
		}
	}

	for (const key of volumes) {
		const volume = project.volumes[key] ?? {name: `${project.name}_${key}`, isExternal: false, driver: undefined, labels: {}};
		const labels = {...volume.labels, ...engineLabels, ...volumeLabels(project.name, key)};
		results.push({kind: 'volume', name: volume.name, result: await ensureVolume(docker, {...volume, labels})});
	}

	return results;
}
