import {ConfigError} from '../config/config-error.js';
import {interpolate, InterpolationError, type Lookup} from './interpolation.js';
import {formatPath, isMapping, where, type Locate, type ValuePath} from './path.js';

export type InterpolatedValues = {
	readonly value: unknown;
	/** One line per unset variable, at its first use. */
	readonly warnings: readonly string[];
};

/**
 * Interpolates every string value of a parsed compose file (keys stay as written). A failed
 * `${VAR:?message}` or a malformed template is a ConfigError at the value.
 */
export function interpolateValues(value: unknown, lookup: Lookup, locate: Locate): InterpolatedValues {
	const warned = new Set<string>();
	const warnings: string[] = [];
	const visit = (node: unknown, path: ValuePath): unknown => {
		if (typeof node === 'string') {
			return substitute(node, path);
		}

		if (Array.isArray(node)) {
			return node.map((item, index) => visit(item, [...path, index]));
		}

		if (isMapping(node)) {
			return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, visit(item, [...path, key])]));
		}

		return node;
	};

	const substitute = (text: string, path: ValuePath): string => {
		try {
			const result = interpolate(text, lookup);
			for (const name of result.unset.filter(name => !warned.has(name))) {
				warned.add(name);
				warnings.push(`${where(locate(path))}: variable ${name} is not set, substituting an empty string`);
			}

			return result.value;
		} catch (error) {
			if (error instanceof InterpolationError) {
				throw new ConfigError(locate(path), `${formatPath(path)}: ${error.message}`);
			}

			throw error;
		}
	};

	return {value: visit(value, []), warnings};
}
