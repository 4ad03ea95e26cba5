import {userPatternProblem} from '../config/user-pattern.js';
import type {YamlFile} from '../config/yaml-file.js';
import {loadComposeProject} from '../compose/load.js';
import type {ComposeProject} from '../compose/types.js';
import {checkProfileAgainstServices} from './check-services.js';
import {readProfile} from './load-profile.js';
import {fieldName} from './field-reader.js';
import type {Profile} from './types.js';

/** A profile validated together with its compose files, read by the real compose loader. */
export type CheckedProfile = {
	readonly profile: Profile;
	/** Service names of the compose project, active ones first, then those of inactive compose profiles. */
	readonly serviceNames: readonly string[];
	readonly project: ComposeProject;
	/** What is valid but will not work as meant, one `file:line:col: field: message` each (check prints them). */
	readonly warnings: readonly string[];
};

/** What the command line changes in a profile: `-f` files instead of its compose:, `-p` for its project. */
export type ProfileOverrides = {readonly files?: readonly string[] | undefined; readonly project?: string | undefined};

/**
 * readProfile, then its compose files loaded as `up` loads them (every error a ConfigError at
 * its file:line:col), then the services its budgets, tunnels and links name must exist.
 */
export function checkProfile(file: string, displayName?: string, overrides: ProfileOverrides = {}): CheckedProfile {
	const {profile: written, yamlFile} = readProfile(file, displayName);
	const composeFiles = overrides.files !== undefined && overrides.files.length > 0 ? overrides.files : written.composeFiles;
	const project = loadComposeProject({
		files: composeFiles,
		projectName: overrides.project ?? written.project,
		...(written.envFile === undefined ? {} : {envFile: written.envFile}),
		...(written.composeProfiles.length > 0 ? {activeProfiles: written.composeProfiles} : {}),
	});
	const serviceNames = [...project.services, ...project.disabledServices].map(service => service.name);
	checkProfileAgainstServices(written, serviceNames, yamlFile);
	return {profile: {...written, composeFiles, project: project.name}, serviceNames, project, warnings: patternWarnings(written, yamlFile)};
}

/** Tunnel patterns the linear-time engine cannot run: the tunnel would show an error instead of a URL. */
function patternWarnings(profile: Profile, yamlFile: YamlFile): string[] {
	return profile.tunnels.flatMap((tunnel, index) => {
		const problem = tunnel.pattern === undefined ? undefined : userPatternProblem(tunnel.pattern);
		if (problem === undefined) return [];
		const path = ['tunnels', index, 'pattern'];
		const {file, line, column} = yamlFile.locate(path);
		return [`${file}:${line}:${column}: ${fieldName(path)}: ${problem}`];
	});
}
