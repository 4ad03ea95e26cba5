import {checkProfileAgainstServices} from './check-services.js';
import {composeServiceNames} from './compose-service-names.js';
import {readProfile} from './load-profile.js';
import type {Profile} from './types.js';

/** A profile validated together with its compose files. */
export type CheckedProfile = {
	readonly profile: Profile;
	/** Service names of the compose files, merged in order. */
	readonly serviceNames: readonly string[];
};

/** readProfile, then the services its budgets, tunnels and links name must exist in the compose files. */
export function checkProfile(file: string, displayName?: string): CheckedProfile {
	const {profile, yamlFile} = readProfile(file, displayName);
	const serviceNames = composeServiceNames(profile.composeFiles);
	checkProfileAgainstServices(profile, serviceNames, yamlFile);
	return {profile, serviceNames};
}
