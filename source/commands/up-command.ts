import type {ComposeProject} from '../compose/types.js';
import type {EngineConnection} from '../engine/connect.js';
import {dependencyMap, selectServices} from '../up/graph.js';
import {UpProgress, type ProgressStream} from '../up/progress-output.js';
import {runUp} from '../up/up.js';
import {UsageError} from './usage-error.js';

/** A profile's compose project on its engine: what the lifecycle commands act on. */
export type LoadedStack = {
	readonly project: ComposeProject;
	readonly connection: EngineConnection;
};

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
		options.output.stderr.write(`stacktui: warning: ${warning}\n`);
	}

	const progress = new UpProgress(options.output.stdout, dependencyMap(project, selection.services));
	const result = await runUp(connection.docker, project, selection.services, {
		...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
		onResource: resource => {
			if (resource.result === 'created' && !progress.isLive) {
				options.output.stdout.write(`${resource.kind} ${resource.name}: created\n`);
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
