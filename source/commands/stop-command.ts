import {lifecycleAbortText, stopOrRestart} from '../up/stop.js';
import {formatElapsed} from '../up/progress-text.js';
import {type CommandOutput, type LoadedStack, unknownServicesMessage} from './up-command.js';
import {UsageError} from './usage-error.js';
import {writeText} from './output.js';

export type StopCommandOptions = {
	/** SERVICE… arguments; none means every service. */
	readonly services: readonly string[];
	readonly output: CommandOutput;
	/** ctrl-c: no further wave is started; the requests in flight are cancelled. */
	readonly signal?: AbortSignal;
};

/** `stacktui stop [SERVICE…]`: stops in reverse dependency order; 0 when every stop succeeded. */
export async function runStopCommand(stack: LoadedStack, options: StopCommandOptions): Promise<number> {
	return runInOrder(stack, options, 'stop');
}

/** Shared by stop and restart: validates the names, acts, and prints one line per service. */
export async function runInOrder(stack: LoadedStack, options: StopCommandOptions, action: 'stop' | 'restart'): Promise<number> {
	const known = new Set([...stack.project.services, ...stack.project.disabledServices].map(service => service.name));
	const unknown = options.services.filter(name => !known.has(name));
	if (unknown.length > 0) {
		throw new UsageError(unknownServicesMessage(stack.project, unknown));
	}

	const started = Date.now();
	const {stdout} = options.output;
	const report = await stopOrRestart(stack.connection.docker, stack.project, options.services, action, line => writeText(stdout, line + '\n'), options.signal);
	if (report.aborted !== undefined) {
		writeText(options.output.stderr, `stacktui: ${lifecycleAbortText(action, report.aborted)}\n`);
		return 1;
	}

	if (report.lines.length === 0) {
		writeText(stdout, `${stack.project.name}: no containers to ${action}\n`);
	} else {
		writeText(stdout, `${stack.project.name}: ${action === 'stop' ? 'stopped' : 'restarted'} in ${formatElapsed(Date.now() - started)}\n`);
	}

	return report.errors.length === 0 ? 0 : 1;
}
