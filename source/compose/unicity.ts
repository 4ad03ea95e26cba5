import {normalizeContainerPath} from './container-path.js';
import {isMapping, type ValuePath} from './path.js';
import {buildList, buildMapping, child, entriesOf, itemsOf, type Tracked} from './tracked.js';

type Indexer = (entry: unknown) => string;

const byName: Indexer = entry => String(entry).split('=')[0] ?? '';
const byString: Indexer = entry => (typeof entry === 'string' ? entry : JSON.stringify(entry));

function byMountTarget(directory: string): Indexer {
	return entry => {
		if (typeof entry === 'string') {
			return `${directory}/${entry}`;
		}

		const mapping = isMapping(entry) ? entry : {};
		return typeof mapping['target'] === 'string' ? mapping['target'] : `${directory}/${String(mapping['source'])}`;
	};
}

const byVolumeTarget: Indexer = entry => {
	if (isMapping(entry)) {
		return normalizeContainerPath(String(entry['target'] ?? ''));
	}

	const parts = String(entry).split(':');
	return normalizeContainerPath((parts.length === 1 ? parts[0] : parts[1]) ?? '');
};

const byPort: Indexer = entry => {
	if (!isMapping(entry)) {
		return String(entry);
	}

	return `${String(entry['host_ip'] ?? '0.0.0.0')}:${String(entry['published'] ?? '')}:${String(entry['target'])}/${String(entry['protocol'] ?? 'tcp')}`;
};

/** compose-go's override/uncity.go: the key by which a list drops repeats, per service key. */
const serviceIndexers: Readonly<Record<string, Indexer>> = {
	cap_add: byName,
	cap_drop: byName,
	dns: byName,
	dns_opt: byName,
	dns_search: byName,
	links: byName,
	profiles: byName,
	tmpfs: byName,
	expose: byString,
	ports: byPort,
	volumes: byVolumeTarget,
	secrets: byMountTarget('/run/secrets'),
	configs: byMountTarget(''),
	env_file: entry => (isMapping(entry) ? String(entry['path']) : String(entry)),
	devices: entry => (isMapping(entry) ? String(entry['target']) : String(entry).split(':')[1] ?? String(entry)),
};

/** The indexer for the list at `path`, when compose drops its repeats. */
function indexerAt(path: ValuePath): Indexer | undefined {
	if (path[0] !== 'services') {
		return undefined;
	}

	if (path.length === 3) {
		return serviceIndexers[String(path[2])];
	}

	if (path.length === 4 && path[2] === 'build' && (path[3] === 'tags' || path[3] === 'platforms')) {
		return byName;
	}

	return path.length === 5 && path[2] === 'networks' && path[4] === 'aliases' ? byName : undefined;
}

/** A list with repeats dropped by key: a later entry takes the place of the earlier one. Other values as they are. */
export function enforceUnicity(tracked: Tracked, path: ValuePath): Tracked {
	const indexer = Array.isArray(tracked.value) ? indexerAt(path) : undefined;
	if (indexer === undefined) {
		return tracked;
	}

	const kept: Tracked[] = [];
	const positions = new Map<string, number>();
	for (const item of itemsOf(tracked)) {
		const key = indexer(item.value);
		const position = positions.get(key);
		if (position === undefined) {
			positions.set(key, kept.length);
			kept.push(item);
		} else {
			kept[position] = item;
		}
	}

	return kept.length === (tracked.value as unknown[]).length ? tracked : buildList(tracked.origin, kept);
}

/** Every list of every service with repeats dropped (compose does this for each file, too). */
export function enforceFileUnicity(file: Tracked): Tracked {
	return mapServices(file, (service, name) => mapEntries(service, (value, key) => {
		const path = ['services', name, key];
		if (key === 'networks' && isMapping(value.value)) {
			return mapEntries(value, (network, networkKey) => mapEntries(network, (inner, innerKey) => enforceUnicity(inner, [...path, networkKey, innerKey])));
		}

		return key === 'build' ? mapEntries(value, (inner, innerKey) => enforceUnicity(inner, [...path, innerKey])) : enforceUnicity(value, path);
	}));
}

function mapEntries(tracked: Tracked, change: (value: Tracked, key: string) => Tracked): Tracked {
	if (!isMapping(tracked.value)) {
		return tracked;
	}

	return buildMapping(tracked.origin, entriesOf(tracked).map(([key, value]) => [key, change(value, key)] as const));
}

function mapServices(file: Tracked, change: (service: Tracked, name: string) => Tracked): Tracked {
	const services = child(file, 'services');
	if (!isMapping(services.value)) {
		return file;
	}

	return mapEntries(file, (value, key) => (key === 'services' ? mapEntries(services, change) : value));
}
