import process from 'node:process';
import {loadComposeProject} from '../compose/index.js';
import type {ComposeProject} from '../compose/types.js';
import {connectEngine, type EngineConnection} from '../engine/connect.js';
import {checkProfile} from '../profile/check-profile.js';
import {resolveProfilePath} from '../profile/resolve-profile-path.js';
import {dependencyMap, selectServices} from '../up/graph.js';
import {UpProgress, type ProgressStream} from '../up/progress-output.js';
import {runUp} from '../up/up.js';
import {UsageError} from './usage-error.js';
import {writeText} from './output.js';

/** A profile's compose project on its engine: what the lifecycle commands act on. */
export type LoadedStack = {
	readonly project: ComposeProject;
	readonly connection: EngineConnection;
};

/** How the command line names the stack: --profile (else ./stacktui.yaml, else the demo) and --engine. */
export type StackQuery = {
	readonly profile: string | undefined;
	readonly engine: string | undefined;
	/** --project: runs the profile's stack under another project name (a second copy, a test). */
	readonly project?: string | undefined;
	readonly cwd: string;
	readonly profilesDirectory?: string | undefined;
};

/**
 * Loads the profile and its compose files, then connects to the engine (--engine, else the
 * profile's engine:, else DOCKER_HOST / context / autodetect). Bad files throw ConfigError.
 */
export async function loadStack(query: StackQuery): Promise<LoadedStack> {
	const file = resolveProfilePath({flag: query.profile, cwd: query.cwd, ...(query.profilesDirectory ? {profilesDirectory: query.profilesDirectory} : {})});
	const {profile} = checkProfile(file);
	const project = loadComposeProject({
		files: profile.composeFiles,
		projectName: query.project ?? profile.project,
		...(profile.envFile === undefined ? {} : {envFile: profile.envFile}),
		...(profile.composeProfiles.length > 0 ? {activeProfiles: profile.composeProfiles} : {}),
	});
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
};

/** `stacktui up [SERVICE…]`: 0 when every selected service reached its target, 1 otherwise. */
export async function runUpCommand(stack: LoadedStack, options: UpCommandOptions): Promise<number> {
	const {project, connection} = stack;
	const selection = selectServices(project, options.services);
	if (selection.unknown.length > 0) {
		throw new UsageError(unknownServicesMessage(project, selection.unknown));
	}

	for (const warning of project.warnings) {
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
	});
	progress.finish(result.state, result.endedAtMs);
	return result.isSuccess ? 0 : 1;
}

/** "no such service: x (services: a, b)", with the project's service names. */
export function unknownServicesMessage(project: ComposeProject, unknown: readonly string[]): string {
	const names = [...project.services, ...project.disabledServices].map(service => service.name);
	return `no such service${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (services of ${project.name}: ${names.join(', ') || 'none'})`;
}
