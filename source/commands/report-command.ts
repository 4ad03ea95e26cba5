import {statSync} from 'node:fs';
import path from 'node:path';
import {displayPath} from '../profile/display-path.js';
import {RecordError, readRecord} from '../soak/read-record.js';
import {writeReports} from '../soak/report/index.js';
import {formatMilliseconds} from '../soak/report/format-values.js';
import {UsageError} from './usage-error.js';

export type ReportCommandOptions = {
	readonly directory: string | undefined;
	readonly cwd: string;
	readonly write: (text: string) => void;
};

/**
 * `stacktui report DIR`: reads the record in DIR and writes report.json, report.md,
 * report.junit.xml and report.html beside it. Exit 0 when every budget held, 1 when one was
 * breached; a missing or unreadable record is a one-line usage error (exit 2).
 */
export async function runReportCommand(options: ReportCommandOptions): Promise<number> {
	if (options.directory === undefined) throw new UsageError('report: which record? stacktui report DIR (the directory given to --record)');
	const directory = path.resolve(options.cwd, options.directory);
	checkDirectory(options.directory, directory);
	let written;
	try {
		const run = await readRecord(directory);
		written = {run, ...(await writeReports(directory, run))};
	} catch (error) {
		if (error instanceof RecordError) throw new UsageError(`report: ${error.message}`);
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== undefined) throw new UsageError(`report: ${options.directory}: ${(error as Error).message.split('\n')[0] ?? code}`);
		throw error;
	}

	const {run, status, exitCode, files} = written;
	const counts = run.verdict.budgets.filter(budget => budget.status === 'breached').length;
	options.write(
		`${status === 'breached' ? 'BREACHED' : status === 'held' ? 'HELD' : 'NOT EVALUATED'}: ${counts} of ${run.verdict.budgets.length} budgets breached over ${formatMilliseconds(run.verdict.run.observedMs)} of ${run.verdict.run.profile}\n`,
	);
	for (const file of files) options.write(`  ${displayPath(file, options.cwd)}\n`);
	return exitCode;
}

function checkDirectory(given: string, directory: string): void {
	let isDirectory: boolean;
	try {
		isDirectory = statSync(directory).isDirectory();
	} catch {
		throw new UsageError(`report: ${given}: no such directory`);
	}

	if (!isDirectory) throw new UsageError(`report: ${given}: not a directory (give the directory that holds record.ndjson)`);
}
