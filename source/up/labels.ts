import {createHash} from 'node:crypto';
import {numberLabel, oneoffLabel, projectLabel, serviceLabel} from '../engine/types.js';
import type {ComposeProject} from '../compose/types.js';

export const configHashLabel = 'com.docker.compose.config-hash';
export const configFilesLabel = 'com.docker.compose.project.config_files';
export const workingDirLabel = 'com.docker.compose.project.working_dir';
export const versionLabel = 'com.docker.compose.version';
export const networkLabel = 'com.docker.compose.network';
export const volumeLabel = 'com.docker.compose.volume';

/**
 * The docker-compose release whose labels and names stacktui reproduces (compose v1, the one
 * installed here). `docker-compose` reads none of these values back, so claiming it is safe.
 */
export const composeVersion = '1.29.2';

export type ContainerLabelInput = {
	readonly project: ComposeProject;
	readonly service: string;
	readonly number: number;
	readonly configHash: string;
};

/** The compose labels of a service container, exactly the set docker-compose 1.29 writes. */
export function containerLabels(input: ContainerLabelInput): Record<string, string> {
	return {
		[projectLabel]: input.project.name,
		[serviceLabel]: input.service,
		[numberLabel]: String(input.number),
		[oneoffLabel]: 'False',
		[configHashLabel]: input.configHash,
		[configFilesLabel]: input.project.configFiles.join(','),
		[workingDirLabel]: input.project.workingDir,
		[versionLabel]: composeVersion,
	};
}

/** The project label under every key the engine's compose tools read (podman-compose reads its own). */
export function projectLabels(project: string, keys: readonly string[]): Record<string, string> {
	return Object.fromEntries([projectLabel, ...keys].map(key => [key, project]));
}

/** Labels of a network the project declares under `key`. */
export function networkLabels(project: string, key: string): Record<string, string> {
	return {[projectLabel]: project, [networkLabel]: key, [versionLabel]: composeVersion};
}

export function volumeLabels(project: string, key: string): Record<string, string> {
	return {[projectLabel]: project, [volumeLabel]: key, [versionLabel]: composeVersion};
}

/** Labels of an image built for a service: its project and service, as compose v2 labels them. */
export function imageLabels(project: string, service: string): Record<string, string> {
	return {[projectLabel]: project, [serviceLabel]: service};
}

/** docker-compose v1 names: `${project}_${service}_${number}` (v2 uses dashes; lookups go by label). */
export function containerName(project: string, service: string, number: number): string {
	return `${project}_${service}_${number}`;
}

/** The tag docker-compose v1 gives an image it builds for a service without `image:`. */
export function builtImageName(project: string, service: string): string {
	return `${project}_${service}`;
}

/**
 * sha256 of the value as canonical JSON (keys sorted, no spaces), as docker-compose's
 * json_hash does. stacktui hashes its own create options plus the image id, so the
 * value differs from docker-compose's for the same file: each tool recreates the other's
 * containers once, the way compose v2 does with v1 containers.
 */
export function configHash(value: unknown): string {
	return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, item: unknown) =>
		item !== null && typeof item === 'object' && !Array.isArray(item)
			? Object.fromEntries(Object.entries(item).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)))
			: item,
	);
}
