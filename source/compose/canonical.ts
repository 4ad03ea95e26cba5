import {isMapping} from './path.js';
import {buildList, buildMapping, entriesOf, itemsOf, type Tracked} from './tracked.js';

const listOrMappingKeys = ['environment', 'labels', 'annotations', 'sysctls'];

/**
 * One compose file in the single shape that merging and normalizing expect: `KEY=VALUE` lists
 * become mappings, depends_on and networks lists become mappings, `build: DIR` becomes
 * `{context: DIR}`, `env_file: FILE` a list, and extra_hosts a list of "host:ip". Compose
 * merges files in this shape too, which is why it is done first.
 */
export function canonicalFile(file: Tracked): Tracked {
	return reshape(file, {services: services => reshape(services, Object.fromEntries(entriesOf(services).map(([name]) => [name, canonicalService])))});
}

function canonicalService(service: Tracked): Tracked {
	const byKey: Record<string, (value: Tracked) => Tracked> = {
		depends_on: value => listToMapping(value, () => ({condition: 'service_started', required: true})),
		networks: value => listToMapping(value, () => null),
		build: value => (typeof value.value === 'string' ? buildMapping(value.origin, [['context', value]]) : reshape(value, {args: keyValues})),
		deploy: value => reshape(value, {labels: keyValues}),
		env_file: value => (typeof value.value === 'string' ? buildList(value.origin, [value]) : value),
		extra_hosts: hostList,
	};
	for (const key of listOrMappingKeys) {
		byKey[key] = keyValues;
	}

	return reshape(service, byKey);
}

/** The mapping with the given keys transformed, the others kept. */
function reshape(tracked: Tracked, byKey: Readonly<Record<string, (value: Tracked) => Tracked>>): Tracked {
	if (!isMapping(tracked.value)) {
		return tracked;
	}

	return buildMapping(
		tracked.origin,
		entriesOf(tracked).map(([key, value]) => [key, byKey[key]?.(value) ?? value] as const),
	);
}

/** ["A=1", "B"] → {A: "1", B: null}; a mapping stays as it is. */
function keyValues(tracked: Tracked): Tracked {
	// A list of anything but strings is left for the schema to reject.
	if (!Array.isArray(tracked.value) || !tracked.value.every(item => typeof item === 'string' || typeof item === 'number')) {
		return tracked;
	}

	return buildMapping(
		tracked.origin,
		itemsOf(tracked).map(item => {
			const text = String(item.value);
			const equals = text.indexOf('=');
			return equals === -1 ? [text, {...item, value: null}] : [text.slice(0, equals), {...item, value: text.slice(equals + 1)}];
		}),
	);
}

function listToMapping(tracked: Tracked, valueOf: () => unknown): Tracked {
	if (!Array.isArray(tracked.value) || !tracked.value.every(item => typeof item === 'string')) {
		return tracked;
	}

	return buildMapping(tracked.origin, itemsOf(tracked).map(item => [String(item.value), {...item, value: valueOf()}]));
}

/** {host: ip} and {host: [ip, ip]} → ["host:ip", …]; "host=ip" → "host:ip". */
function hostList(tracked: Tracked): Tracked {
	const entries = isMapping(tracked.value)
		? entriesOf(tracked).flatMap(([host, ips]) => (Array.isArray(ips.value) ? itemsOf(ips) : [ips]).map(ip => ({...ip, value: `${host}:${String(ip.value)}`})))
		: itemsOf(tracked).map(item => ({...item, value: String(item.value).replace(/^([^:=]+)=/, '$1:')}));
	return buildList(tracked.origin, entries);
}
