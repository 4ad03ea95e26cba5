import path from 'node:path';
import process from 'node:process';
import {parseDuration} from '../config/units.js';
import {connectEngine} from '../engine/connect.js';
import {knownSecretValues, secretMasker} from '../stack/known-secrets.js';
import {readEnvSecrets} from '../stack/mask.js';
import {sanitizeLines} from '../stack/sanitize.js';
import {readRecord} from '../soak/read-record.js';
import {writeReports} from '../soak/report/index.js';
import {newsOf, progressLine, stepNews, verdictSummary} from '../soak/soak-progress.js';
import {runSoak} from '../soak/soak-run.js';
import {openProfileStack} from './open-profile-stack.js';
import type {StackQuery} from './resolve-stack.js';
import {expectedServices, stackOperations} from './stack-operations.js';
import {listenBeforeSession, metricsFlag} from './metrics-flag.js';
import {UsageError} from './usage-error.js';

export type SoakCommandOptions = StackQuery & {
	readonly duration: string | undefined;
	readonly isUp: boolean;
	readonly record: string | undefined;
	/** --metrics HOST:PORT: serve OpenMetrics there while the soak runs. */
	readonly metrics?: string | undefined;
	readonly engine: string | undefined;
	readonly output?: {readonly stdout: NodeJS.WriteStream | {write(text: string): unknown; isTTY?: boolean}; readonly stderr: {write(text: string): unknown}};
};

/** How often a plain (not a terminal) output prints the progress line. */
const plainProgressMs = 60_000;

/** `stacktui soak [PROFILE] --duration 1h [--up] [--record DIR]`: 0 every budget held, 1 one breached, 2 an error. */
export async function runSoakCommand(options: SoakCommandOptions): Promise<number> {
	const {stdout, stderr} = options.output ?? {stdout: process.stdout, stderr: process.stderr};
	// First: a bad address is a usage error before anything starts.
	const metrics = options.metrics === undefined ? undefined : metricsFlag(options.metrics);
	const {profile, project} = openProfileStack(options, 'soak');
	const durationMs = options.duration === undefined ? profile.soak.durationMs : parseDuration(options.duration);
	if (durationMs === undefined || durationMs <= 0) {
		throw new UsageError(options.duration === undefined ? 'soak needs --duration (e.g. --duration 1h), or soak.duration in the profile' : `--duration: "${options.duration}" is not a duration (e.g. 30m, 1h)`);
	}

	const directory = path.resolve(options.cwd, options.record ?? defaultDirectory(profile.name));
	const connection = await connectEngine({explicitAddress: options.engine ?? profile.engine});
	const operations = stackOperations(connection.docker, project, profile.project, profile.budgets.startupMs);
	const {up} = operations;
	const controller = new AbortController();
	// Bound before the soak starts: an address in use exits 2 before anything is recorded.
	const endpoint = metrics === undefined ? undefined : await listenBeforeSession(metrics, profile.project, controller.signal);
	const onSignal = () => controller.abort();
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const isTerminal = stdout.isTTY === true;
	// News holds names, messages and command output from files and the engine: sanitized, the profile's secrets masked.
	const mask = secretMasker(knownSecretValues(profile.envFile, project.services.map(service => service.environment)));
	const shown = (text: string) => mask(sanitizeLines(text));
	let status = '';
	const print = (text: string) => {
		stdout.write(isTerminal ? `\r\u001B[K${shown(text)}\n${shown(status)}` : `${shown(text)}\n`);
	};

	try {
		const result = await runSoak({
			docker: connection.docker,
			engine: {address: connection.address, version: connection.version},
			profile,
			services: expectedServices(project),
			directory,
			durationMs,
			// Up only needs the signal: it waits for the stack itself.
			...(options.isUp && up !== undefined ? {up: async (signal: AbortSignal) => up({signal, runs: () => new Map(), waitForStack: async () => ({isBack: true, waiting: []})})} : {}),
			operations,
			secrets: readEnvSecrets(profile.envFile).secretValues,
			signal: controller.signal,
			onNews: print,
			onStart(session, recorder, endsAt) {
				endpoint?.attach(() => session.view);
				print(`soak ${profile.name}: recording to ${directory}${recorder.header.session > 1 ? ` (resumed, session ${recorder.header.session})` : ''}; until ${new Date(endsAt).toLocaleTimeString()}`);
				session.monitor.subscribe(event => {
					if (event.type === 'phase' && profile.phases.length === 0) return;
					const news = newsOf(event);
					if (news !== undefined) print(news);
				});
				const started = recorder.ledger.sessions[0]?.at ?? Date.now();
				let lastPlain = 0;
				const timer = setInterval(() => {
					status = progressLine(profile.name, Date.now() - started, durationMs, session.monitor.evaluator.state);
					if (isTerminal) stdout.write(`\r\u001B[K${shown(status)}`);
					else if (Date.now() - lastPlain >= plainProgressMs) {
						lastPlain = Date.now();
						stdout.write(`${shown(status)}\n`);
					}
				}, 1000);
				controller.signal.addEventListener('abort', () => clearInterval(timer), {once: true});
				recorder.onStep = line => print(stepNews(line));
			},
		});
		controller.abort();
		status = '';
		const run = await readRecord(directory);
		const reports = await writeReports(directory, run);
		print(result.reason === 'interrupted' ? 'soak ended early (interrupted); the report covers the time it ran' : `soak ${result.reason}`);
		for (const line of verdictSummary(run.verdict)) print(line);
		print(`report: ${reports.files.map(written => displayFile(written, options.cwd)).join(', ')}`);
		return result.reason === 'error' ? 2 : run.verdict.exitCode;
	} catch (error) {
		stderr.write(`${isTerminal ? '\r\u001B[K' : ''}stacktui: soak: ${shown((error as Error).message.split('\n')[0] ?? 'failed')}\n`);
		return 2;
	} finally {
		controller.abort();
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}
}

/** Relative to the working directory when inside it, else absolute. */
function displayFile(file: string, cwd: string): string {
	const relative = path.relative(cwd, file);
	return relative.startsWith('..') ? file : relative;
}

function defaultDirectory(profile: string): string {
	const stamp = new Date().toISOString().slice(0, 19).replaceAll(/[-:]/g, '').replace('T', '-');
	return `soak-${profile}-${stamp}`;
}
