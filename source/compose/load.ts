import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {ConfigError, fileStart} from '../config/config-error.js';
import {readYamlFile} from '../config/yaml-file.js';
import {canonicalFile} from './canonical.js';
import {readEnvFile} from './env-file.js';
import {fieldReader} from './field-reader.js';
import {interpolateValues} from './interpolate-values.js';
import {expandMergeKeys} from './merge-keys.js';
import {mergeFiles} from './merge.js';
import {isMapping} from './path.js';
import {declaredKeys, readNetworks, readVolumes} from './resources.js';
import {validateComposeFile} from './schema.js';
import {checkServices} from './check-services.js';
import {normalizeService} from './service.js';
import {child, fileValue, locateIn, type Tracked} from './tracked.js';
import type {ComposeProject} from './types.js';
import {unappliedKeys} from './unapplied.js';

export type LoadOptions = {
	/** Compose files, merged in order like `docker compose -f a -f b`. */
	readonly files: readonly string[];
	/** Default: COMPOSE_PROJECT_NAME, then the files' `name:`, then the first file's directory name. */
	readonly projectName?: string;
	/** The .env file for ${VAR}; default: `.env` beside the first compose file, when it exists. */
	readonly envFile?: string;
	/** Variables for ${VAR}, over the .env file's; default: process.env. */
	readonly environment?: Readonly<Record<string, string | undefined>>;
	/** Compose profiles to activate; default: COMPOSE_PROFILES. "*" activates all. */
	readonly activeProfiles?: readonly string[];
	/** How error and warning lines show a file path; default: relative to the current directory when inside it. */
	readonly display?: (file: string) => string;
};

const projectNamePattern = /^[a-z\d][a-z\d_-]*$/;

/**
 * Reads compose files into the model `up` creates: each is parsed, interpolated, validated
 * against the compose-spec schema and checked for keys stacktui does not apply (warnings);
 * then they are merged and every service normalized. Every problem is a ConfigError
 * (`file:line:col: message`).
 */
export function loadComposeProject(options: LoadOptions): ComposeProject {
	const display = options.display ?? relativeToCwd;
	const configFiles = options.files.map(file => path.resolve(file));
	const [firstFile] = configFiles;
	if (firstFile === undefined) {
		throw new Error('no compose file given');
	}

	const workingDir = path.dirname(firstFile);
	const environment = options.environment ?? process.env;
	const envFile = options.envFile === undefined ? path.join(workingDir, '.env') : path.resolve(options.envFile);
	const dotenv = options.envFile !== undefined || existsSync(envFile) ? readEnvFile(envFile, display(envFile), name => environment[name]) : {};
	const lookup = (name: string) => environment[name] ?? dotenv[name];
	const warnings: string[] = [];
	const files = configFiles.map(file => {
		const yamlFile = readYamlFile(file, display(file));
		if (yamlFile.value === null || yamlFile.value === undefined) {
			throw new ConfigError(fileStart(yamlFile.file), 'empty compose file');
		}

		const interpolated = interpolateValues(expandMergeKeys(yamlFile.value), lookup, yamlFile.locate);
		validateComposeFile(interpolated.value, yamlFile.locate);
		warnings.push(...interpolated.warnings, ...unappliedKeys(interpolated.value, yamlFile.locate));
		return canonicalFile(fileValue(interpolated.value, yamlFile.locate));
	});
	const merged = mergeFiles(files) ?? fileValue({}, () => fileStart(display(firstFile)));
	const name = projectName(options.projectName ?? lookup('COMPOSE_PROJECT_NAME'), merged, workingDir);
	const servicesNode = child(merged, 'services');
	const serviceNames = isMapping(servicesNode.value) ? Object.keys(servicesNode.value) : [];
	const declared = {services: serviceNames, networks: declaredKeys(merged, 'networks'), volumes: declaredKeys(merged, 'volumes')};
	const home = environment['HOME'] ?? os.homedir();
	const readerOf = (service: string) => fieldReader(child(servicesNode, service), ['services', service]);
	const warn = (line: string) => warnings.push(line);
	const services = serviceNames.map(service => normalizeService({name: service, reader: readerOf(service), declared, workingDir, home, lookup, display, warn}));
	const profiles = options.activeProfiles ?? (lookup('COMPOSE_PROFILES') ?? '').split(',').map(profile => profile.trim()).filter(Boolean);
	const {active, disabled} = checkServices(services, readerOf, profiles, warn);
	return {
		name,
		workingDir,
		configFiles,
		services: active,
		disabledServices: disabled,
		networks: readNetworks(merged, name, services.some(service => service.networks['default'] !== undefined)),
		volumes: readVolumes(merged, name),
		warnings,
	};
}

function projectName(given: string | undefined, merged: Tracked, workingDir: string): string {
	const written = child(merged, 'name').value;
	const name = given ?? (typeof written === 'string' ? written : undefined);
	if (name === undefined) {
		return path.basename(workingDir).toLowerCase().replaceAll(/[^a-z\d_-]/g, '').replace(/^[_-]+/, '') || 'default';
	}

	if (!projectNamePattern.test(name)) {
		const reason = `"${name}" is not a valid project name (lowercase letters, digits, "-" and "_", starting with a letter or digit)`;
		if (given === undefined) {
			fieldReader(merged, []).fail(['name'], reason);
		}

		throw new ConfigError(locateIn(merged.origin, []), reason);
	}

	return name;
}

function relativeToCwd(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
