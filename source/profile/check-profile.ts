import {userPatternProblem} from '../config/user-pattern.js';
import type {YamlFile} from '../config/yaml-file.js';
import {checkProfileAgainstServices} from './check-services.js';
import {composeServiceNames} from './compose-service-names.js';
import {readProfile} from './load-profile.js';
import {fieldName} from './field-reader.js';
import type {Profile} from './types.js';

/** A profile validated together with its compose files. */
export type CheckedProfile = {
	readonly profile: Profile;
	/** Service names of the compose files, merged in order. */
	readonly serviceNames: readonly string[];
	/** What is valid but will not work as meant, one `file:line:col: field: message` each (check prints them). */
	readonly warnings: readonly string[];
};

/** readProfile, then the services its budgets, tunnels and links name must exist in the compose files. */
export function checkProfile(file: string, displayName?: string): CheckedProfile {
	const {profile, yamlFile} = readProfile(file, displayName);
	const serviceNames = composeServiceNames(profile.composeFiles);
	checkProfileAgainstServices(profile, serviceNames, yamlFile);
	return {profile, serviceNames, warnings: patternWarnings(profile, yamlFile)};
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
