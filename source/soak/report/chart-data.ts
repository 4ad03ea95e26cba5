import type {Bucket, RecordedRun, ResourceSeries} from '../recorded-run.js';
import type {BudgetVerdict, LeakEstimate} from '../verdict-types.js';
import {leakLine, type LeakLine} from './leak-line.js';
import {marksOf, type Mark} from './marks.js';

/** A span in seconds since the epoch (what uPlot's time axis takes); `to` is the run's end when open. */
export type Span = readonly [from: number, to: number];

export type BudgetLine = {
	readonly label: string;
	readonly limit: number;
	/** When the budget applies (its phase's spans); null: the whole run. */
	readonly spans: readonly Span[] | null;
};

export type BreachShade = {readonly from: number; readonly to: number; readonly label: string};

/**
 * One chart: a min/max band and the mean on the shared time axis (null where unobserved).
 * Memory series are in KiB (what the record keeps) to keep the page small; limits and the
 * leak line in bytes.
 */
export type Panel = {
	readonly min: ReadonlyArray<number | null>;
	readonly max: ReadonlyArray<number | null>;
	readonly mean: ReadonlyArray<number | null>;
	readonly budgets: readonly BudgetLine[];
	readonly breaches: readonly BreachShade[];
};

export type SubjectCharts = {
	readonly name: string;
	readonly memory: Panel & {readonly leak: LeakLine | null};
	readonly cpu: Panel;
	/** Starts, exits, OOM kills, steps and keys that touched this subject. */
	readonly marks: readonly Mark[];
};

/** Everything the page's script draws, compact: numbers rounded, one time axis for all charts. */
export type ChartData = {
	/** Bucket midpoints, seconds since the epoch. */
	readonly times: readonly number[];
	readonly start: number;
	readonly end: number;
	readonly phases: ReadonlyArray<{readonly phase: string; readonly from: number; readonly to: number}>;
	readonly gaps: readonly Span[];
	readonly stack: SubjectCharts;
	readonly services: readonly SubjectCharts[];
};

const memoryKinds = new Set(['memory', 'leak', 'oom']);

/** The charts of a run: the stack, then every service (the expected ones and any other seen). */
export function chartData(run: RecordedRun): ChartData {
	const end = seconds(run.verdict.run.endedAt ?? run.lastAt);
	const allSeries = [run.series.stack, ...Object.values(run.series.services)];
	const times = timeAxis(allSeries, run.bucketMs, run.gaps);
	const phaseSpans = run.verdict.phases.map(span => ({phase: span.phase, from: seconds(span.from), to: span.to === null ? end : seconds(span.to)}));
	const context = {run, times, end, phaseSpans};
	const names = [...new Set([...run.header.services, ...Object.keys(run.series.services)])].sort();
	return {
		times,
		start: seconds(run.startedAt),
		end,
		phases: phaseSpans,
		gaps: run.gaps.map(gap => [seconds(gap.from), seconds(gap.to)] as const),
		stack: subjectCharts('stack', run.series.stack, null, context),
		services: names.map(name => subjectCharts(name, run.series.services[name], run.verdict.services.find(service => service.service === name)?.leak ?? null, context)),
	};
}

type Context = {
	readonly run: RecordedRun;
	readonly times: readonly number[];
	readonly end: number;
	readonly phaseSpans: ReadonlyArray<{readonly phase: string; readonly from: number; readonly to: number}>;
};

function subjectCharts(name: string, series: ResourceSeries | undefined, leak: LeakEstimate | null, context: Context): SubjectCharts {
	const budgets = context.run.verdict.budgets.filter(budget => budget.subject === name && (budget.subjectKind === 'service' || budget.subjectKind === 'stack'));
	const panel = (resource: 'memory' | 'cpu', buckets: readonly Bucket[]): Panel => {
		// Memory as whole KiB, as recorded; CPU % to two decimals, as docker stats shows it.
		const [divisor, digits] = resource === 'memory' ? [1024, 0] : [1, 2];
		const isOwn = (budget: BudgetVerdict) => (resource === 'memory' ? memoryKinds.has(budget.kind) : budget.kind === 'cpu');
		// Breaches of other kinds (uptime, restarts, startup, …) shade both charts of the subject.
		const isShared = (budget: BudgetVerdict) => !memoryKinds.has(budget.kind) && budget.kind !== 'cpu';
		return {
			...aligned(buckets, context.times, context.run.bucketMs, divisor, digits),
			budgets: budgets.filter(budget => budget.kind === resource).map(budget => budgetLine(budget, context)),
			breaches: budgets.filter(budget => isOwn(budget) || isShared(budget)).flatMap(budget => shades(budget, context.end)),
		};
	};

	return {
		name,
		memory: {...panel('memory', series?.memory ?? []), leak: leak === null ? null : leakLine(leak, series?.memory ?? [], context.end)},
		cpu: panel('cpu', series?.cpu ?? []),
		marks: marksOf(context.run, name),
	};
}

function budgetLine(budget: BudgetVerdict, context: Context): BudgetLine {
	const spans = budget.phase === null ? null : context.phaseSpans.filter(span => span.phase === budget.phase).map(span => [span.from, span.to] as const);
	return {label: budget.phase === null ? `budget ${budget.written}` : `budget ${budget.written} (${budget.phase})`, limit: budget.limit, spans};
}

function shades(budget: BudgetVerdict, end: number): BreachShade[] {
	return budget.breaches.map(breach => ({from: seconds(breach.from), to: breach.to === null ? end : seconds(breach.to), label: `${budget.id} breached`}));
}

/** One time axis for every chart: the midpoints of every bucket seen, plus a point in each gap so lines break there. */
function timeAxis(allSeries: readonly ResourceSeries[], bucketMs: number, gaps: RecordedRun['gaps']): number[] {
	const points = new Set<number>();
	for (const series of allSeries) {
		for (const bucket of [...series.memory, ...series.cpu]) points.add(midpoint(bucket, bucketMs));
	}

	for (const gap of gaps) points.add(seconds((gap.from + gap.to) / 2));
	return [...points].sort((left, right) => left - right);
}

/** A series on the shared axis: null where it has no bucket, so uPlot leaves a gap. */
function aligned(buckets: readonly Bucket[], times: readonly number[], bucketMs: number, divisor: number, digits: number): Pick<Panel, 'min' | 'max' | 'mean'> {
	const byTime = new Map(buckets.map(bucket => [midpoint(bucket, bucketMs), bucket]));
	const pick = (field: 'min' | 'max' | 'mean') => times.map(time => {
		const bucket = byTime.get(time);
		return bucket === undefined ? null : round(bucket[field] / divisor, digits);
	});
	return {min: pick('min'), max: pick('max'), mean: pick('mean')};
}

function midpoint(bucket: Bucket, bucketMs: number): number {
	// Buckets share a grid; the midpoint of the grid cell keeps series of different subjects aligned.
	const from = Math.floor(bucket.from / bucketMs) * bucketMs;
	return seconds(from + bucketMs / 2);
}

export function seconds(milliseconds: number): number {
	return Math.round(milliseconds) / 1000;
}

function round(value: number, digits: number): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
