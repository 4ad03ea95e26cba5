import {existsSync} from 'node:fs';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import {ConfigError} from '../config/config-error.js';
import type {ReadContext} from './compose-file.js';
import {readEnvFile} from './env-file.js';
import {formatPath, isMapping} from './path.js';
import {absolutePath} from './resolve-paths.js';
import {buildMapping, child, entriesOf, itemsOf, locateIn, type Tracked} from './tracked.js';

/** Loads a set of compose files as one model (compose-model.ts), for an include. */
export type LoadModel = (files: readonly string[], directory: string, context: ReadContext, chain: readonly string[]) => Tracked | undefined;

const sections = ['services', 'volumes', 'networks', 'secrets', 'configs'] as const;

/**
 * `include:` applied as compose-go's ApplyInclude: each entry (a path, or {path, project_directory,
 * env_file}) is loaded as a project of its own, its relative paths against its project directory
 * and its variables from its own .env, and its services, networks, volumes, secrets and configs
 * are added to this file's. A name defined differently on both sides is a ConfigError.
 */
export function applyInclude(file: Tracked, directory: string, context: ReadContext, chain: readonly string[], loadModel: LoadModel): Tracked {
	const include = child(file, 'include');
	if (include.value === undefined || include.value === null) {
		return file;
	}

	if (!Array.isArray(include.value)) {
		throw new ConfigError(locateIn(file.origin, ['include']), 'include: must be a list of files');
	}

	const imported = new Map<string, Map<string, Tracked>>(sections.map(section => [section, new Map(entriesOf(child(file, section)))]));
	for (const [index, entry] of itemsOf(include).entries()) {
		const fail = (reason: string): never => {
			throw new ConfigError(locateIn(entry.origin, []), `${formatPath(['include', index])}: ${reason}`);
		};

		const spec = includeSpec(entry.value, directory, context.home) ?? fail('expected a path or {path, project_directory, env_file}');
		const [main] = spec.files;
		if (main === undefined) {
			return fail('missing the path of the file to include');
		}

		if (chain.includes(main)) {
			fail(`include cycle: ${[...chain, main].map(name => context.display(name)).join(' → ')}`);
		}

		const envFiles = spec.envFiles ?? [path.join(spec.projectDirectory, '.env')].filter(name => existsSync(name));
		const values: Record<string, string> = {};
		for (const envFile of envFiles) {
			Object.assign(values, readEnvFile(envFile, context.display(envFile), name => context.lookup(name) ?? values[name]));
		}

		const lookup = (name: string) => context.lookup(name) ?? values[name];
		const model = loadModel(spec.files, spec.projectDirectory, {...context, lookup}, [...chain, main]);
		for (const section of sections) {
			const target = imported.get(section)!;
			for (const [name, value] of entriesOf(model === undefined ? {value: undefined, origin: entry.origin} : child(model, section))) {
				const existing = target.get(name);
				if (existing !== undefined && !isDeepStrictEqual(existing.value, value.value)) {
					fail(`${section}.${name} of ${context.display(main)} conflicts with the ${section}.${name} defined here`);
				}

				target.set(name, value);
			}
		}
	}

	const others = entriesOf(file).filter(([key]) => key !== 'include' && !(sections as readonly string[]).includes(key));
	const merged = sections.filter(section => imported.get(section)!.size > 0).map(section => [section, buildMapping(child(file, section).origin, [...imported.get(section)!])] as const);
	return buildMapping(file.origin, [...others, ...merged]);
}

type IncludeSpec = {readonly files: string[]; readonly projectDirectory: string; readonly envFiles: string[] | undefined};

function includeSpec(value: unknown, directory: string, home: string): IncludeSpec | undefined {
	const base = {directory, home};
	const asList = (item: unknown) => (typeof item === 'string' ? [item] : Array.isArray(item) && item.every(entry => typeof entry === 'string') ? (item as string[]) : undefined);
	const mapping = typeof value === 'string' ? {path: value} : isMapping(value) ? value : undefined;
	const files = asList(mapping?.['path'])?.map(file => absolutePath(file, base));
	if (mapping === undefined || files === undefined) {
		return undefined;
	}

	const projectDirectory = typeof mapping['project_directory'] === 'string' ? absolutePath(mapping['project_directory'], base) : path.dirname(files[0] ?? directory);
	const envFiles = asList(mapping['env_file'])?.map(file => absolutePath(file, base));
	return {files, projectDirectory, envFiles};
}
