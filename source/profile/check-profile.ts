import {loadComposeProject} from '../compose/load.js';
import type {ComposeProject} from '../compose/types.js';
import {checkProfileAgainstServices} from './check-services.js';
import {readProfile} from './load-profile.js';
import type {Profile} from './types.js';

/** A profile validated together with its compose files, read by the real compose loader. */
export type CheckedProfile = {
	readonly profile: Profile;
	/** Service names of the compose project, active ones first, then those of inactive compose profiles. */
	readonly serviceNames: readonly string[];
	readonly project: ComposeProject;
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
	return {profile: {...written, composeFiles, project: project.name}, serviceNames, project};
}
