import process from 'node:process';
import {ConfigError} from '../config/config-error.js';
import {checkProfile} from '../profile/check-profile.js';
import {resolveProfilePath} from '../profile/resolve-profile-path.js';
import {renderProfileSummary} from '../profile/summary.js';
import type {Profile} from '../profile/types.js';
import {knownSecretValues, type Masker, secretMasker} from '../stack/known-secrets.js';
import {writeJson, writeText} from './output.js';

export type CheckCommandOptions = {
	/** The positional PROFILE, a path or a name in the profiles directory. */
	readonly argument: string | undefined;
	/** --profile PATH. */
	readonly flag: string | undefined;
	readonly isJson: boolean;
	readonly cwd: string;
	readonly profilesDirectory?: string;
};

/** The profile with the secrets of the values that may hold one masked: links, tunnel addresses, the engine. Paths and names stay. */
function maskProfile(profile: Profile, mask: Masker): Profile {
	const maskOptional = (value: string | undefined) => (value === undefined ? undefined : mask(value));
	return {
		...profile,
		engine: maskOptional(profile.engine),
		links: Object.fromEntries(Object.entries(profile.links).map(([service, link]) => [service, mask(link)])),
		tunnels: profile.tunnels.map(tunnel => ({...tunnel, api: maskOptional(tunnel.api), upstream: maskOptional(tunnel.upstream)})),
	};
}

/**
 * `stacktui check [PROFILE]`: validates the profile and the service names it uses, prints a
 * summary, returns 0. An invalid profile throws its ConfigError (one line, exit 2); with --json
 * stdout also gets `{"valid": false, "error": ...}` first.
 */
export function runCheckCommand(options: CheckCommandOptions): number {
	const file = resolveProfilePath(options);
	try {
		const checked = checkProfile(file);
		// A link, a tunnel or engine address may hold a password: masked like the .env's secret values.
		const profile = maskProfile(checked.profile, secretMasker(knownSecretValues(checked.profile.envFile)));
		for (const warning of checked.warnings) writeText(process.stderr, `stacktui: warning: ${warning}\n`);
		if (options.isJson) writeJson(process.stdout, {valid: true, ...profile, services: checked.serviceNames, warnings: checked.warnings});
		else writeText(process.stdout, renderProfileSummary({...checked, profile}, options.cwd) + '\n');
		return 0;
	} catch (error) {
		if (options.isJson && error instanceof ConfigError) {
			writeJson(process.stdout, {valid: false, error: {...error.location, message: error.reason}});
		}

		throw error;
	}
}
