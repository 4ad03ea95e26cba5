import type Docker from 'dockerode';
import {existsSync} from 'node:fs';
import {listProjectContainers} from '../engine/containers.js';
import {isFile} from '../profile/file-kind.js';
import {configFilesLabel, workingDirLabel} from '../up/labels.js';

/** A running project's own compose files, as Compose wrote them on its containers. */
export type ProjectFiles = {readonly files: readonly string[]; readonly workingDir: string | undefined};

/**
 * The compose files and working directory that Compose (or stacktui) labelled the project's
 * containers with (com.docker.compose.project.config_files, .working_dir), when every file is
 * readable here; undefined otherwise (another machine, a deleted checkout, no containers).
 */
export async function projectFilesFromLabels(docker: Docker, project: string): Promise<ProjectFiles | undefined> {
	const containers = await listProjectContainers(docker, project);
	for (const container of containers) {
		const files = container.labels[configFilesLabel]?.split(',').filter(Boolean) ?? [];
		const workingDir = container.labels[workingDirLabel];
		if (files.length > 0 && files.every(file => isFile(file))) {
			return {files, workingDir: workingDir !== undefined && existsSync(workingDir) ? workingDir : undefined};
		}
	}

	return undefined;
}

/** The compose projects on the engine with their containers' states, like `docker compose ls`. */
export type RunningProject = {readonly name: string; readonly running: number; readonly total: number; readonly configFiles: string};

export async function listRunningProjects(docker: Docker): Promise<RunningProject[]> {
	const containers = await docker.listContainers({all: true, filters: {label: ['com.docker.compose.project']}});
	const projects = new Map<string, {running: number; total: number; configFiles: string}>();
	for (const container of containers) {
		const name = container.Labels?.['com.docker.compose.project'] ?? '';
		const entry = projects.get(name) ?? {running: 0, total: 0, configFiles: container.Labels?.[configFilesLabel] ?? ''};
		entry.total++;
		entry.running += container.State === 'running' ? 1 : 0;
		projects.set(name, entry);
	}

	return [...projects].map(([name, entry]) => ({name, ...entry})).sort((left, right) => left.name.localeCompare(right.name));
}
