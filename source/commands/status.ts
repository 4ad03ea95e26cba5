import type Docker from 'dockerode';
import {projectLabel} from '../engine/types.js';
import {hasFullSamples, toServiceStatuses, type ServiceStatus} from '../stack/snapshot.js';
import {StackWatcher} from '../stack/watcher.js';
import type {StackState} from '../stack/model.js';
import type {EngineConnection} from '../engine/connect.js';
import {safeJson} from '../stack/sanitize.js';
import {formatStatusTable} from './status-table.js';

/** CPU % needs two samples a second apart; waiting longer would only hide a stuck engine. */
const sampleWaitMs = 2500;

export type StatusReport = {
	readonly project: string;
	readonly engine: {readonly address: string; readonly product: string; readonly version: string; readonly apiVersion: string; readonly notes: readonly string[]};
	readonly takenAt: string;
	readonly services: ServiceStatus[];
	/** Set when the result is empty, to say why. */
	readonly message?: string;
	/** The snapshot the report was made from (not printed). */
	readonly state: StackState;
};

/** Lists the project, waits for two stats samples of each running container, and reports. */
export async function takeStatus(connection: EngineConnection, project: string): Promise<StatusReport> {
	const watcher = new StackWatcher(connection.docker, project, {capabilities: connection.capabilities});
	watcher.start();
	try {
		const listed = await watcher.waitFor(state => state.isListed, sampleWaitMs * 2);
		if (listed === undefined) {
			throw new Error(`the engine at ${connection.address} did not list the containers of ${project} in time`);
		}

		await watcher.waitFor(hasFullSamples, sampleWaitMs);
		const services = toServiceStatuses(watcher.state, Date.now());
		const message = services.length === 0 ? await emptyMessage(connection.docker, project) : undefined;
		return {
			project,
			engine: {
				address: connection.address,
				product: connection.capabilities.product,
				version: connection.version,
				apiVersion: connection.apiVersion,
				notes: connection.capabilities.notes,
			},
			takenAt: new Date().toISOString(),
			services,
			...(message === undefined ? {} : {message}),
			state: watcher.state,
		};
	} finally {
		watcher.stop();
	}
}

/** Names the projects that do exist, since the usual cause is a typo. */
async function emptyMessage(docker: Docker, project: string): Promise<string> {
	const containers = await docker.listContainers({all: true, filters: {label: [projectLabel]}});
	const projects = [...new Set(containers.map(container => container.Labels?.[projectLabel] ?? ''))].filter(Boolean).sort();
	const known = projects.length === 0 ? 'no compose projects on this engine' : `projects on this engine: ${projects.join(', ')}`;
	return `no containers of project "${project}" (label ${projectLabel}=${project}); ${known}`;
}

/** Text for the terminal, JSON for scripts. */
export function renderStatus(report: StatusReport, isJson: boolean): string {
	if (isJson) {
		const {state: _state, ...plain} = report;
		return safeJson(plain);
	}

	return report.services.length === 0 ? '' : formatStatusTable(report.services);
}
