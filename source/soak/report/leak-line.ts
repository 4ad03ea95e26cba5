import type {Bucket} from '../recorded-run.js';
import type {LeakEstimate} from '../verdict-types.js';

/** The leak estimate drawn over the memory chart: a straight line over the window it was fitted on. */
export type LeakLine = {
	/** Seconds since the epoch. */
	readonly from: number;
	readonly to: number;
	/** Bytes at `from` and at `to`. */
	readonly fromValue: number;
	readonly toValue: number;
	readonly slopeBytesPerHour: number;
	readonly confidence: number;
	readonly isLeaking: boolean;
};

const hourMs = 3_600_000;

/**
 * Where to draw the Theil–Sen slope: from the start of its window to the run's end, through the
 * median of the window's points (the estimator's own intercept), so it sits on the data.
 */
export function leakLine(leak: LeakEstimate, buckets: readonly Bucket[], endSeconds: number): LeakLine | null {
	const points = buckets.filter(bucket => bucket.from >= leak.since);
	if (points.length === 0) return null;
	const perMs = leak.slopeBytesPerHour / hourMs;
	const intercepts = points.map(bucket => bucket.mean - perMs * ((bucket.from + bucket.to) / 2 - leak.since)).sort((left, right) => left - right);
	const middle = Math.floor(intercepts.length / 2);
	const intercept = intercepts.length % 2 === 1 ? (intercepts[middle] ?? 0) : ((intercepts[middle - 1] ?? 0) + (intercepts[middle] ?? 0)) / 2;
	const endMs = endSeconds * 1000;
	return {
		from: leak.since / 1000,
		to: endSeconds,
		fromValue: Math.round(intercept),
		toValue: Math.round(intercept + perMs * (endMs - leak.since)),
		slopeBytesPerHour: leak.slopeBytesPerHour,
		confidence: leak.confidence,
		isLeaking: leak.isLeaking,
	};
}
