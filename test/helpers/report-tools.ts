import {execFile} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ReportTools = {readonly chromium: string; readonly prometheus: string; readonly promtool: string};

let tools: Promise<ReportTools> | undefined;

/**
 * Chromium and Debian's Prometheus, installed by scripts/ensure-report-tools.sh (idempotent, a
 * no-op once installed; `npm test` runs it first too). A missing tool fails the test, never skips it.
 */
export async function reportTools(): Promise<ReportTools> {
	tools ??= run('bash', [path.join(root, 'scripts/ensure-report-tools.sh')], {timeout: 600_000}).then(({stdout}) => {
		const value = (name: string) => {
			const found = new RegExp(`^${name}=(.+)$`, 'm').exec(stdout)?.[1];
			if (!found) throw new Error(`ensure-report-tools.sh printed no ${name} path:\n${stdout}`);
			return found;
		};

		const prometheus = value('prometheus');
		return {chromium: value('chromium'), prometheus, promtool: path.join(path.dirname(prometheus), 'promtool')};
	});
	return tools;
}
