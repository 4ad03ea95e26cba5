import {rename, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {readRecord} from '../read-record.js';
import type {RecordedRun} from '../recorded-run.js';
import type {VerdictStatus} from '../verdict-types.js';
import {maskRun, recordSecrets} from './mask-run.js';
import {reportFiles} from './report-files.js';
import {renderHtml} from './report-html.js';
import {renderJson} from './report-json.js';
import {renderJunit} from './report-junit.js';
import {renderMarkdown} from './report-markdown.js';

export {reportFiles} from './report-files.js';

export type ReportOptions = {
	/** Secret values to mask besides the patterns; default: those of the profile's .env file the record names. */
	readonly secretValues?: readonly string[];
};

export type WrittenReports = {
	readonly status: VerdictStatus;
	/** 0 held or not evaluated, 1 breached: what `stacktui report` exits with. */
	readonly exitCode: 0 | 1;
	/** Absolute paths, in the order json, markdown, junit, html. */
	readonly files: readonly string[];
};

/** The four reports of a run as text, secrets masked. Pure apart from reading uPlot's files. */
export function renderReports(run: RecordedRun, options: ReportOptions = {}): Record<keyof typeof reportFiles, string> {
	const masked = maskRun(run, options.secretValues ?? recordSecrets(run));
	return {json: renderJson(masked), markdown: renderMarkdown(masked), junit: renderJunit(masked), html: renderHtml(masked)};
}

/**
 * Writes report.json, report.md, report.junit.xml and report.html into the record directory,
 * each replaced atomically (a reader never sees half a file). Reads the record when `run` is
 * not given (throws RecordError, one line, when DIR holds none).
 */
export async function writeReports(directory: string, given?: RecordedRun, options: ReportOptions = {}): Promise<WrittenReports> {
	const run = given ?? (await readRecord(directory));
	const texts = renderReports(run, options);
	const files: string[] = [];
	for (const kind of ['json', 'markdown', 'junit', 'html'] as const) {
		const file = path.resolve(directory, reportFiles[kind]);
		const temporary = `${file}.${process.pid}.tmp`;
		await writeFile(temporary, texts[kind]);
		await rename(temporary, file);
		files.push(file);
	}

	return {status: run.verdict.status, exitCode: run.verdict.exitCode, files};
}
