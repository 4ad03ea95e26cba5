import {ConfigError} from '../config/config-error.js';
import {didYouMean} from '../config/did-you-mean.js';
import {parseDuration, parseSize} from '../config/units.js';
import {formatPath, isMapping, where, type ValuePath} from './path.js';
import {child, locateIn, type Tracked} from './tracked.js';

/** Typed reads of one part of the merged compose model (a service, a network), failing with file:line:col. */
export type FieldReader = {
	readonly value: (path: ValuePath) => unknown;
	readonly tracked: (path: ValuePath) => Tracked;
	/** A ConfigError at the value (or key) at `path`, naming the field in full. */
	readonly fail: (path: ValuePath, reason: string, isKey?: boolean) => never;
	/** A warning line about the value at `path`. */
	readonly warning: (path: ValuePath, reason: string) => string;
	readonly string: (path: ValuePath) => string | undefined;
	readonly boolean: (path: ValuePath) => boolean | undefined;
	/** A non-negative whole number, written as a number or a numeric string. */
	readonly count: (path: ValuePath) => number | undefined;
	readonly durationMs: (path: ValuePath) => number | undefined;
	readonly sizeBytes: (path: ValuePath) => number | undefined;
	/** Fails with `reason` and a did-you-mean unless `name` is one of `known`. */
	readonly reference: (path: ValuePath, name: string, known: readonly string[], reason: string, isKey?: boolean) => void;
};

export function fieldReader(root: Tracked, prefix: ValuePath): FieldReader {
	const tracked = (path: ValuePath) => path.reduce<Tracked>((node, key) => child(node, key), root);
	const value = (path: ValuePath) => tracked(path).value;
	const fail = (path: ValuePath, reason: string, isKey = false): never => {
		throw new ConfigError(locateIn(root.origin, path, isKey), `${formatPath([...prefix, ...path])}: ${reason}`);
	};

	const parsed = <T>(path: ValuePath, parse: (raw: unknown) => T | undefined, expected: string): T | undefined => {
		const raw = value(path);
		if (raw === undefined || raw === null) {
			return undefined;
		}

		return parse(raw) ?? fail(path, `${JSON.stringify(raw)} is not ${expected}`);
	};

	return {
		value,
		tracked,
		fail,
		warning: (path, reason) => `${where(locateIn(root.origin, path, true))}: ${formatPath([...prefix, ...path])} ${reason}`,
		string: path => parsed(path, raw => (typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : undefined), 'a string'),
		boolean: path => parsed(path, raw => (raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : undefined), 'true or false'),
		count: path => parsed(path, raw => (/^\d+$/.test(String(raw)) ? Number(raw) : undefined), 'a whole number'),
		durationMs: path => parsed(path, parseDuration, 'a duration (like 30s, 1m30s or 500ms)'),
		sizeBytes: path => parsed(path, parseSize, 'a size (like 512m, 1g or 200MiB)'),
		reference(path, name, known, reason, isKey = false) {
			if (!known.includes(name)) {
				fail(path, `${reason}${didYouMean(name, known)}`, isKey);
			}
		},
	};
}

/** A mapping of scalars as strings (null → `empty`); YAML numbers and booleans as compose writes them. */
export function stringValues(value: unknown, empty: (key: string) => string | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, item] of Object.entries(isMapping(value) ? value : {})) {
		const text = item === null || item === undefined ? empty(key) : String(item);
		if (text !== undefined) {
			result[key] = text;
		}
	}

	return result;
}
