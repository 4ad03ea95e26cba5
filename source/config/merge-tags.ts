import {Scalar, YAMLMap, visit, type Document} from 'yaml';

/** What `!reset` leaves in a compose file's value: the key is removed when files are merged. */
export const resetMarker = '\u0000stacktui:reset';

/** The key of the one-entry mapping `!override X` becomes: X replaces the base's value whole. */
export const overrideKey = '\u0000stacktui:override';

/**
 * Compose's merge tags, as values the loader can see after toJS: `!reset` (remove what earlier
 * files set) becomes resetMarker, `!override` (replace, do not merge) wraps its value in a
 * mapping under overrideKey.
 */
export function markMergeTags(document: Document): void {
	visit(document, {
		Node(_key, node) {
			if (node.tag === '!reset') {
				const marker = new Scalar(resetMarker);
				marker.range = node.range;
				return marker;
			}

			if (node.tag === '!override') {
				node.tag = undefined;
				const wrapper = new YAMLMap();
				wrapper.set(overrideKey, node);
				wrapper.range = node.range;
				return wrapper;
			}

			return undefined;
		},
	});
}
