import {isDeepStrictEqual} from 'node:util';

/** The paths at which two JSON values differ, each with both sides: a short message for a failed case. */
export function differences(actual: unknown, expected: unknown, path = ''): string[] {
	if (isDeepStrictEqual(actual, expected)) {
		return [];
	}

	const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
	if (isObject(actual) && isObject(expected) && Array.isArray(actual) === Array.isArray(expected) && !Array.isArray(actual)) {
		return [...new Set([...Object.keys(actual), ...Object.keys(expected)])].flatMap(key => differences(actual[key], expected[key], `${path}.${key}`));
	}

	return [`${path || '.'}: stacktui ${JSON.stringify(actual)} / compose ${JSON.stringify(expected)}`];
}
