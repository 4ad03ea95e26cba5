import {runDown} from '../up/down.js';
import {formatElapsed} from '../up/progress-text.js';
import type {CommandOutput, LoadedStack} from './up-command.js';
import {writeText} from './output.js';

export type DownCommandOptions = {
	/** `--volumes`: remove the project's named volumes too. */
	readonly removeVolumes: boolean;
	readonly output: CommandOutput;
};

/** `stacktui down [--volumes]`: 0 when everything of the project was removed, 1 when something was not. */
export async function runDownCommand(stack: LoadedStack, options: DownCommandOptions): Promise<number> {
	const started = Date.now();
	const {stdout} = options.output;
	const report = await runDown(stack.connection.docker, stack.project.name, stack.project, {
		removeVolumes: options.removeVolumes,
		onLine: line => writeText(stdout, line + '\n'),
	});
	const counts = [
		count(report.containers.length, 'container'),
		count(report.networks.length, 'network'),
		...(options.removeVolumes ? [count(report.volumes.length, 'volume')] : []),
	];
	writeText(stdout, `${stack.project.name}: removed ${counts.join(', ')} in ${formatElapsed(Date.now() - started)}\n`);
	return report.errors.length === 0 ? 0 : 1;
}

function count(amount: number, noun: string): string {
	return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}
