import process from 'node:process';
import {connectEngine} from '../engine/connect.js';
import {checkStack, formatBudgetTable} from './status-budgets.js';
import {openProfileStack} from './open-profile-stack.js';
import type {StackQuery} from './resolve-stack.js';
import {expectedServices} from './stack-operations.js';
import {renderStatus, takeStatus} from './status.js';
import {knownSecretValues, secretMasker} from '../stack/known-secrets.js';
import {writeJson, writeText} from './output.js';
import {UsageError} from './usage-error.js';

export type StatusCommandOptions = {
	readonly project: string | undefined;
	readonly isJson: boolean;
	readonly engine: string | undefined;
	/** A profile (PROFILE or --profile) or -f files: its budgets are checked too, and its project used unless --project. */
	readonly stack?: StackQuery | undefined;
};

/**
 * `stacktui status`: one snapshot of the project, then exit. With a profile: each budget's
 * state and the services that should run but do not; exit 1 when a budget is over or one is down.
 */
export async function runStatusCommand(options: StatusCommandOptions): Promise<number> {
	if (options.stack === undefined) return runPlainStatus(options);
	const {profile, project: compose} = openProfileStack(options.stack, 'status');
	const connection = await connectEngine({explicitAddress: options.engine ?? profile.engine});
	const report = await takeStatus(connection, profile.project);
	const services = expectedServices(compose);
	const check = await checkStack(connection.docker, profile, services, report.state, Date.now());
	const isFailing = check.down.length > 0 || check.budgets.some(budget => budget.state === 'over');
	// Names, probe output and messages come from files and the engine: sanitized, the profile's secrets masked.
	const mask = secretMasker(knownSecretValues(profile.envFile, compose.services.map(service => service.environment)));
	if (options.isJson) {
		const {state: _state, ...plain} = report;
		writeJson(process.stdout, {...plain, profile: profile.name, phase: check.phase, budgets: check.budgets, down: check.down, isHealthy: !isFailing}, mask);
	} else {
		const table = renderStatus(report, false);
		writeText(process.stdout, `${table === '' ? '' : `${table}\n\n`}${formatBudgetTable(check)}\n`, mask);
	}

	return isFailing ? 1 : 0;
}

async function runPlainStatus(options: StatusCommandOptions): Promise<number> {
	if (options.project === undefined || options.project.trim() === '') {
		throw new UsageError('status needs --project NAME, or a profile (stacktui status PROFILE)');
	}

	const connection = await connectEngine({explicitAddress: options.engine});
	const report = await takeStatus(connection, options.project);
	const output = renderStatus(report, options.isJson);
	if (output !== '') {
		writeText(process.stdout, output + '\n');
	}

	if (report.message !== undefined) {
		writeText(process.stderr, `stacktui: ${report.message}\n`);
	}

	return 0;
}
