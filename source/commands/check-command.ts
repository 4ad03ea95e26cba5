import process from 'node:process';
import {ConfigError} from '../config/config-error.js';
import type {ComposeProject} from '../compose/types.js';
import {displayPath} from '../profile/display-path.js';
import {renderProfileSummary, toJson} from '../profile/summary.js';
import {firstRefusal, refusalError, refusalWarnings} from '../up/refusals.js';
import {chooseStack, nothingToOpen, openStack, type StackQuery} from './resolve-stack.js';
import {UsageError} from './usage-error.js';

export type CheckCommandOptions = StackQuery & {
	readonly isJson: boolean;
	/** --allow-unsupported: keys stacktui cannot apply are warnings, as for `up`. */
	readonly allowUnsupported?: boolean;
};

/**
 * `stacktui check [PROFILE | -f FILE…]`: loads the stack exactly as `up` does (profile, compose
 * files, every service normalized, the keys `up` would refuse), prints a summary and the
 * warnings, returns 0. A problem throws its ConfigError (one line, exit 2) — the same line `up`
 * gives; with --json stdout also gets `{"valid": false, "error": ...}` first.
 */
export function runCheckCommand(options: CheckCommandOptions): number {
	try {
		const choice = chooseStack(options);
		if (choice.kind === 'nothing') {
			throw nothingToOpen(options.cwd);
		}

		if (choice.kind === 'project') {
			throw new UsageError(`check reads compose files: give -f FILE (or run it where the compose file of ${choice.project} is)`);
		}

		const {profile, project} = openStack(choice, options);
		const all = [...project.services, ...project.disabledServices].map(service => service.name);
		const refusal = firstRefusal(project, all);
		if (refusal !== undefined && options.allowUnsupported !== true) {
			throw refusalError(refusal);
		}

		const warnings = [...project.warnings, ...refusalWarnings(project, all)];
		for (const warning of options.isJson ? [] : warnings) {
			process.stderr.write(`stacktui: warning: ${warning}\n`);
		}

		const output = options.isJson
			? toJson({valid: true, ...profile, services: all, warnings})
			: renderProfileSummary({profile, serviceNames: all, project}, options.cwd) + composeLines(project, options.cwd);
		process.stdout.write(output + '\n');
		return 0;
	} catch (error) {
		if (options.isJson && error instanceof ConfigError) {
			process.stdout.write(toJson({valid: false, error: {...error.location, message: error.reason}}) + '\n');
		}

		throw error;
	}
}

/** What the compose files hold beyond the profile: networks, volumes, secrets and configs. */
function composeLines(project: ComposeProject, cwd: string): string {
	const rows: Array<[string, string[]]> = [
		['directory', [displayPath(project.workingDir, cwd)]],
		['networks', Object.values(project.networks).map(network => network.name)],
		['volumes', Object.values(project.volumes).map(volume => volume.name)],
		['secrets', Object.keys(project.secrets)],
		['configs', Object.keys(project.configs)],
	];
	return rows
		.filter(([, values]) => values.length > 0)
		.map(([label, values]) => `\n${label.padEnd(10)}${values.join(', ')}`)
		.join('');
}
