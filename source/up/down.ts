import type Docker from 'dockerode';
import type {ComposeProject} from '../compose/types.js';
import {removeContainer} from '../engine/create.js';
import {listEveryProjectContainer, listProjectNetworks, listProjectVolumes, removeNetwork, removeVolume} from '../engine/resources.js';
import {type LifecycleReport, runInWaves} from './stop.js';
import {oneLine} from './one-line.js';

export type DownOptions = {
	/** Also remove the project's named volumes (`down --volumes`). */
	readonly removeVolumes: boolean;
	readonly onLine?: (line: string) => void;
};

export type DownReport = LifecycleReport & {
	readonly containers: readonly string[];
	readonly networks: readonly string[];
	readonly volumes: readonly string[];
};

/**
 * Stops the project's containers in reverse dependency order (each with its grace period),
 * removes them, then the project's networks, and with removeVolumes its volumes. Everything
 * is found by the com.docker.compose.project label, so what docker-compose made goes too.
 */
export async function runDown(docker: Docker, projectName: string, project: ComposeProject | undefined, options: DownOptions): Promise<DownReport> {
	const onLine = options.onLine ?? (() => undefined);
	const lines: string[] = [];
	const errors: string[] = [];
	const report = (line: string, isError = false) => {
		lines.push(line);
		if (isError) {
			errors.push(line);
		}

		onLine(line);
	};

	const containers = await listEveryProjectContainer(docker, projectName);
	const stopped = await runInWaves(docker, project, containers, 'stop', onLine);
	lines.push(...stopped.lines);
	errors.push(...stopped.errors);

	const removedContainers: string[] = [];
	await Promise.all(
		containers.map(async container => {
			try {
				await removeContainer(docker, container.id);
				removedContainers.push(container.name);
				report(`${container.name}: removed`);
			} catch (error) {
				report(`${container.name}: cannot remove: ${oneLine(error)}`, true);
			}
		}),
	);

	const removedNetworks = await removeEach(await listProjectNetworks(docker, projectName), 'network', network => removeNetwork(docker, network.id), report);
	const volumes = options.removeVolumes ? await listProjectVolumes(docker, projectName) : [];
	const removedVolumes = await removeEach(
		volumes.map(name => ({name})),
		'volume',
		volume => removeVolume(docker, volume.name),
		report,
	);
	return {lines, errors, containers: removedContainers, networks: removedNetworks, volumes: removedVolumes};
}

async function removeEach<T extends {name: string}>(
	items: readonly T[],
	kind: string,
	remove: (item: T) => Promise<void>,
	report: (line: string, isError?: boolean) => void,
): Promise<string[]> {
	const removed: string[] = [];
	for (const item of items) {
		try {
			await remove(item);
			removed.push(item.name);
			report(`${kind} ${item.name}: removed`);
		} catch (error) {
			report(`${kind} ${item.name}: cannot remove: ${oneLine(error)}`, true);
		}
	}

	return removed;
}
