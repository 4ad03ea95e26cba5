const levels = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export type SparklineOptions = {
	/** Characters; values beyond it are merged, keeping each group's peak so a spike never disappears. */
	readonly width: number;
	/** The value of a full bar; defaults to the largest value. The scale always starts at 0, so small changes look small. */
	readonly maximum?: number;
};

/** A sparkline of the values, oldest first, right-aligned in `width` characters (missing values are blank). */
export function formatSparkline(values: readonly number[], options: SparklineOptions): string {
	const width = Math.max(0, Math.floor(options.width));
	if (width === 0) return '';
	const points = mergePeaks(values, width);
	const finite = points.filter(value => Number.isFinite(value));
	const maximum = Math.max(options.maximum ?? 0, ...finite, 0);
	const bars = points.map(value => {
		if (!Number.isFinite(value)) return ' ';
		if (maximum <= 0 || value <= 0) return levels[0] ?? '';
		const index = Math.min(levels.length - 1, Math.round((value / maximum) * (levels.length - 1)));
		return levels[index] ?? '';
	});
	return bars.join('').padStart(width);
}

/** At most `width` points: groups of consecutive values reduced to their maximum, the newest group full. */
function mergePeaks(values: readonly number[], width: number): number[] {
	if (values.length <= width) return [...values];
	const size = Math.ceil(values.length / width);
	const points: number[] = [];
	for (let end = values.length; end > 0 && points.length < width; end -= size) {
		const group = values.slice(Math.max(0, end - size), end).filter(value => Number.isFinite(value));
		points.unshift(group.length === 0 ? Number.NaN : Math.max(...group));
	}

	return points;
}
