import type {ContainerInfo} from '../engine/types.js';
import type {StackState} from './model.js';

/** Container id → StartedAt of its run: a changed value is a new run. */
export type Runs = ReadonlyMap<string, string | undefined>;

/** Where the stack stands after a restart: back (every container on a new run and at its target), or who still waits. */
export type StackReadiness = {readonly isBack: boolean; readonly waiting: readonly string[]};

/** What a stack-wide operation (up, ordered restart) gets from the session. */
export type OperationContext = {
	/** Aborted when the user quits: stop starting things, cancel requests, say what was left. */
	readonly signal: AbortSignal;
	/** The runs of the stack's containers now. */
	readonly runs: () => Runs;
	/** Resolves once every container has a run newer than in `before` and is at its target, or after `budgetMs` with who still waits. */
	readonly waitForStack: (before: Runs, budgetMs: number) => Promise<StackReadiness>;
};

export function runsOf(state: StackState): Runs {
	return new Map([...state.containers.values()].map(container => [container.id, container.startedAt]));
}

/** At its target: running and healthy (or without a healthcheck), or a one-shot that exited 0. */
function isAtTarget(container: ContainerInfo): boolean {
	if (container.state === 'exited') return container.exitCode === 0;
	return container.state === 'running' && (container.health === 'healthy' || container.health === 'none');
}

/** Pure: which containers of `before` are not yet on a new run at their target, as `name (state, health)`. */
export function stackReadiness(state: StackState, before: Runs): StackReadiness {
	const waiting: string[] = [];
	for (const [id, startedAt] of before) {
		const container = state.containers.get(id);
		if (container === undefined) continue;
		const isNewRun = container.startedAt !== undefined && container.startedAt !== startedAt;
		if (!isNewRun || !isAtTarget(container)) {
			waiting.push(`${container.service} (${container.health === 'none' ? container.state : container.health})`);
		}
	}

	return {isBack: waiting.length === 0, waiting};
}

/** Waits for readiness on every state change, until it holds, the budget passes or the signal aborts. */
export async function waitForStack(
	source: {readonly state: () => StackState; readonly subscribe: (listener: (state: StackState) => void) => () => void},
	before: Runs,
	budgetMs: number,
	signal: AbortSignal,
): Promise<StackReadiness> {
	const now = stackReadiness(source.state(), before);
	if (now.isBack || signal.aborted) return now;
	return new Promise(resolve => {
		const finish = () => {
			clearTimeout(timer);
			unsubscribe();
			signal.removeEventListener('abort', finish);
			resolve(stackReadiness(source.state(), before));
		};

		const timer = setTimeout(finish, budgetMs);
		const unsubscribe = source.subscribe(state => stackReadiness(state, before).isBack && finish());
		signal.addEventListener('abort', finish, {once: true});
	});
}

/**
 * The operations under way (up, restarts, lifecycle actions), so quitting can abort them all and
 * say what each left half-done. Each operation resolves with one line: its outcome, or, once
 * aborted, what it left.
 */
export class OperationTracker {
	readonly #controller = new AbortController();
	readonly #running = new Set<{readonly label: string; text: string | undefined}>();

	get signal(): AbortSignal {
		return this.#controller.signal;
	}

	/** Runs `work` with the quit signal; resolves with its line, a failure's message being its line. */
	async run(label: string, work: (signal: AbortSignal) => Promise<string>): Promise<{readonly text: string; readonly isError: boolean}> {
		const entry: {readonly label: string; text: string | undefined} = {label, text: undefined};
		this.#running.add(entry);
		let isError = false;
		try {
			entry.text = await work(this.signal).catch((error: unknown) => {
				isError = true;
				return `${label}: ${(error as Error).message?.split('\n')[0] ?? 'failed'}`;
			});
			return {text: entry.text, isError};
		} finally {
			this.#running.delete(entry);
		}
	}

	/**
	 * Aborts every operation and waits up to `graceMs` for them to settle: the lines of those
	 * that were under way (what they left), and a line for any not settled by then.
	 */
	async abortAll(graceMs: number): Promise<string[]> {
		const running = [...this.#running];
		this.#controller.abort();
		const deadline = Date.now() + graceMs;
		while (running.some(entry => entry.text === undefined) && Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 20));
		}

		return running.map(entry => entry.text ?? `${entry.label}: aborted, still running when stacktui quit`);
	}
}
