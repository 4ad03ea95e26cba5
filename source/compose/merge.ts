import {overrideKey, resetMarker} from '../config/merge-tags.js';
import {isMapping, type ValuePath} from './path.js';
import {enforceUnicity} from './unicity.js';
import {buildList, buildMapping, child, entriesOf, itemsOf, type Tracked} from './tracked.js';

/** Lists that an override replaces; compose appends every other list (then drops repeats, see unicity.ts). */
const replacedLists = new Set(['command', 'entrypoint']);

/**
 * Merges canonical compose files like `docker compose -f a -f b` (compose-go's override.Merge):
 * mappings deeply (environment, labels, depends_on, networks, build args merge by key),
 * scalars replaced, an empty value keeps the base, lists appended except command, entrypoint
 * and healthcheck.test; a ulimit is replaced whole. Repeats are then dropped by key: a volume by
 * container path, a port, a secret by target, cap_add by name (the later entry in the place of
 * the earlier), as compose does.
 */
export function mergeFiles(files: readonly Tracked[]): Tracked | undefined {
	return files.reduce<Tracked | undefined>((merged, file) => (merged === undefined ? file : mergeValues(merged, file, [])), undefined);
}

/** One service over another at services.NAME: what `extends` does. */
export function mergeService(base: Tracked, override: Tracked, name: string): Tracked {
	return enforceUnicity(mergeValues(base, override, ['services', name]), ['services', name]);
}

export function mergeValues(base: Tracked, override: Tracked, path: ValuePath): Tracked {
	if (override.value === null || override.value === undefined) {
		return base;
	}

	if (isMapping(override.value) && overrideKey in override.value) {
		return stripMergeTags(child(override, overrideKey));
	}

	const isService = path.length >= 2 && path[0] === 'services';
	if (isService && path.length === 4 && path[2] === 'ulimits') {
		return override;
	}

	if (isMapping(base.value) && isMapping(override.value)) {
		const entries = new Map(entriesOf(base));
		for (const [key, value] of entriesOf(override)) {
			const previous = entries.get(key);
			if (value.value === resetMarker) {
				entries.delete(key);
				continue;
			}

			entries.set(key, previous === undefined ? stripMergeTags(value) : mergeValues(previous, value, [...path, key]));
		}

		return enforceUnicity(buildMapping(override.origin, [...entries]), path);
	}

	if (Array.isArray(base.value) && Array.isArray(override.value)) {
		const key = path.at(-1);
		const isReplaced = isService && ((path.length === 3 && replacedLists.has(String(key))) || (path.length === 4 && path[2] === 'healthcheck' && key === 'test'));
		return isReplaced ? stripMergeTags(override) : enforceUnicity(buildList(override.origin, [...itemsOf(base), ...itemsOf(override).map(item => stripMergeTags(item))]), path);
	}

	return stripMergeTags(override);
}

/** A value with no merge tags left: `!reset` entries dropped, `!override` unwrapped (for a value merged over nothing). */
export function stripMergeTags(tracked: Tracked): Tracked {
	if (Array.isArray(tracked.value)) {
		return tracked.value.some(item => typeof item === 'object' && item !== null) ? buildList(tracked.origin, itemsOf(tracked).map(item => stripMergeTags(item))) : tracked;
	}

	if (!isMapping(tracked.value)) {
		return tracked;
	}

	if (overrideKey in tracked.value) {
		return stripMergeTags(child(tracked, overrideKey));
	}

	return buildMapping(tracked.origin, entriesOf(tracked).filter(([, value]) => value.value !== resetMarker).map(([key, value]) => [key, stripMergeTags(value)] as const));
}
