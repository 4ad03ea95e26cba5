import type {ComposeProject, ComposeService, DependsOnCondition} from '../compose/types.js';

export type Dependency = {
	readonly service: string;
	readonly condition: DependsOnCondition;
	readonly isRequired: boolean;
};

/** depends_on, plus the implicit dependency of `network_mode: service:NAME` (it must run first). */
export function dependenciesOf(service: ComposeService): Dependency[] {
	const listed = Object.entries(service.dependsOn).map(([name, {condition, isRequired}]) => ({service: name, condition, isRequired}));
	const mode = service.networkMode;
	if (mode?.startsWith('service:') && !listed.some(dependency => dependency.service === mode.slice(8))) {
		listed.push({service: mode.slice(8), condition: 'service_started', isRequired: true});
	}

	return listed;
}

export type Selection = {
	/** The services to act on, in file order: the requested ones and everything they depend on. */
	readonly services: readonly string[];
	/** Requested names the project does not have. */
	readonly unknown: readonly string[];
};

/** Active services, then those left out by compose profiles (`up NAME` and dependencies reach them). */
export function allServices(project: ComposeProject): ComposeService[] {
	return [...project.services, ...(project.disabledServices ?? [])];
}

/**
 * The services `up SERVICE…` acts on, with everything they depend on. With no names: every
 * active service (the loader leaves out those of inactive compose profiles), as compose does.
 */
export function selectServices(project: ComposeProject, requested: readonly string[]): Selection {
	const byName = new Map(allServices(project).map(service => [service.name, service]));
	const unknown = requested.filter(name => !byName.has(name));
	const roots = requested.length > 0 ? requested.filter(name => byName.has(name)) : project.services.map(service => service.name);
	const chosen = new Set<string>();
	const visit = (name: string) => {
		const service = byName.get(name);
		if (service === undefined || chosen.has(name)) {
			return;
		}

		chosen.add(name);
		for (const dependency of dependenciesOf(service)) {
			visit(dependency.service);
		}
	};

	for (const name of roots) {
		visit(name);
	}

	return {services: [...byName.keys()].filter(name => chosen.has(name)), unknown};
}

/** depends_on of each given service. */
export function dependencyMap(project: ComposeProject, services: readonly string[]): Record<string, Dependency[]> {
	const byName = new Map(allServices(project).map(service => [service.name, service]));
	return Object.fromEntries(services.map(name => {
		const service = byName.get(name);
		return [name, service === undefined ? [] : dependenciesOf(service)];
	}));
}

/**
 * The services in waves: each wave depends only on earlier ones. Restart walks the waves
 * forwards, stop and down walk them backwards. Throws on a cycle, naming its services.
 */
export function dependencyWaves(project: ComposeProject, services: readonly string[]): string[][] {
	const selected = new Set(services);
	const remaining = new Map(
		allServices(project)
			.filter(service => selected.has(service.name))
			.map(service => [service.name, dependenciesOf(service).map(dependency => dependency.service).filter(name => selected.has(name))]),
	);
	const waves: string[][] = [];
	const done = new Set<string>();
	while (remaining.size > 0) {
		const wave = [...remaining].filter(([, dependencies]) => dependencies.every(name => done.has(name))).map(([name]) => name);
		if (wave.length === 0) {
			throw new Error(`depends_on cycle between ${[...remaining.keys()].join(', ')}`);
		}

		for (const name of wave) {
			remaining.delete(name);
			done.add(name);
		}

		waves.push(wave);
	}

	return waves;
}

/** Services that a selected dependent waits on with service_completed_successfully. */
export function servicesAwaitedToComplete(project: ComposeProject, services: readonly string[]): Set<string> {
	const selected = new Set(services);
	const awaited = new Set<string>();
	for (const service of allServices(project)) {
		if (selected.has(service.name)) {
			for (const dependency of dependenciesOf(service)) {
				if (dependency.condition === 'service_completed_successfully') {
					awaited.add(dependency.service);
				}
			}
		}
	}

	return awaited;
}
