import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {parseEnvFile} from './env-file.js';
import type {Lookup} from './interpolation.js';
import {isMapping} from './path.js';
import {stringValues, type FieldReader} from './field-reader.js';
import type {ComposeService} from './types.js';

export type EnvironmentContext = {
	readonly reader: FieldReader;
	readonly workingDir: string;
	/** The interpolation variables: process environment over the project's .env. */
	readonly lookup: Lookup;
	readonly display: (file: string) => string;
};

/**
 * The container environment: every env_file in order (relative to the project directory), then
 * `environment:`, which wins. A variable written without a value takes it from `lookup`, and is
 * left out when that has none, as compose does.
 */
export function readEnvironment({reader, workingDir, lookup, display}: EnvironmentContext): Record<string, string> {
	const environment: Record<string, string> = {};
	const files = reader.value(['env_file']);
	for (const [index, entry] of (Array.isArray(files) ? files : []).entries()) {
		const relative = isMapping(entry) ? String(entry['path']) : String(entry);
		const isRequired = isMapping(entry) ? reader.boolean(['env_file', index, 'required']) !== false : true;
		const file = path.resolve(workingDir, relative);
		if (!existsSync(file)) {
			if (isRequired) {
				reader.fail(['env_file', index], `env file not found: ${display(file)}`);
			}

			continue;
		}

		Object.assign(environment, parseEnvFile(readFileSync(file, 'utf8'), display(file), lookup));
	}

	return {...environment, ...stringValues(reader.value(['environment']), lookup)};
}

/** `build:` as a context directory (absolute, unless a URL), a Dockerfile in it, and build args. */
export function readBuild(reader: FieldReader, workingDir: string, lookup: Lookup): ComposeService['build'] {
	if (reader.value(['build']) === undefined) {
		return undefined;
	}

	const context = reader.string(['build', 'context']) ?? '.';
	const isRemote = /^[a-z][a-z\d+.-]*:\/\//i.test(context) || context.startsWith('git@') || context.startsWith('github.com/');
	return {
		context: isRemote ? context : path.resolve(workingDir, context),
		dockerfile: reader.string(['build', 'dockerfile']) ?? 'Dockerfile',
		args: stringValues(reader.value(['build', 'args']), lookup),
	};
}

/** Labels; one written without a value is an empty label. */
export function readLabels(reader: FieldReader): Record<string, string> {
	return stringValues(reader.value(['labels']), () => '');
}
