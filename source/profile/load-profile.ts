import path from 'node:path';
import {readYamlFile, type YamlFile} from '../config/yaml-file.js';
import {EngineError} from '../engine/engine-error.js';
import {parseEngineAddress} from '../engine/parse-engine-address.js';
import {type StatsReader, statsReaders} from '../engine/stats-source.js';
import {displayPath} from './display-path.js';
import {describeValue, FieldReader, type FieldPath} from './field-reader.js';
import {fileProblem, isFile} from './file-kind.js';
import {defaultProfileName, normalizeProjectName, projectNamePattern, projectNameRule} from './project-name.js';
import {readBudgets} from './read-budgets.js';
import {checkPlanNames} from './check-plan.js';
import {readProbes} from './read-probes.js';
import {readPhases, readSoak} from './read-soak.js';
import {readLinks, readTunnels} from './read-tunnels.js';
import type {Profile} from './types.js';

const topLevelKeys = ['name', 'description', 'project', 'compose', 'compose_profiles', 'env_file', 'engine', 'refresh', 'stats', 'budgets', 'tunnels', 'links', 'phases', 'probes', 'soak'] as const;

/** The files compose looks for when no -f is given, in its order. */
const defaultComposeFiles = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export const defaultRefreshMs = 1000;

/** A validated profile with the parsed file it came from, to locate later errors (unknown services). */
export type ProfileSource = {readonly profile: Profile; readonly yamlFile: YamlFile};

/** Reads and validates a profile file on its own (not against its compose files); every problem is a ConfigError. */
export function readProfile(file: string, displayName = displayPath(file)): ProfileSource {
	const absolute = path.resolve(file);
	const directory = path.dirname(absolute);
	const yamlFile = readYamlFile(absolute, displayName);
	const reader = new FieldReader(yamlFile);
	if (yamlFile.value === null || yamlFile.value === undefined) {
		reader.fail([], 'the profile is empty; expected at least compose: (and usually name:)');
	}

	if (typeof yamlFile.value !== 'object' || Array.isArray(yamlFile.value)) {
		reader.fail([], `a profile is a mapping of keys (name: ..., compose: ...), not ${describeValue(yamlFile.value)}`);
	}

	const fields = reader.mapping([], yamlFile.value, topLevelKeys);
	const optionalString = (key: string) => (fields[key] === undefined ? undefined : reader.string([key], fields[key]));
	const name = optionalString('name');
	const composeFiles = readComposeFiles(reader, fields['compose'], directory);
	const profile: Profile = {
		file: absolute,
		name: name ?? defaultProfileName(absolute),
		description: optionalString('description'),
		project: readProject(reader, optionalString('project'), name, absolute),
		composeFiles,
		composeProfiles: fields['compose_profiles'] === undefined ? [] : reader.stringList(['compose_profiles'], fields['compose_profiles'], 'a profile name'),
		envFile: readEnvFile(reader, optionalString('env_file'), directory, composeFiles),
		engine: readEngine(reader, optionalString('engine')),
		refreshMs: fields['refresh'] === undefined ? defaultRefreshMs : reader.duration(['refresh'], fields['refresh'], '100ms', '1m'),
		...(fields['stats'] === undefined ? {} : {statsReader: readStatsReader(reader, fields['stats'])}),
		budgets: readBudgets(reader, fields['budgets']),
		tunnels: readTunnels(reader, fields['tunnels']),
		links: readLinks(reader, fields['links']),
		phases: readPhases(reader, fields['phases']),
		probes: readProbes(reader, fields['probes']),
		soak: readSoak(reader, fields['soak']),
	};
	checkPlanNames(reader, profile);
	return {profile, yamlFile};
}

/** Reads and validates a profile file on its own; see readProfile. */
export function loadProfile(file: string, displayName?: string): Profile {
	return readProfile(file, displayName).profile;
}

function readProject(reader: FieldReader, project: string | undefined, name: string | undefined, file: string): string {
	const explicit = project ?? name;
	if (explicit !== undefined) {
		if (!projectNamePattern.test(explicit)) {
			const advice = project === undefined ? '; add project: with one' : '';
			reader.fail([project === undefined ? 'name' : 'project'], `"${explicit}" is not a valid compose project name (${projectNameRule})${advice}`);
		}

		return explicit;
	}

	const derived = normalizeProjectName(defaultProfileName(file));
	return derived === '' ? reader.fail(['name'], `missing, and "${defaultProfileName(file)}" gives no valid project name; add name:`) : derived;
}

function readComposeFiles(reader: FieldReader, value: unknown, directory: string): string[] {
	if (value === undefined) {
		const found = defaultComposeFiles.map(name => path.join(directory, name)).find(file => isFile(file));
		return found === undefined ? reader.fail(['compose'], `missing, and no ${defaultComposeFiles.slice(0, -1).join(', ')} or ${defaultComposeFiles.at(-1)} beside the profile; add compose: FILE`) : [found];
	}

	if (Array.isArray(value) && value.length === 0) {
		reader.fail(['compose'], 'expected at least one compose file');
	}

	const names = reader.stringList(['compose'], value, 'a compose file path');
	return names.map((name, index) => existingFile(reader, Array.isArray(value) ? ['compose', index] : ['compose'], name, directory));
}

function readEnvFile(reader: FieldReader, envFile: string | undefined, directory: string, composeFiles: readonly string[]): string | undefined {
	if (envFile !== undefined) {
		return existingFile(reader, ['env_file'], envFile, directory);
	}

	const beside = path.join(path.dirname(composeFiles[0] ?? directory), '.env');
	return isFile(beside) ? beside : undefined;
}

function readEngine(reader: FieldReader, engine: string | undefined): string | undefined {
	if (engine === undefined) {
		return undefined;
	}

	try {
		parseEngineAddress(engine, 'engine', () => undefined, {});
		return engine;
	} catch (error) {
		if (error instanceof EngineError) {
			reader.fail(['engine'], `"${engine}": ${error.message.replace(/^engine: /, '')}`);
		}

		throw error;
	}
}

function existingFile(reader: FieldReader, fieldPath: FieldPath, name: string, directory: string): string {
	const file = path.resolve(directory, name);
	const problem = fileProblem(file);
	if (problem !== undefined) {
		reader.fail(fieldPath, `"${name}" ${problem === 'file not found' ? 'not found' : problem} (${displayPath(file)})`);
	}

	return file;
}

function readStatsReader(reader: FieldReader, value: unknown): StatsReader {
	const text = reader.string(['stats'], value);
	const found = statsReaders.find(name => name === text);
	return found ?? reader.fail(['stats'], `"${text}" is not a stats reader; expected ${statsReaders.join(', ')}`);
}
