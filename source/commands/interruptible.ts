import os from 'node:os';
import process from 'node:process';

/** The exit code of a process ended by a signal, as shells report it: 130 for SIGINT, 143 for SIGTERM. */
export function signalExitCode(signal: NodeJS.Signals): number {
	return 128 + (os.constants.signals[signal] ?? 0);
}

/**
 * Runs a command with a signal that ctrl-c (SIGINT), SIGTERM and SIGHUP abort instead of killing
 * the process, so the command stops starting things and says what it left. Resolves with the
 * command's exit code, or the signal's when one arrived.
 */
export async function interruptible(work: (signal: AbortSignal) => Promise<number>): Promise<number> {
	const controller = new AbortController();
	let endedBy: NodeJS.Signals | undefined;
	const onSignal = (signal: NodeJS.Signals) => {
		endedBy ??= signal;
		controller.abort();
	};

	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	for (const signal of signals) process.on(signal, onSignal);
	try {
		const code = await work(controller.signal);
		return endedBy === undefined ? code : signalExitCode(endedBy);
	} finally {
		for (const signal of signals) process.off(signal, onSignal);
	}
}
