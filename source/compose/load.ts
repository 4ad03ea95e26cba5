import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {ConfigError, fileStart} from '../config/config-error.js';
import {checkServices} from './check-services.js';
import {loadModel} from './compose-model.js';
import {readEnvFile} from './env-file.js';
import {fieldReader} from './field-reader.js';
import {isMapping} from './path.js';
import {declaredKeys, readNetworks, readVolumes} from './resources.js';
import {readFileResources} from './secrets.js';
import {normalizeService} from './service.js';
import {child, locateIn, type Tracked} from './tracked.js';
import type {ComposeProject} from './types.js';
import {unappliedKeys} from './unapplied.js';

export type LoadOptions = {
	/** Compose files, merged in order like `docker compose -f a -f b`. */
	readonly files: readonly string[];
	/** `-p`: wins over COMPOSE_PROJECT_NAME, the files' `name:` and the directory name; must be valid as written. */
	readonly projectName?: string;
	/** Relative paths resolve against it; default: the first file's directory (`--project-directory`). */
	readonly projectDirectory?: string;
	/** The .env file for ${VAR}; default: `.env` in the project directory, when it exists. */
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
 * Reads compose files into the model `up` creates, as Compose v2 reads them (compose-model.ts):
 * each file interpolated, its extends and include applied, merged, the result validated against
 * the Compose Specification; then every service normalized and checked, and each key the
 * engine cannot apply listed as a refusal. Every problem is a ConfigError (`file:line:col: message`).
 */
export function loadComposeProject(options: LoadOptions): ComposeProject {
	const display = options.display ?? relativeToCwd;
	const configFiles = options.files.map(file => path.resolve(file));
	const [firstFile] = configFiles;
	if (firstFile === undefined) {
		throw new Error('no compose file given');
	}

	const workingDir = path.resolve(options.projectDirectory ?? path.dirname(firstFile));
	const environment = options.environment ?? process.env;
	const envFile = options.envFile === undefined ? path.join(workingDir, '.env') : path.resolve(options.envFile);
	const dotenv = options.envFile !== undefined || existsSync(envFile) ? readEnvFile(envFile, display(envFile), name => environment[name]) : {};
	const lookup = (name: string) => environment[name] ?? dotenv[name];
	const warnings: string[] = [];
	const warn = (line: string) => warnings.push(line);
	const home = environment['HOME'] ?? os.homedir();
	const merged = loadModel(configFiles, workingDir, {lookup, home, display, warn});
	if (merged === undefined) {
		throw new ConfigError(fileStart(display(firstFile)), configFiles.length > 1 ? 'every compose file is empty' : 'empty compose file');
	}

	const name = projectName(options.projectName ?? lookup('COMPOSE_PROJECT_NAME'), merged, workingDir);
	const servicesNode = child(merged, 'services');
	const serviceNames = isMapping(servicesNode.value) ? Object.keys(servicesNode.value) : [];
	const declared = {services: serviceNames, networks: declaredKeys(merged, 'networks'), volumes: declaredKeys(merged, 'volumes')};
	const secrets = readFileResources(merged, 'secrets', name, lookup);
	const configs = readFileResources(merged, 'configs', name, lookup);
	const fileResources = {secrets: Object.keys(secrets), configs: Object.keys(configs)};
	const readerOf = (service: string) => fieldReader(child(servicesNode, service), ['services', service]);
	const services = serviceNames.map(service => normalizeService({name: service, reader: readerOf(service), declared, fileResources, workingDir, home, lookup, display, warn}));
	const profiles = options.activeProfiles ?? (lookup('COMPOSE_PROFILES') ?? '').split(',').map(profile => profile.trim()).filter(Boolean);
	const {active, disabled} = checkServices(services, readerOf, profiles, warn);
	const unapplied = unappliedKeys(merged.value, (keyPath, isKey) => locateIn(merged.origin, keyPath, isKey), {secrets, configs});
	return {
		name,
		workingDir,
		configFiles,
		services: active,
		disabledServices: disabled,
		networks: readNetworks(merged, name, services.some(service => service.networks['default'] !== undefined)),
		volumes: readVolumes(merged, name),
		secrets,
		configs,
		warnings: [...warnings, ...unapplied.warnings],
		refusals: unapplied.refusals,
	};
}

/**
 * Compose's rules: a name given (-p, COMPOSE_PROJECT_NAME) must be valid as written; a `name:`
 * in the files is lowercased and stripped of other characters, as is the directory name.
 */
function projectName(given: string | undefined, merged: Tracked, workingDir: string): string {
	const written = child(merged, 'name').value;
	if (given !== undefined && given !== '') {
		if (!projectNamePattern.test(given)) {
			throw new ConfigError(locateIn(merged.origin, []), `"${given}" is not a valid project name (lowercase letters, digits, "-" and "_", starting with a letter or digit)`);
		}

		return given;
	}

	const fromFile = typeof written === 'string' || typeof written === 'number' ? normalizeProjectName(String(written)) : '';
	return fromFile || normalizeProjectName(path.basename(workingDir)) || 'default';
}

/** Compose's NormalizeProjectName: lowercased, only a-z 0-9 _ -, no leading _ or -. */
export function normalizeProjectName(name: string): string {
	return name.toLowerCase().replaceAll(/[^a-z\d_-]/g, '').replace(/^[_-]+/, '');
}

function relativeToCwd(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
