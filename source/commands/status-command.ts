import process from 'node:process';
import {connectEngine} from '../engine/connect.js';
import {renderStatus, takeStatus} from './status.js';
import {writeText} from './output.js';
import {UsageError} from './usage-error.js';

export type StatusCommandOptions = {
	readonly project: string | undefined;
	readonly isJson: boolean;
	readonly engine: string | undefined;
};

/** `stacktui status`: one snapshot of the project, then exit. */
export async function runStatusCommand(options: StatusCommandOptions): Promise<number> {
	if (options.project === undefined || options.project.trim() === '') {
		throw new UsageError('status needs --project NAME');
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
