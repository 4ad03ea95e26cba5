import type Docker from 'dockerode';
import {dialJson} from './engine-facts.js';
import {projectFilter, toHealth} from './containers.js';
import type {Health} from './types.js';

type LibpodListed = {readonly Id?: string; readonly State?: string; readonly Status?: string};

/**
 * The health of each running container of a project, from one listing: for engines that send
 * no health events, a cheap way to see which containers need inspecting. Podman's own listing
 * gives the health as `Status`; Docker's gives it inside the status text.
 */
export async function listHealth(docker: Docker, project: string, hasLibpodApi: boolean, signal?: AbortSignal): Promise<Map<string, Health>> {
	const filters = {label: [projectFilter(project)], status: ['running']};
	if (hasLibpodApi) {
		const listed = (await dialJson(docker, '/v4.0.0/libpod/containers/json', signal, {filters})) as LibpodListed[] | null;
		return new Map((listed ?? []).filter(item => item.Id !== undefined).map(item => [item.Id!, toHealth(item.Status)]));
	}

	const listed = await docker.listContainers({filters, abortSignal: signal});
	return new Map(listed.map(item => [item.Id, healthInStatusText(item.Status)]));
}

/** `Up 3 seconds (health: starting)`, `Up 2 minutes (healthy)`, `Up 1 minute (unhealthy)` → the health. */
export function healthInStatusText(status: string | undefined): Health {
	const match = /\((?:health: )?(starting|healthy|unhealthy)\)\s*$/.exec(status ?? '');
	return toHealth(match?.[1]);
}
