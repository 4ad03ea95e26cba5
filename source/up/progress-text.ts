import {hasReachedTarget, type Phase, type ServiceRun, type UpState} from './model.js';

/** Seconds with one decimal below a minute ("2.3s"), then "1m05s". */
/** A build step's first line: `Step 3/5 : RUN …` (Docker), `STEP 3/5: RUN …` (Podman's buildah). */
export function isBuildStep(line: string): boolean {
	return /^step \d+\/\d+ ?:/i.test(line);
}

export function formatElapsed(milliseconds: number): string {
	const seconds = Math.max(0, milliseconds) / 1000;
	if (seconds < 60) {
		return `${seconds.toFixed(1)}s`;
	}

	const whole = Math.floor(seconds);
	return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/** The state word of a service, with what it waits for or why it failed. */
export function phaseText(run: ServiceRun, waitingFor: readonly string[] = []): string {
	switch (run.phase) {
		case 'created': {
			return waitingFor.length > 0 ? `waiting for ${waitingFor.join(', ')}` : 'created';
		}

		case 'running': {
			return run.target === 'running' ? 'running' : `running, waiting until ${run.target ?? 'ready'}`;
		}

		case 'failed':
		case 'blocked': {
			return `${run.phase}: ${run.reason ?? 'unknown reason'}`;
		}

		default: {
			return run.detail === undefined ? run.phase : `${run.phase} ${run.detail}`;
		}
	}
}

/** One plain line per change, for logs and pipes: `web: healthy (2.3s)`, time since the up began. */
export function plainLine(run: ServiceRun, state: UpState, waitingFor: readonly string[] = []): string {
	const at = run.phaseTimes[run.phase] ?? state.startedAtMs;
	return `${run.name}: ${phaseText(run, waitingFor)} (${formatElapsed(at - state.startedAtMs)})`;
}

const symbols: Partial<Record<Phase, string>> = {healthy: '✔', completed: '✔', failed: '✘', blocked: '✘'};

/** The live display: one line per service with its time in the current phase. */
export function liveLines(
	state: UpState,
	nowMs: number,
	waitingForOf: (service: string) => readonly string[],
	width = 100,
): string[] {
	const nameWidth = Math.max(...state.order.map(name => name.length), 7);
	return state.order.map(name => {
		const run = state.services[name];
		if (run === undefined) {
			return name;
		}

		const symbol = symbols[run.phase] ?? (run.phase === 'running' && hasReachedTarget(run) ? '✔' : '•');
		const since = run.phaseTimes[run.phase] ?? state.startedAtMs;
		const isDone = hasReachedTarget(run) || run.phase === 'failed' || run.phase === 'blocked';
		const time = isDone ? formatElapsed(since - state.startedAtMs) : formatElapsed(nowMs - since);
		return truncate(`${symbol} ${name.padEnd(nameWidth)}  ${time.padStart(6)}  ${phaseText(run, waitingForOf(name))}`, width);
	});
}

const stepNames: ReadonlyArray<[Phase, string]> = [
	['pulling', 'pull'],
	['building', 'build'],
	['creating', 'create'],
	['starting', 'start'],
];

/**
 * The final table: each service's result, when it got there (since the up began), and how long
 * its steps took; then the total.
 */
export function summaryLines(state: UpState, endMs: number): string[] {
	const runs = state.order.map(name => state.services[name]).filter((run): run is ServiceRun => run !== undefined);
	const nameWidth = Math.max(...runs.map(run => run.name.length), 7);
	const rows = runs.map(run => {
		const result = hasReachedTarget(run) ? (run.phase === 'running' ? 'running' : run.phase) : phaseText(run);
		const at = run.phaseTimes[run.phase] ?? endMs;
		return `${run.name.padEnd(nameWidth)}  ${formatElapsed(at - state.startedAtMs).padStart(6)}  ${result}${stepsText(run)}`;
	});
	const ready = runs.filter(run => hasReachedTarget(run)).length;
	return [...rows, `${ready}/${runs.length} services ready in ${formatElapsed(endMs - state.startedAtMs)}`];
}

/** "(kept)" or "(create 0.1s, start 0.2s, healthy after 1.9s)". */
function stepsText(run: ServiceRun): string {
	const parts: string[] = [];
	const times = run.phaseTimes;
	const order: Phase[] = ['waiting', 'pulling', 'building', 'creating', 'created', 'starting', 'running', 'healthy', 'completed'];
	const nextTime = (phase: Phase) => {
		const later = order.slice(order.indexOf(phase) + 1).map(next => times[next]);
		return later.find(time => time !== undefined) ?? times.failed ?? times.blocked;
	};

	for (const [phase, word] of stepNames) {
		const start = times[phase];
		const end = nextTime(phase);
		if (start !== undefined && end !== undefined) {
			parts.push(`${word} ${formatElapsed(end - start)}`);
		}
	}

	const running = times.running;
	const reached = run.target === 'healthy' ? times.healthy : run.target === 'completed' ? times.completed : undefined;
	if (running !== undefined && reached !== undefined) {
		parts.push(`${run.target} after ${formatElapsed(reached - running)}`);
	}

	if (run.action === 'kept' || run.action === 'recreated') {
		parts.unshift(run.action);
	}

	return parts.length === 0 ? '' : `  (${parts.join(', ')})`;
}

function truncate(text: string, width: number): string {
	return [...text].length <= width ? text : `${[...text].slice(0, Math.max(0, width - 1)).join('')}…`;
}
