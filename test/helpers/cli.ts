import {execFile} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type CliResult = {readonly code: number; readonly stdout: string; readonly stderr: string; readonly milliseconds: number};

/** Runs the real stacktui entry point in a child process, as a user's shell would. */
export async function runCli(args: readonly string[], environment: Record<string, string | undefined> = {}, timeoutMs = 60_000, cwd = root): Promise<CliResult> {
	const started = Date.now();
	return new Promise(resolve => {
		execFile(
			process.execPath,
			[`--import=${path.join(root, 'node_modules/tsx/dist/esm/index.mjs')}`, path.join(root, 'source/bin.ts'), ...args],
			{cwd, env: {...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.json'), ...environment}, timeout: timeoutMs},
			(error, stdout, stderr) => {
				const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
				resolve({code, stdout, stderr, milliseconds: Date.now() - started});
			},
		);
	});
}
