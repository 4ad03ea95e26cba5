import type {PhaseLine, RunLine, StepLine} from './record-types.js';
import type {PhaseSpan, StepStatus} from './verdict-types.js';

export type StepProgress = {
	startedAt: number | null;
	endedAt: number | null;
	status: StepStatus;
	recoveryMs: number | null;
	message: string;
};

/**
 * What a verdict needs beyond the evaluator: sessions (a resume is a new one), the gaps between
 * them, phase spans and each step's progress. Fed the same lines live and in a replay.
 */
export class RunLedger {
	readonly sessions: RunLine[] = [];
	readonly gaps: Array<{from: number; to: number}> = [];
	readonly phases: PhaseSpan[] = [];
	readonly steps = new Map<number, StepProgress>();
	lastAt = 0;

	/** Every line's time, so a gap starts at the last line of a session. */
	seen(at: number): void {
		this.lastAt = Math.max(this.lastAt, at);
	}

	session(line: RunLine): void {
		if (this.sessions.length > 0 && line.at > this.lastAt) {
			this.gaps.push({from: this.lastAt, to: line.at});
			const open = this.phases.at(-1);
			if (open !== undefined && open.to === null) this.phases[this.phases.length - 1] = {...open, to: this.lastAt};
		}

		this.sessions.push(line);
		this.seen(line.at);
	}

	phase(line: PhaseLine): void {
		const open = this.phases.at(-1);
		if (open !== undefined && open.to === null) this.phases[this.phases.length - 1] = {...open, to: line.at};
		if (line.phase !== null) this.phases.push({phase: line.phase, from: line.at, to: null});
		this.seen(line.at);
	}

	step(line: StepLine): void {
		const progress = this.steps.get(line.index) ?? {startedAt: null, endedAt: null, status: 'pending', recoveryMs: null, message: ''};
		if (line.state === 'started') {
			progress.startedAt = line.at;
			progress.status = 'running';
		} else if (line.state === 'passed' || line.state === 'failed' || line.state === 'skipped') {
			progress.endedAt = line.at;
			progress.status = line.state;
		}

		if (line.recoveryMs !== undefined) progress.recoveryMs = line.recoveryMs;
		progress.message = line.message;
		this.steps.set(line.index, progress);
		this.seen(line.at);
	}

	/** Unobserved time before `now`. */
	gapMs(): number {
		return this.gaps.reduce((total, gap) => total + gap.to - gap.from, 0);
	}
}
