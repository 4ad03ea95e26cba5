import process from 'node:process';
import {ConfigError} from '../config/config-error.js';
import {checkProfile} from '../profile/check-profile.js';
import {resolveProfilePath} from '../profile/resolve-profile-path.js';
import {renderProfileSummary} from '../profile/summary.js';
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

/**
 * `stacktui check [PROFILE]`: validates the profile and the service names it uses, prints a
 * summary, returns 0. An invalid profile throws its ConfigError (one line, exit 2); with --json
 * stdout also gets `{"valid": false, "error": ...}` first.
 */
export function runCheckCommand(options: CheckCommandOptions): number {
	const file = resolveProfilePath(options);
	try {
		const checked = checkProfile(file);
		if (options.isJson) writeJson(process.stdout, {valid: true, ...checked.profile, services: checked.serviceNames});
		else writeText(process.stdout, renderProfileSummary(checked, options.cwd) + '\n');
		return 0;
	} catch (error) {
		if (options.isJson && error instanceof ConfigError) {
			writeJson(process.stdout, {valid: false, error: {...error.location, message: error.reason}});
		}

		throw error;
	}
}
