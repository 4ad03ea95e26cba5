import type {ProbeDefinition} from '../../profile/types.js';
import {sleep} from '../../engine/backoff.js';
import type {ProbeResult} from '../probe-tally.js';
import type {ProbeOutcome} from './run-probe.js';

export type ProbeRunnerOptions = {
	readonly probes: readonly ProbeDefinition[];
	/** Runs one check; never throws. */
	readonly check: (probe: ProbeDefinition, signal: AbortSignal) => Promise<ProbeOutcome>;
	/** True once a probe may start: its service was up, and its `after` step passed. */
	readonly isReady: (probe: ProbeDefinition) => boolean;
	readonly onResult: (result: ProbeResult) => void;
	readonly signal: AbortSignal;
	readonly now?: () => number;
};

/** How often a probe not yet ready looks again. */
const readyPollMs = 500;

/**
 * Runs every probe on its own interval until the signal aborts, while it is ready: checks never overlap (the
 * next one starts an interval after the previous one started, or right after it if it ran
 * long), and each result goes to `onResult`.
 */
export async function runProbes(options: ProbeRunnerOptions): Promise<void> {
	await Promise.all(options.probes.map(async probe => runOne(probe, options)));
}

async function runOne(probe: ProbeDefinition, {check, isReady, onResult, signal, now = Date.now}: ProbeRunnerOptions): Promise<void> {
	while (!signal.aborted) {
		// Not ready yet, or paused (its service is down as planned): look again soon.
		if (!isReady(probe)) {
			await sleep(readyPollMs, signal);
			continue;
		}

		const started = now();
		const outcome = await check(probe, signal);
		if (signal.aborted) return;
		onResult({at: now(), probe: probe.name, ...outcome});
		await sleep(Math.max(0, probe.intervalMs - (now() - started)), signal);
	}
}
