import {execFile} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {chooseStack, openStack} from '../../source/commands/resolve-stack.js';
import {composeModel, stacktuiModel, type Model} from './projection.js';

const run = promisify(execFile);

/** One conformance case: files as a user has them, the command line, and what the specification says. */
export type ConformanceCase = {
	readonly name: string;
	/** Relative path → content; directories are made as needed. */
	readonly files: Readonly<Record<string, string>>;
	/** Arguments before the command, as docker compose takes them: -f FILE, -p NAME. */
	readonly args?: readonly string[];
	/** Environment besides HOME (the case directory) and PATH. */
	readonly environment?: Readonly<Record<string, string>>;
	/** Run in this subdirectory of the case (to find the compose file in a parent). */
	readonly cwd?: string;
	/** What the Compose Specification or Compose's documentation says happens. */
	readonly expect: 'accept' | 'reject';
	/** Where that is documented. */
	readonly source: string;
	/** A deliberate difference: stacktui rejects what compose accepts, and why. */
	readonly deliberate?: string;
};

export type Outcome = {readonly accepted: true; readonly model: Model} | {readonly accepted: false; readonly error: string};

/** Compose v2 as scripts/ensure-compose-v2.sh installs it (Debian unstable's docker-compose 2.40). */
export function composeBinary(): string {
	const cache = process.env['STACKTUI_CACHE'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(os.homedir(), '.cache'), 'stacktui');
	const binary = path.join(cache, 'bin', 'docker-compose-v2');
	if (!existsSync(binary)) {
		throw new Error(`${binary} is missing: run bash scripts/ensure-engine.sh (it runs scripts/ensure-compose-v2.sh)`);
	}

	return binary;
}

/** Writes the case's files into a new directory; returns it. */
export function writeCase(conformanceCase: ConformanceCase, root: string): string {
	const directory = mkdtempSync(path.join(root, `${conformanceCase.name.replaceAll(/[^\w-]+/g, '-').slice(0, 40)}-`));
	for (const [file, content] of Object.entries(conformanceCase.files)) {
		mkdirSync(path.dirname(path.join(directory, file)), {recursive: true});
		writeFileSync(path.join(directory, file), content);
	}

	return directory;
}

function environmentOf(conformanceCase: ConformanceCase, directory: string): Record<string, string> {
	return {HOME: directory, ...conformanceCase.environment};
}

export async function runCompose(conformanceCase: ConformanceCase, directory: string): Promise<Outcome> {
	const cwd = path.join(directory, conformanceCase.cwd ?? '.');
	try {
		const {stdout} = await run(composeBinary(), [...(conformanceCase.args ?? []), 'config', '--format', 'json'], {
			cwd,
			env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...environmentOf(conformanceCase, directory)},
		});
		return {accepted: true, model: composeModel(JSON.parse(stdout) as Record<string, unknown>)};
	} catch (error) {
		const stderr = (error as {stderr?: string}).stderr ?? String(error);
		return {accepted: false, error: stderr.trim().split('\n').at(-1) ?? stderr};
	}
}

export function runStacktui(conformanceCase: ConformanceCase, directory: string): Outcome {
	const cwd = path.join(directory, conformanceCase.cwd ?? '.');
	const args = [...(conformanceCase.args ?? [])];
	const files: string[] = [];
	let project: string | undefined;
	for (let index = 0; index < args.length; index++) {
		if (args[index] === '-f') files.push(args[++index] ?? '');
		else if (args[index] === '-p') project = args[++index];
	}

	try {
		const query = {files, project, cwd, environment: environmentOf(conformanceCase, directory)};
		const choice = chooseStack(query);
		if (choice.kind !== 'compose' && choice.kind !== 'profile') {
			return {accepted: false, error: `nothing to open (${choice.kind})`};
		}

		return {accepted: true, model: stacktuiModel(openStack(choice, query).project)};
	} catch (error) {
		return {accepted: false, error: (error as Error).message};
	}
}
