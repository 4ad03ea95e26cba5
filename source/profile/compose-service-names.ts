import {ConfigError} from '../config/config-error.js';
import {readYamlFile} from '../config/yaml-file.js';
import {displayPath} from './display-path.js';

/**
 * The service names of a compose file set, merged like `compose -f a -f b`, in order of first
 * appearance. Only the top-level `services:` keys are read: a stand-in until the compose loader
 * (source/compose/) can supply the names of a fully validated project.
 */
export function composeServiceNames(files: readonly string[]): string[] {
	const names = new Set<string>();
	for (const file of files) {
		const yamlFile = readYamlFile(file, displayPath(file));
		const {value} = yamlFile;
		if (value === null || value === undefined) {
			continue;
		}

		if (typeof value !== 'object' || Array.isArray(value)) {
			throw new ConfigError(yamlFile.locate([]), 'a compose file must be a mapping (services: ...)');
		}

		const services = (value as Record<string, unknown>)['services'];
		if (services === undefined || services === null) {
			continue;
		}

		if (typeof services !== 'object' || Array.isArray(services)) {
			throw new ConfigError(yamlFile.locate(['services']), 'services: expected a mapping of service names');
		}

		for (const name of Object.keys(services)) {
			names.add(name);
		}
	}

	return [...names];
}
