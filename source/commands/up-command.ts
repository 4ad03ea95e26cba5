import process from 'node:process';
import {loadComposeProject} from '../compose/index.js';
import type {ComposeProject} from '../compose/types.js';
import {connectEngine, type EngineConnection} from '../engine/connect.js';
import {dependencyMap, selectServices} from '../up/graph.js';
import {UpProgress, type ProgressStream} from '../up/progress-output.js';
import {abortSummary} from '../up/abort-summary.js';
import {firstRefusal, refusalError, refusalWarnings} from '../up/refusals.js';
import {runUp} from '../up/up.js';
import {projectFilesFromLabels} from './project-files.js';
import {chooseStack, nothingToOpen, openStack, type StackQuery} from './resolve-stack.js';
import {UsageError} from './usage-error.js';
import {writeText} from './output.js';

/** A compose project on its engine: what the lifecycle commands act on. */
export type LoadedStack = {
	readonly project: ComposeProject;
	readonly connection: EngineConnection;
};

export type LoadStackQuery = StackQuery & {readonly engine: string | undefined};

/**
 * The stack the command line names (see chooseStack), loaded, then the engine connected
 * (--engine, else the profile's engine:, else DOCKER_HOST / context / autodetect). With -p NAME
 * alone, the project's own compose files are those its containers are labelled with.
 * Bad files throw ConfigError; nothing to act on is a UsageError.
 */
export async function loadStack(query: LoadStackQuery): Promise<LoadedStack> {
	const choice = chooseStack(query);
	if (choice.kind === 'nothing') {
		throw nothingToOpen(query.cwd);
	}

	if (choice.kind === 'project') {
		const connection = await connectEngine({explicitAddress: query.engine});
		const found = await projectFilesFromLabels(connection.docker, choice.project);
		if (found === undefined) {
			throw new UsageError(`no readable compose files for project ${choice.project} (its containers name none that exist here): give -f FILE`);
		}

		const project = loadComposeProject({files: found.files, projectName: choice.project, ...(found.workingDir === undefined ? {} : {projectDirectory: found.workingDir})});
		return {project, connection};
	}

	const {profile, project} = openStack(choice, query);
	const connection = await connectEngine({explicitAddress: query.engine ?? profile.engine});
	return {project, connection};
}

/** The terminal's streams. */
export const processOutput: CommandOutput = {stdout: process.stdout, stderr: process.stderr};

export type CommandOutput = {
	readonly stdout: ProgressStream;
	readonly stderr: {write(text: string): unknown};
};

export type UpCommandOptions = {
	/** SERVICE… arguments; none means every active service. */
	readonly services: readonly string[];
	readonly output: CommandOutput;
	readonly timeoutMs?: number;
	/** --allow-unsupported: start services even with keys stacktui cannot apply (warned). */
	readonly allowUnsupported?: boolean;
	/** ctrl-c: stop starting services, cancel what is in flight, say what was left. */
	readonly signal?: AbortSignal;
};

/** `stacktui up [SERVICE…]`: 0 when every selected service reached its target, 1 otherwise. */
export async function runUpCommand(stack: LoadedStack, options: UpCommandOptions): Promise<number> {
	const {project, connection} = stack;
	const selection = selectServices(project, options.services);
	if (selection.unknown.length > 0) {
		throw new UsageError(unknownServicesMessage(project, selection.unknown));
	}

	const refusal = firstRefusal(project, selection.services);
	if (refusal !== undefined && options.allowUnsupported !== true) {
		throw refusalError(refusal);
	}

	for (const warning of [...project.warnings, ...refusalWarnings(project, selection.services)]) {
		writeText(options.output.stderr, `stacktui: warning: ${warning}\n`);
	}

	const progress = new UpProgress(options.output.stdout, dependencyMap(project, selection.services));
	const result = await runUp(connection.docker, project, selection.services, {
		...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
		onResource: resource => {
			if (resource.result === 'created' && !progress.isLive) {
				writeText(options.output.stdout, `${resource.kind} ${resource.name}: created\n`);
			}
		},
		onChange: (state, event) => progress.onChange(state, event),
		...(options.signal === undefined ? {} : {signal: options.signal}),
	});
	progress.finish(result.state, result.endedAtMs);
	if (result.isAborted) options.output.stderr.write(`stacktui: ${abortSummary(result.state)}\n`);
	return result.isSuccess ? 0 : 1;
}

/** "no such service: x (services: a, b)", with the project's service names. */
export function unknownServicesMessage(project: ComposeProject, unknown: readonly string[]): string {
	const names = [...project.services, ...project.disabledServices].map(service => service.name);
	return `no such service${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (services of ${project.name}: ${names.join(', ') || 'none'})`;
}
