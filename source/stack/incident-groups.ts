import type {Incident, IncidentKind} from './incidents.js';

/** Incidents of one kind on one container, as the warnings panel lists them: how often, first and last time. */
export type IncidentGroup = {
	readonly kind: IncidentKind;
	readonly service: string;
	readonly container: string;
	readonly count: number;
	readonly firstAt: number;
	readonly lastAt: number;
	/** Of the latest one. */
	readonly exitCode: number | undefined;
};

/** Groups incidents by container and kind, the most recent group first. */
export function groupIncidents(incidents: readonly Incident[]): IncidentGroup[] {
	const groups = new Map<string, IncidentGroup>();
	for (const incident of incidents) {
		const key = `${incident.containerId}\u0000${incident.kind}`;
		const group = groups.get(key);
		groups.set(key, {
			kind: incident.kind,
			service: incident.service,
			container: incident.container,
			count: (group?.count ?? 0) + 1,
			firstAt: Math.min(group?.firstAt ?? incident.at, incident.at),
			lastAt: Math.max(group?.lastAt ?? incident.at, incident.at),
			exitCode: incident.exitCode,
		});
	}

	return [...groups.values()].sort((left, right) => right.lastAt - left.lastAt);
}
