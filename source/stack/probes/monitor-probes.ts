import type Docker from 'dockerode';
import {sanitizeLine} from '../clean-text.js';
import type {StackState} from '../model.js';
import type {StackMonitor} from '../monitor.js';
import {runProbes} from './probe-runner.js';
import {runProbe} from './run-probe.js';

/** Runs the profile's probes for a monitor until the signal aborts: exec in the service's first running container. */
export async function runMonitorProbes(docker: Docker, monitor: StackMonitor, state: () => StackState, signal: AbortSignal): Promise<void> {
	const containerOf = (service: string) => {
		const running = [...state().containers.values()].filter(container => container.service === service && container.state === 'running');
		return running.sort((left, right) => left.number - right.number)[0]?.id;
	};

	await runProbes({
		probes: monitor.profile.probes,
		check: async (probe, probeSignal) => runProbe(probe, {docker, containerOf}, probeSignal),
		isReady: probe => monitor.isProbeReady(probe),
		onResult: result => monitor.probeResult(result.error === undefined ? result : {...result, error: sanitizeLine(result.error)}),
		signal,
	});
}
