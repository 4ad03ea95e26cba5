import path from 'node:path';
import {ConfigError, fileStart} from '../config/config-error.js';
import {readYamlFile} from '../config/yaml-file.js';
import {canonicalFile} from './canonical.js';
import type {Lookup} from './interpolation.js';
import {interpolateValues} from './interpolate-values.js';
import {expandMergeKeys} from './merge-keys.js';
import {isMapping} from './path.js';
import {resolveRelativePaths} from './resolve-paths.js';
import {fileValue, type Tracked} from './tracked.js';

/** What reading any compose file needs: variables, the home directory, how paths show, where warnings go. */
export type ReadContext = {
	readonly lookup: Lookup;
	readonly home: string;
	readonly display: (file: string) => string;
	readonly warn: (line: string) => void;
};

/**
 * One compose file, parsed (size and alias limits), interpolated, canonical (see canonical.ts),
 * with its relative paths resolved against `directory`. undefined for an empty file (or only
 * comments), which compose skips. A top level that is not a mapping is a ConfigError.
 */
export function readComposeFile(file: string, directory: string, context: ReadContext): Tracked | undefined {
	const yamlFile = readYamlFile(file, context.display(file), {isComposeFile: true});
	if (yamlFile.value === null || yamlFile.value === undefined) {
		return undefined;
	}

	if (!isMapping(yamlFile.value)) {
		throw new ConfigError(yamlFile.locate([]), 'a compose file must be a mapping (services: ...)');
	}

	const interpolated = interpolateValues(expandMergeKeys(yamlFile.value), context.lookup, yamlFile.locate);
	for (const warning of interpolated.warnings) {
		context.warn(warning);
	}

	return resolveRelativePaths(canonicalFile(fileValue(interpolated.value, yamlFile.locate)), {directory, home: context.home});
}

/** A ConfigError for a whole file (no place inside it to point at). */
export function fileError(file: string, context: ReadContext, reason: string): ConfigError {
	return new ConfigError(fileStart(context.display(path.resolve(file))), reason);
}
