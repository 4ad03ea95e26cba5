import path from 'node:path';
import {ConfigError} from '../config/config-error.js';
import {readYamlFile} from '../config/yaml-file.js';
import {composeEnvironment, defaultComposeFiles, findComposeFiles} from '../compose/find-files.js';
import {loadComposeProject} from '../compose/load.js';
import type {ComposeProject} from '../compose/types.js';
import {checkProfile} from '../profile/check-profile.js';
import {displayPath} from '../profile/display-path.js';
import {isFile} from '../profile/file-kind.js';
import {plainProfile} from '../profile/plain-profile.js';
import {resolveProfilePath} from '../profile/resolve-profile-path.js';
import type {Profile} from '../profile/types.js';
import {UsageError} from './usage-error.js';

/** How the command line names a stack, as `docker compose` takes it plus stacktui's PROFILE. */
export type StackQuery = {
	/** PROFILE: a profile path or name, or a compose file. */
	readonly argument?: string | undefined;
	/** --profile PATH. */
	readonly profile?: string | undefined;
	/** -f FILE, repeatable. */
	readonly files?: readonly string[] | undefined;
	/** -p NAME. */
	readonly project?: string | undefined;
	readonly cwd: string;
	readonly profilesDirectory?: string | undefined;
	readonly environment: Readonly<Record<string, string | undefined>>;
};

/** What there is to open. `project` is -p NAME with no compose files around: watched as it runs. */
export type StackChoice =
	| {readonly kind: 'profile'; readonly file: string; readonly files: readonly string[] | undefined}
	| {readonly kind: 'compose'; readonly files: readonly string[]}
	| {readonly kind: 'project'; readonly project: string}
	| {readonly kind: 'nothing'};

/**
 * Where the stack comes from, in this order: PROFILE or --profile (a compose file given as
 * PROFILE is read as one); -f files (with ./stacktui.yaml when there is one, for its budgets);
 * ./stacktui.yaml; COMPOSE_FILE; the compose files of the current directory or its nearest
 * parent with their override file, as compose finds them; -p NAME alone; else nothing.
 */
export function chooseStack(query: StackQuery): StackChoice {
	const files = query.files?.map(file => path.resolve(query.cwd, file));
	const named = query.argument ?? query.profile;
	const local = ['stacktui.yaml', 'stacktui.yml'].map(name => path.join(query.cwd, name)).find(file => isFile(file));
	if (named !== undefined) {
		const asPath = path.resolve(query.cwd, named);
		if (query.argument !== undefined && query.profile !== undefined) {
			throw new UsageError(`give a profile either as PROFILE ("${query.argument}") or with --profile ("${query.profile}"), not both`);
		}

		if (isFile(asPath) && isComposeFile(asPath)) {
			return {kind: 'compose', files: [asPath, ...(files ?? [])]};
		}

		const profilesDirectory = query.profilesDirectory === undefined ? {} : {profilesDirectory: query.profilesDirectory};
		return {kind: 'profile', file: resolveProfilePath({argument: named, cwd: query.cwd, ...profilesDirectory}), files};
	}

	if (files !== undefined && files.length > 0) {
		return local === undefined ? {kind: 'compose', files} : {kind: 'profile', file: local, files};
	}

	if (local !== undefined) {
		return {kind: 'profile', file: local, files: undefined};
	}

	const fromEnvironment = composeEnvironment(query.cwd, query.environment, file => displayPath(file, query.cwd)).files;
	const found = fromEnvironment ?? findComposeFiles(query.cwd);
	if (found.length > 0) {
		return {kind: 'compose', files: found};
	}

	return query.project === undefined ? {kind: 'nothing'} : {kind: 'project', project: query.project};
}

/** A compose file rather than a profile: it has services:, include: or a compose top-level key, and no compose:. */
function isComposeFile(file: string): boolean {
	if (defaultComposeFiles.includes(path.basename(file))) {
		return true;
	}

	try {
		const {value} = readYamlFile(file);
		const keys = typeof value === 'object' && value !== null ? Object.keys(value) : [];
		return !keys.includes('compose') && keys.some(key => ['services', 'include', 'networks', 'volumes', 'secrets', 'configs'].includes(key));
	} catch {
		return false;
	}
}

/** A stack opened from files: its profile (plain when there is none) and its compose project. */
export type OpenedStack = {
	readonly profile: Profile;
	readonly project: ComposeProject;
	/** The profile's warnings (a tunnel pattern that cannot run); none for compose files alone. */
	readonly warnings: readonly string[];
};

/** Loads what chooseStack chose (not `project` or `nothing`); bad files throw ConfigError. */
export function openStack(choice: StackChoice & {kind: 'profile' | 'compose'}, query: StackQuery): OpenedStack {
	if (choice.kind === 'profile') {
		const {profile, project, warnings} = checkProfile(choice.file, undefined, {files: choice.files, project: query.project});
		return {profile, project, warnings};
	}

	const compose = composeEnvironment(query.cwd, query.environment, file => displayPath(file, query.cwd));
	const project = loadComposeProject({
		files: choice.files,
		environment: query.environment,
		...(query.project === undefined ? {} : {projectName: query.project}),
		...(compose.profiles === undefined ? {} : {activeProfiles: compose.profiles}),
	});
	return {profile: plainProfile(project.name, project.configFiles, compose.profiles), project, warnings: []};
}

/** The error for a command that needs compose files where there are none. */
export function nothingToOpen(cwd: string): ConfigError | UsageError {
	return new UsageError(`no compose file in ${displayPath(cwd)} or its parents (${defaultComposeFiles.join(', ')}): give -f FILE, -p NAME or a profile (stacktui profiles lists them)`);
}
