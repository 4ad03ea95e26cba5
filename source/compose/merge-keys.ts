import {isMapping} from './path.js';

/**
 * Applies YAML merge keys (`<<: *anchor`, `<<: [*a, *b]`), which compose files use to share
 * settings: keys written in the mapping win, then earlier sources over later ones.
 */
export function expandMergeKeys(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(item => expandMergeKeys(item));
	}

	if (!isMapping(value)) {
		return value;
	}

	const result: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		if (key !== '<<') {
			result[key] = expandMergeKeys(item);
		}
	}

	const merged = value['<<'];
	for (const source of Array.isArray(merged) ? merged : [merged]) {
		if (isMapping(source)) {
			for (const [key, item] of Object.entries(expandMergeKeys(source) as Record<string, unknown>)) {
				if (!(key in result)) {
					result[key] = item;
				}
			}
		}
	}

	return result;
}
