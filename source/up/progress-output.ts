import type {Dependency} from './graph.js';
import type {Phase, UpEvent, UpState} from './model.js';
import {isBuildStep, liveLines, plainLine, summaryLines} from './progress-text.js';
import {pendingDependencies} from './scheduler.js';
import {sanitize} from '../stack/sanitize.js';

/** Where progress goes: process.stdout, or a fake one in tests. */
export type ProgressStream = {
	readonly isTTY?: boolean;
	readonly columns?: number;
	write(text: string): unknown;
};

const redrawMs = 100;

/**
 * Shows an `up` run: on a terminal a live block of one line per service, rewritten in place
 * (ANSI cursor-up and clear-line); elsewhere one plain line per state change.
 */
export class UpProgress {
	readonly #stream: ProgressStream;
	readonly #dependencies: Readonly<Record<string, readonly Dependency[]>>;
	readonly #printed = new Map<string, string>();
	#state: UpState | undefined;
	#frameHeight = 0;
	#timer: NodeJS.Timeout | undefined;

	constructor(stream: ProgressStream, dependencies: Readonly<Record<string, readonly Dependency[]>>) {
		this.#stream = stream;
		this.#dependencies = dependencies;
	}

	get isLive(): boolean {
		return this.#stream.isTTY === true;
	}

	/** Pass as UpOptions.onChange. */
	readonly onChange = (state: UpState, event: UpEvent): void => {
		this.#state = state;
		if (this.isLive) {
			this.#timer ??= setInterval(() => this.#draw(), redrawMs);
			return;
		}

		for (const name of state.order) {
			const run = state.services[name];
			if (run === undefined || run.phase === 'waiting') {
				continue;
			}

			const isStep = event.type === 'detail' && event.service === name && isPrintedDetail(run.phase, event.detail);
			const key = `${run.phase}|${run.reason ?? ''}`;
			if (isStep || this.#printed.get(name) !== key) {
				this.#printed.set(name, key);
				this.#stream.write(sanitize(plainLine(run, state, this.#waitingFor(state, name))) + '\n');
			}
		}
	};

	/** Stops redrawing, draws the final frame and prints the summary. */
	finish(state: UpState, endedAtMs: number): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
		this.#state = state;
		if (this.isLive) {
			this.#draw();
		}

		this.#stream.write(['', ...summaryLines(state, endedAtMs).map(line => sanitize(line))].join('\n') + '\n');
	}

	#draw(): void {
		const state = this.#state;
		if (state === undefined) {
			return;
		}

		const lines = liveLines(state, Date.now(), name => this.#waitingFor(state, name), (this.#stream.columns ?? 100) - 1);
		const up = this.#frameHeight > 0 ? `\u001B[${this.#frameHeight}F` : '';
		// Only the frame's own escapes reach the terminal: each line of names and reasons is sanitized.
		this.#stream.write(up + lines.map(line => `\u001B[2K${sanitize(line)}\n`).join('') + '\u001B[J');
		this.#frameHeight = lines.length;
	}

	#waitingFor(state: UpState, name: string): string[] {
		return state.services[name]?.phase === 'created' ? pendingDependencies(this.#dependencies, state, name) : [];
	}
}

/** Build steps are worth a line each in a log; pull byte counts are not. */
function isPrintedDetail(phase: Phase, detail: string): boolean {
	return phase === 'building' && isBuildStep(detail);
}
