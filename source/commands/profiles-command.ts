import path from 'node:path';
import process from 'node:process';
import {ConfigError} from '../config/config-error.js';
import {checkProfile} from '../profile/check-profile.js';
import {displayPath} from '../profile/display-path.js';
import {listProfileFiles, packageProfilesDirectory} from '../profile/resolve-profile-path.js';
import {writeJson, writeText} from './output.js';

export type ProfilesCommandOptions = {
	readonly isJson: boolean;
	readonly profilesDirectory?: string;
};

/** One row of `stacktui profiles`; an invalid profile has its one-line error instead. */
export type ProfileListing = {
	/** What `stacktui check NAME` takes: the file's base name. */
	readonly id: string;
	readonly file: string;
	readonly name: string | undefined;
	readonly project: string | undefined;
	readonly services: number | undefined;
	readonly description: string | undefined;
	readonly error: string | undefined;
};

/** Reads every profile of a directory with its compose files. */
export function listProfiles(directory: string): ProfileListing[] {
	return listProfileFiles(directory).map(file => {
		const id = path.basename(file).replace(/\.ya?ml$/i, '');
		try {
			const {profile, serviceNames} = checkProfile(file);
			const {name, project, description} = profile;
			return {id, file, name, project, services: serviceNames.length, description, error: undefined};
		} catch (error) {
			if (!(error instanceof ConfigError)) {
				throw error;
			}

			return {id, file, name: undefined, project: undefined, services: undefined, description: undefined, error: error.message};
		}
	});
}

/** Aligned columns: PROFILE, NAME, PROJECT, SERVICES, DESCRIPTION (or the error of an invalid one). */
export function renderProfileListing(listings: readonly ProfileListing[]): string {
	const rows = [
		['PROFILE', 'NAME', 'PROJECT', 'SERVICES', 'DESCRIPTION'],
		...listings.map(listing => [listing.id, listing.name ?? '-', listing.project ?? '-', String(listing.services ?? '-'), listing.error === undefined ? listing.description ?? '' : `invalid: ${listing.error}`]),
	];
	const widths = [0, 1, 2, 3].map(column => Math.max(...rows.map(row => row[column]?.length ?? 0)) + 2);
	return rows.map(row => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('').trimEnd()).join('\n');
}

/** `stacktui profiles`: the profiles shipped in profiles/ (or STACKTUI_PROFILES_DIR). */
export function runProfilesCommand(options: ProfilesCommandOptions): number {
	const directory = options.profilesDirectory ?? packageProfilesDirectory;
	const listings = listProfiles(directory);
	if (options.isJson) {
		writeJson(process.stdout, listings);
	} else if (listings.length === 0) {
		writeText(process.stdout, `no profiles in ${displayPath(directory)}\n`);
	} else {
		writeText(process.stdout, renderProfileListing(listings) + '\n');
	}

	return 0;
}
