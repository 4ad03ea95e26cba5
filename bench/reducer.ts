// Throughput of the stack reducer (source/stack/model.ts `reduce`) and of the budget evaluator
// (source/stack/evaluator.ts) on synthetic stats for 20 running containers (10 services × 2 replicas).
// Run:    npx tsx bench/reducer.ts [SECONDS_PER_ROUND=1] [ROUNDS=5]
// Prints: operations per second per benchmark (median of the rounds, and the slowest round).
//   reduce stats-sampled: one new sample for one container (the hot path: ~20 a second live).
//   reduce mixed: 19 samples then one restart burst (die, start, restart) per 22 actions.
//   evaluate budgets: one evaluation of a stack with stack + service budgets over a state that
//   changes every call, the clock advancing 250 ms per call so breaches begin, warn and end.
import {performance} from 'node:perf_hooks';
import type {ContainerInfo, EngineEvent, StatsSample} from '../source/engine/types.js';
import type {Budgets} from '../source/profile/types.js';
import {emptyBudgets} from '../source/profile/read-budgets.js';
import {evaluatorFor} from '../source/stack/budgets.js';
import {type StackAction, type StackState, initialState, reduce} from '../source/stack/model.js';

const secondsPerRound = Number(process.argv[2] ?? 1);
const rounds = Number(process.argv[3] ?? 5);
const mebibyte = 1024 * 1024;
const containerCount = 20;
const ids = Array.from({length: containerCount}, (_, index) => `container-${index}`);
const serviceOf = (index: number) => `service-${Math.floor(index / 2)}`;

function container(index: number): ContainerInfo {
	return {
		id: ids[index] ?? '',
		name: `stt-bench-${serviceOf(index)}-${(index % 2) + 1}`,
		service: serviceOf(index),
		project: 'stt-bench',
		number: (index % 2) + 1,
		image: 'stacktui-test/busybox:1',
		state: 'running',
		health: index % 3 === 0 ? 'healthy' : 'none',
		startedAt: '2024-05-01T10:00:00Z',
		finishedAt: undefined,
		exitCode: undefined,
		restartCount: 0,
		isOomKilled: false,
		labels: {},
	};
}

/** Samples swing around the budgets so levels and breaches change. */
function sample(index: number, tick: number): StatsSample {
	const wave = Math.sin((tick + index * 3) / 40);
	return {
		read: new Date(1_714_557_600_000 + tick * 1000).toISOString(),
		cpuPercent: 30 + 30 * wave,
		memoryBytes: (60 + 50 * wave) * mebibyte,
		memoryLimitBytes: 512 * mebibyte,
		memoryPercent: ((60 + 50 * wave) / 512) * 100,
		networkRxBytes: tick * 100,
		networkTxBytes: tick * 50,
		blockReadBytes: 0,
		blockWriteBytes: 0,
		pids: 3,
	};
}

function event(id: string, action: string): EngineEvent {
	return {id, action, health: undefined, exitCode: action === 'die' ? 143 : undefined, service: undefined, project: 'stt-bench', timeNano: 1n};
}

const budgets: Budgets = {
	...emptyBudgets,
	sustainMs: 10_000,
	startupMs: 60_000,
	stack: {memoryBytes: 1200 * mebibyte, cpuPercent: 600},
	services: Object.fromEntries(Array.from({length: 5}, (_, index) => [`service-${index}`, {memoryBytes: 200 * mebibyte, cpuPercent: 90}])),
};

let base = reduce(reduce(initialState('stt-bench'), {type: 'engine-connected'}), {
	type: 'containers-listed',
	containers: ids.map((_, index) => container(index)),
});
for (const [index, id] of ids.entries()) base = reduce(base, {type: 'stats-sampled', id, sample: sample(index, 0)});

/** A precomputed cycle of actions, so the loop measures `reduce`, not building its input. */
function actionCycle(withRestarts: boolean): StackAction[] {
	const actions: StackAction[] = [];
	for (let tick = 1; actions.length < 4400; tick++) {
		const index = tick % containerCount;
		const id = ids[index] ?? '';
		if (withRestarts && tick % 19 === 0) {
			for (const action of ['die', 'start', 'restart']) actions.push({type: 'engine-event', event: event(id, action)});
		} else {
			actions.push({type: 'stats-sampled', id, sample: sample(index, tick)});
		}
	}

	return actions;
}

/** Runs `step` for `secondsPerRound`, `rounds` times; returns operations per second per round. */
function bench(step: (iteration: number) => void): number[] {
	const rates: number[] = [];
	for (let round = 0; round <= rounds; round++) {
		let iteration = 0;
		const started = performance.now();
		const deadline = started + secondsPerRound * 1000;
		while (performance.now() < deadline) {
			for (let batch = 0; batch < 100; batch++) step(iteration++);
		}

		if (round > 0) rates.push(iteration / ((performance.now() - started) / 1000)); // round 0 warms up
	}

	return rates.sort((left, right) => left - right);
}

function report(name: string, rates: readonly number[]): void {
	const median = rates[Math.floor(rates.length / 2)] ?? Number.NaN;
	const format = (value: number) => Math.round(value).toLocaleString('en-US').padStart(11);
	console.log(`${name.padEnd(28)} ${format(median)} ops/s (slowest round ${format(rates[0] ?? Number.NaN).trim()})`);
}

console.log(`${containerCount} containers, ${rounds} rounds of ${secondsPerRound} s (node ${process.version})`);
for (const [name, actions] of [
	['reduce stats-sampled', actionCycle(false)],
	['reduce mixed (restarts)', actionCycle(true)],
] as const) {
	let state = base;
	report(name, bench(iteration => {
		state = reduce(state, actions[iteration % actions.length]!);
	}));
}

// States as the session would see them: one per sample, in order; then evaluate over them.
const states: StackState[] = [];
let walking = base;
for (const action of actionCycle(true)) states.push((walking = reduce(walking, action)));
const evaluator = evaluatorFor({budgets, probes: [], soak: {durationMs: undefined, steps: []}}, Array.from({length: 10}, (_, index) => `service-${index}`));
let warnings = 0;
report('evaluate budgets', bench(iteration => {
	warnings = evaluator.evaluate({now: 1_714_557_600_000 + iteration * 250, state: states[iteration % states.length]!, phase: null}).warnings.length;
}));
console.log(`(budget warnings recorded in the last round: ${warnings})`);
