import type {LoadedStack} from './up-command.js';
import {runInOrder, type StopCommandOptions} from './stop-command.js';

/** `stacktui restart [SERVICE…]`: restarts in dependency order, a wave at a time; 0 when every restart succeeded. */
export async function runRestartCommand(stack: LoadedStack, options: StopCommandOptions): Promise<number> {
	return runInOrder(stack, options, 'restart');
}
