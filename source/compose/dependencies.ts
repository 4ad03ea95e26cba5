import type {FieldReader} from './field-reader.js';
import {isMapping} from './path.js';
import type {ComposeProject, ComposeService, DependsOnCondition} from './types.js';

const conditions = new Set<string>(['service_started', 'service_healthy', 'service_completed_successfully']);

/**
 * depends_on as a mapping; every named service must exist. As compose-go's normalization does,
 * `links`, `volumes_from` and a `service:NAME` network_mode, ipc, pid, uts or cgroup add a
 * dependency (service_started) on that service when depends_on does not name it.
 */
export function readDependsOn(reader: FieldReader, services: readonly string[]): ComposeService['dependsOn'] {
	const listed = reader.value(['depends_on']);
	const dependsOn: Record<string, {condition: DependsOnCondition; isRequired: boolean}> = {};
	for (const name of isMapping(listed) ? Object.keys(listed) : []) {
		reader.reference(['depends_on', name], name, services, `unknown service "${name}"`, true);
		const condition = reader.string(['depends_on', name, 'condition']) ?? 'service_started';
		if (!conditions.has(condition)) {
			reader.fail(['depends_on', name, 'condition'], `must be one of ${[...conditions].join(', ')}`);
		}

		dependsOn[name] = {condition: condition as DependsOnCondition, isRequired: reader.boolean(['depends_on', name, 'required']) ?? true};
	}

	for (const {path, name} of implicitDependencies(reader)) {
		reader.reference(path, name, services, `unknown service "${name}"`);
		dependsOn[name] ??= {condition: 'service_started', isRequired: true};
	}

	return dependsOn;
}

function implicitDependencies(reader: FieldReader): Array<{path: Array<string | number>; name: string}> {
	const list = (key: string) => {
		const value = reader.value([key]);
		return Array.isArray(value) ? value.map((entry, index) => ({path: [key, index], text: String(entry)})) : [];
	};

	const links = list('links').map(({path, text}) => ({path, name: text.split(':')[0] ?? text}));
	const namespaces = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup']
		.map(key => ({path: [key], text: reader.value([key])}))
		.filter((entry): entry is {path: string[]; text: string} => typeof entry.text === 'string' && entry.text.startsWith('service:'))
		.map(({path, text}) => ({path, name: text.slice('service:'.length)}));
	const volumesFrom = list('volumes_from')
		.filter(({text}) => !text.startsWith('container:'))
		.map(({path, text}) => ({path, name: text.split(':')[0] ?? text}));
	return [...links, ...namespaces, ...volumesFrom];
}

/** The services a service needs started first: depends_on, and the service of `network_mode: service:NAME`. */
export function prerequisites(service: ComposeService): string[] {
	const names = Object.keys(service.dependsOn);
	const shared = service.networkMode?.startsWith('service:') ? service.networkMode.slice('service:'.length) : undefined;
	return shared === undefined || names.includes(shared) ? names : [...names, shared];
}

/** The first dependency cycle, as the names along it ending where it started (a, b, a), if any. */
export function findCycle(services: readonly ComposeService[]): string[] | undefined {
	const byName = new Map(services.map(service => [service.name, service]));
	const done = new Set<string>();
	const trail: string[] = [];
	const visit = (name: string): string[] | undefined => {
		const start = trail.indexOf(name);
		if (start !== -1) {
			return [...trail.slice(start), name];
		}

		const service = byName.get(name);
		if (done.has(name) || service === undefined) {
			return undefined;
		}

		trail.push(name);
		for (const next of prerequisites(service)) {
			const cycle = visit(next);
			if (cycle !== undefined) {
				return cycle;
			}
		}

		trail.pop();
		done.add(name);
		return undefined;
	};

	for (const service of services) {
		const cycle = visit(service.name);
		if (cycle !== undefined) {
			return cycle;
		}
	}

	return undefined;
}

/**
 * The project's services in start order, as layers: every service of a layer depends only on
 * services of earlier layers, so a layer can start in parallel. File order within a layer.
 * Dependencies outside the project (disabled by profiles) are ignored. Throws on a cycle.
 */
export function dependencyOrder(project: Pick<ComposeProject, 'services'>): ComposeService[][] {
	const names = new Set(project.services.map(service => service.name));
	const started = new Set<string>();
	let remaining = [...project.services];
	const layers: ComposeService[][] = [];
	while (remaining.length > 0) {
		const layer = remaining.filter(service => prerequisites(service).every(name => started.has(name) || !names.has(name)));
		if (layer.length === 0) {
			throw new Error(`dependency cycle: ${(findCycle(remaining) ?? remaining.map(service => service.name)).join(' → ')}`);
		}

		for (const service of layer) {
			started.add(service.name);
		}

		remaining = remaining.filter(service => !started.has(service.name));
		layers.push(layer);
	}

	return layers;
}
