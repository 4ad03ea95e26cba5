import process from 'node:process';
import {ConfigError} from '../config/config-error.js';
import type {ComposeProject} from '../compose/types.js';
import {displayPath} from '../profile/display-path.js';
import {renderProfileSummary} from '../profile/summary.js';
import type {Profile} from '../profile/types.js';
import {knownSecretValues, type Masker, secretMasker} from '../stack/known-secrets.js';
import {firstRefusal, refusalError, refusalWarnings} from '../up/refusals.js';
import {writeJson, writeText} from './output.js';
import {chooseStack, nothingToOpen, openStack, type StackQuery} from './resolve-stack.js';
import {UsageError} from './usage-error.js';

export type CheckCommandOptions = StackQuery & {
	readonly isJson: boolean;
	/** --allow-unsupported: keys stacktui cannot apply are warnings, as for `up`. */
	readonly allowUnsupported?: boolean;
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

		const opened = openStack(choice, options);
		const {project} = opened;
		// A link, a tunnel or engine address may hold a password: masked like the .env's secret values.
		const profile = maskProfile(opened.profile, secretMasker(knownSecretValues(opened.profile.envFile)));
		const all = [...project.services, ...project.disabledServices].map(service => service.name);
		const refusal = firstRefusal(project, all);
		if (refusal !== undefined && options.allowUnsupported !== true) {
			throw refusalError(refusal);
		}

		const warnings = [...opened.warnings, ...project.warnings, ...refusalWarnings(project, all)];
		for (const warning of options.isJson ? [] : warnings) {
			writeText(process.stderr, `stacktui: warning: ${warning}\n`);
		}

		if (options.isJson) writeJson(process.stdout, {valid: true, ...profile, services: all, warnings});
		else writeText(process.stdout, renderProfileSummary({profile, serviceNames: all, project, warnings: opened.warnings}, options.cwd) + composeLines(project, options.cwd) + '\n');
		return 0;
	} catch (error) {
		if (options.isJson && error instanceof ConfigError) {
			writeJson(process.stdout, {valid: false, error: {...error.location, message: error.reason}});
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
