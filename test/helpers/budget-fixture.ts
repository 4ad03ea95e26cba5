import type {ContainerInfo, Health, StatsSample} from '../../source/engine/types.js';
import {emptyBudgets} from '../../source/profile/read-budgets.js';
import type {Budgets, PhaseDefinition, ProbeDefinition, StepDefinition} from '../../source/profile/types.js';
import type {BudgetState} from '../../source/stack/budget-types.js';
import {evaluatorFor} from '../../source/stack/budgets.js';
import type {EvaluatorInput} from '../../source/stack/evaluator.js';
import type {StackState} from '../../source/stack/model.js';
import {initialLifecycle} from '../../source/stack/incidents.js';

export const mib = 1024 * 1024;
/** Evaluations are at `base + offset`; container starts are ISO times from the same base. */
export const base = Date.parse('2024-05-01T10:00:00Z');

export type Item = {
	readonly id: string;
	readonly service: string;
	readonly memory?: number;
	readonly cpu?: number;
	readonly state?: ContainerInfo['state'];
	readonly health?: Health;
	/** Offset of the run's start from `base`. */
	readonly startedAt?: number;
	readonly isOomKilled?: boolean;
	readonly healthFailures?: number;
};

export function container(item: Item): ContainerInfo {
	return {
		id: item.id,
		name: `demo-${item.id}`,
		service: item.service,
		project: 'demo',
		number: 1,
		image: 'busybox',
		state: item.state ?? 'running',
		health: item.health ?? 'none',
		startedAt: new Date(base + (item.startedAt ?? 0)).toISOString(),
		finishedAt: undefined,
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: item.isOomKilled ?? false,
		...(item.healthFailures === undefined ? {} : {healthFailures: item.healthFailures}),
		labels: {},
	};
}

export function sample(memory: number, cpu: number | undefined): StatsSample {
	return {read: '', cpuPercent: cpu, memoryBytes: memory, memoryLimitBytes: 0, memoryPercent: 0, networkRxBytes: 0, networkTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 1};
}

/** A stack state; an item without memory has no sample yet. */
export function stack(...items: Item[]): StackState {
	return {
		lifecycle: initialLifecycle(),
		project: 'demo',
		engine: 'connected',
		engineError: undefined,
		isListed: true,
		containers: new Map(items.map(item => [item.id, container(item)])),
		stats: new Map(items.filter(item => item.memory !== undefined && (item.state ?? 'running') === 'running').map(item => [item.id, sample(item.memory ?? 0, item.cpu ?? 0)])),
	};
}

export function budgets(overrides: Partial<Budgets> = {}): Budgets {
	return {...emptyBudgets, sustainMs: 10_000, clearMs: 0, hysteresis: 0, ...overrides};
}

export type Plan = {
	readonly budgets: Budgets;
	readonly services?: readonly string[];
	readonly probes?: readonly ProbeDefinition[];
	readonly steps?: readonly StepDefinition[];
	readonly phases?: readonly PhaseDefinition[];
};

export type Step = readonly [offset: number, state: StackState, extra?: Partial<Omit<EvaluatorInput, 'now' | 'state'>>];

/** Runs one evaluator over (offset, state) steps and returns every result. */
export function run(plan: Plan, steps: readonly Step[]): BudgetState[] {
	const evaluator = evaluatorFor({budgets: plan.budgets, probes: plan.probes ?? [], soak: {durationMs: undefined, steps: plan.steps ?? []}}, plan.services ?? []);
	return steps.map(([offset, state, extra]) => evaluator.evaluate({now: base + offset, state, phase: null, ...extra}));
}

export function trackOf(state: BudgetState | undefined, id: string) {
	return state?.tracks.find(track => track.id === id);
}
