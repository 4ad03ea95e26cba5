import path from 'node:path';
import {readEnvFile} from './env-file.js';
import {statSync} from 'node:fs';

/** The files compose looks for when no -f is given, in its order (compose-go's cli options). */
export const defaultComposeFiles = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
export const defaultOverrideFiles = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

function isRegularFile(file: string): boolean {
	try {
		return statSync(file).isFile();
	} catch {
		return false;
	}
}

/**
 * The compose files `docker compose` uses in `directory` with no -f: the first default name
 * found there or in the nearest parent that has one, plus that directory's override file
 * (compose.override.yml, ...) when there is one. Empty when there is none up to the root.
 */
export function findComposeFiles(directory: string): string[] {
	for (let current = path.resolve(directory); ; current = path.dirname(current)) {
		const main = defaultComposeFiles.map(name => path.join(current, name)).find(file => isRegularFile(file));
		if (main !== undefined) {
			const override = defaultOverrideFiles.map(name => path.join(current, name)).find(file => isRegularFile(file));
			return override === undefined ? [main] : [main, override];
		}

		if (path.dirname(current) === current) {
			return [];
		}
	}
}

/** The COMPOSE_* variables compose reads from the environment, else from `.env` in the working directory. */
export type ComposeEnvironment = {
	/** COMPOSE_FILE, split on COMPOSE_PATH_SEPARATOR (":" by default), absolute against the directory. */
	readonly files: string[] | undefined;
	readonly projectName: string | undefined;
	/** COMPOSE_PROFILES, split on ",". */
	readonly profiles: string[] | undefined;
};

export function composeEnvironment(directory: string, environment: Readonly<Record<string, string | undefined>>, display: (file: string) => string): ComposeEnvironment {
	const dotenvFile = path.join(directory, '.env');
	const dotenv = isRegularFile(dotenvFile) ? readEnvFile(dotenvFile, display(dotenvFile), name => environment[name]) : {};
	const value = (name: string) => {
		const found = environment[name] ?? dotenv[name];
		return found === undefined || found === '' ? undefined : found;
	};

	const separator = value('COMPOSE_PATH_SEPARATOR') ?? ':';
	return {
		files: value('COMPOSE_FILE')?.split(separator).filter(Boolean).map(file => path.resolve(directory, file)),
		projectName: value('COMPOSE_PROJECT_NAME'),
		profiles: value('COMPOSE_PROFILES')?.split(',').map(profile => profile.trim()).filter(Boolean),
	};
}
