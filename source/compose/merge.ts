import {isMapping, type ValuePath} from './path.js';
import {volumeTarget} from './volumes.js';
import {buildList, buildMapping, entriesOf, itemsOf, type Tracked} from './tracked.js';

/** Service lists that compose appends across files (dropping repeats); other lists are replaced. */
const appendedKeys = new Set([
	'ports', 'expose', 'dns', 'dns_search', 'dns_opt', 'tmpfs', 'cap_add', 'cap_drop', 'security_opt', 'external_links',
	'links', 'group_add', 'extra_hosts', 'env_file', 'devices', 'volumes_from', 'device_cgroup_rules',
]);

/**
 * Merges canonical compose files like `docker compose -f a -f b`: mappings deeply (so
 * environment, labels, depends_on, networks, build args merge by key), scalars and other lists
 * (command, entrypoint, healthcheck.test) replaced, ports/expose/extra_hosts/env_file… appended,
 * and volumes merged by container path.
 */
export function mergeFiles(files: readonly Tracked[]): Tracked | undefined {
	return files.reduce<Tracked | undefined>((merged, file) => (merged === undefined ? file : mergeValues(merged, file, [])), undefined);
}

function mergeValues(base: Tracked, override: Tracked, path: ValuePath): Tracked {
	if (isMapping(base.value) && (override.value === null || override.value === undefined)) {
		return base;
	}

	if (isMapping(base.value) && isMapping(override.value)) {
		const entries = new Map(entriesOf(base));
		for (const [key, value] of entriesOf(override)) {
			const previous = entries.get(key);
			entries.set(key, previous === undefined ? value : mergeValues(previous, value, [...path, key]));
		}

		return buildMapping(override.origin, [...entries]);
	}

	if (Array.isArray(base.value) && Array.isArray(override.value) && path.length === 3 && path[0] === 'services') {
		const key = path[2];
		if (key === 'volumes') {
			const targets = new Set(override.value.map(volumeTarget));
			return buildList(override.origin, [...itemsOf(base).filter(item => !targets.has(volumeTarget(item.value))), ...itemsOf(override)]);
		}

		if (typeof key === 'string' && appendedKeys.has(key)) {
			const seen = new Set(base.value.map(item => JSON.stringify(item)));
			return buildList(override.origin, [...itemsOf(base), ...itemsOf(override).filter(item => !seen.has(JSON.stringify(item.value)))]);
		}
	}

	return override;
}
