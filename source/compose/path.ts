import type {Location} from '../config/config-error.js';

/** A path into a compose file's value: mapping keys and sequence indexes. */
export type ValuePath = ReadonlyArray<string | number>;

/** Finds where the value at a path (or, with isKey, its key) is written. */
export type Locate = (path: ValuePath, isKey?: boolean) => Location;

/** `services.db.ports[0]`, as messages name a field. */
export function formatPath(path: ValuePath): string {
	let text = '';
	for (const segment of path) {
		text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
	}

	return text;
}

/** A mapping (not a list, not null) as parsed from YAML. */
export function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `file:line:col`, the prefix of every warning line. */
export function where(location: Location): string {
	return `${location.file}:${location.line}:${location.column}`;
}
