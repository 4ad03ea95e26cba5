import {readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {UsageError} from '../commands/usage-error.js';
import {didYouMean} from '../config/did-you-mean.js';
import {fileProblem, isFile} from './file-kind.js';

/** profiles/ of the installed package: two levels up from this file both in source/ and in dist/. */
export const packageProfilesDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../profiles');

export type ProfileQuery = {
	/** The positional PROFILE: a path, or a bare name looked up in profilesDirectory. */
	readonly argument?: string | undefined;
	/** --profile PATH, read like the positional. */
	readonly flag?: string | undefined;
	readonly cwd: string;
	readonly profilesDirectory?: string;
};

/**
 * The profile file to use: --profile or PROFILE, else ./stacktui.yaml (or .yml), else the demo
 * profile. A name or path that matches nothing is a UsageError naming the profiles there are.
 */
export function resolveProfilePath(query: ProfileQuery): string {
	const {argument, flag, cwd, profilesDirectory = packageProfilesDirectory} = query;
	if (argument !== undefined && flag !== undefined) {
		throw new UsageError(`give a profile either as PROFILE ("${argument}") or with --profile ("${flag}"), not both`);
	}

	const wanted = argument ?? flag;
	if (wanted === undefined) {
		const local = ['stacktui.yaml', 'stacktui.yml'].map(name => path.join(cwd, name)).find(file => isFile(file));
		return local ?? path.join(profilesDirectory, 'demo.yaml');
	}

	const asPath = path.resolve(cwd, wanted);
	if (isFile(asPath)) {
		return asPath;
	}

	if (/[/\\]|\.ya?ml$/i.test(wanted)) {
		throw new UsageError(`profile ${wanted}: ${fileProblem(asPath) ?? 'file not found'}`);
	}

	const named = [`${wanted}.yaml`, `${wanted}.yml`].map(name => path.join(profilesDirectory, name)).find(file => isFile(file));
	if (named === undefined) {
		const names = listProfileFiles(profilesDirectory).map(file => path.basename(file).replace(/\.ya?ml$/i, ''));
		throw new UsageError(`no profile "${wanted}"${didYouMean(wanted, names)}; available: ${names.join(', ') || 'none'} (or give a path to a profile file)`);
	}

	return named;
}

/** The *.yaml and *.yml files of a directory, sorted; none when it does not exist. */
export function listProfileFiles(directory: string): string[] {
	let entries: string[];
	try {
		entries = readdirSync(directory);
	} catch {
		return [];
	}

	return entries
		.filter(name => /\.ya?ml$/i.test(name))
		.sort()
		.map(name => path.join(directory, name))
		.filter(file => isFile(file));
}
