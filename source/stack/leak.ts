/** Trend statistics for leak detection: robust to one-off spikes, honest about noise. */

export type Point = {readonly at: number; readonly value: number};

export type Trend = {
	/** Theil–Sen: the median of pairwise slopes, value units per hour. */
	readonly slopePerHour: number;
	/** 95 % confidence interval of the slope (Sen's rank method). */
	readonly lowerPerHour: number;
	readonly upperPerHour: number;
	/** 0..1: one-sided Mann–Kendall confidence that the series grows. */
	readonly confidence: number;
	/** Growth spread over the window: each quarter's median above the previous by a fair share. */
	readonly isSteady: boolean;
	readonly points: number;
	readonly spanMs: number;
};

const hourMs = 3_600_000;
const z95 = 1.959_964;

/** The trend of a series (times ascending); undefined with fewer than 4 points or no time span. */
export function trendOf(points: readonly Point[]): Trend | undefined {
	const count = points.length;
	const first = points[0];
	const last = points.at(-1);
	if (count < 4 || first === undefined || last === undefined || last.at <= first.at) return undefined;
	const slopes: number[] = [];
	let score = 0;
	for (let left = 0; left < count; left++) {
		const a = points[left] as Point;
		for (let right = left + 1; right < count; right++) {
			const b = points[right] as Point;
			score += Math.sign(b.value - a.value);
			if (b.at > a.at) slopes.push(((b.value - a.value) / (b.at - a.at)) * hourMs);
		}
	}

	slopes.sort((x, y) => x - y);
	const variance = (count * (count - 1) * (2 * count + 5)) / 18;
	const spread = z95 * Math.sqrt(variance);
	const total = slopes.length;
	const lowerRank = Math.max(0, Math.floor((total - spread) / 2) - 1);
	const upperRank = Math.min(total - 1, Math.ceil((total + spread) / 2));
	const slopePerHour = median(slopes);
	const z = score > 0 ? (score - 1) / Math.sqrt(variance) : score < 0 ? (score + 1) / Math.sqrt(variance) : 0;
	return {
		slopePerHour,
		lowerPerHour: slopes[lowerRank] ?? slopePerHour,
		upperPerHour: slopes[upperRank] ?? slopePerHour,
		confidence: normalCdf(z),
		isSteady: isSteadyGrowth(points, slopePerHour),
		points: count,
		spanMs: last.at - first.at,
	};
}

/**
 * Steady growth shows in every quarter of the window: each quarter's median rises over the
 * previous one by at least a quarter of what the slope predicts. A jump to a new level (a
 * plateau) or a one-off spike raises one quarter at most.
 */
export function isSteadyGrowth(points: readonly Point[], slopePerHour: number): boolean {
	const first = points[0];
	const last = points.at(-1);
	if (first === undefined || last === undefined || slopePerHour <= 0) return false;
	const quarterMs = (last.at - first.at) / 4;
	const medians: number[] = [];
	for (let quarter = 0; quarter < 4; quarter++) {
		const from = first.at + quarter * quarterMs;
		const until = quarter === 3 ? Number.POSITIVE_INFINITY : from + quarterMs;
		const values = points.filter(point => point.at >= from && point.at < until).map(point => point.value);
		if (values.length === 0) return false;
		medians.push(median([...values].sort((x, y) => x - y)));
	}

	const expectedRise = (slopePerHour * quarterMs) / hourMs;
	return medians.slice(1).every((value, index) => value - (medians[index] ?? value) >= expectedRise / 4);
}

/** A leak: faster than the limit, confidently growing (the interval above zero) and steadily, not by one jump. */
export function isLeak(trend: Trend, limitPerHour: number): boolean {
	return trend.slopePerHour > limitPerHour && trend.lowerPerHour > 0 && trend.confidence >= 0.95 && trend.isSteady;
}

/** Median of an ascending list. */
export function median(sorted: readonly number[]): number {
	if (sorted.length === 0) return Number.NaN;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
export function normalCdf(z: number): number {
	const x = Math.abs(z) / Math.SQRT2;
	const t = 1 / (1 + 0.327_591_1 * x);
	const erf = 1 - (((((1.061_405_429 * t - 1.453_152_027) * t + 1.421_413_741) * t - 0.284_496_736) * t + 0.254_829_592) * t * Math.exp(-x * x));
	return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
