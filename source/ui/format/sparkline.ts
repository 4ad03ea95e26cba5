const levels = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export type SparklineOptions = {
	/** Characters; values beyond it are merged, keeping each group's peak so a spike never disappears. */
	readonly width: number;
	/**
	 * The value of a full bar: a fixed scale (budget, limit, one core), never the series' own range,
	 * so a flat series looks flat and a small value looks small. Values above it draw full bars.
	 */
	readonly maximum: number;
};

/** A sparkline of the values, oldest first, at most `width` characters (missing values are blank); the caller aligns it. */
export function formatSparkline(values: readonly number[], options: SparklineOptions): string {
	const width = Math.max(0, Math.floor(options.width));
	if (width === 0) return '';
	return mergePeaks(values, width)
		.map(value => {
			if (!Number.isFinite(value)) return ' ';
			if (options.maximum <= 0 || value <= 0) return levels[0] ?? '';
			const index = Math.min(levels.length - 1, Math.round((value / options.maximum) * (levels.length - 1)));
			return levels[index] ?? '';
		})
		.join('');
}

/** The full-bar value of a CPU sparkline: the budget, else the container's CPU limit, else one core (100 %, as `docker stats` counts). */
export function cpuScale(facts: {readonly budgetPercent?: number | undefined; readonly limitPercent?: number | undefined}): number {
	return facts.budgetPercent ?? facts.limitPercent ?? 100;
}

/**
 * The full-bar value of a memory sparkline: the budget, else the container's memory limit, else
 * the host's memory (what `docker stats` shows as the limit of a container without one);
 * undefined while none is known.
 */
export function memoryScale(facts: {readonly budgetBytes?: number | undefined; readonly limitBytes?: number | undefined; readonly hostBytes?: number | undefined}): number | undefined {
	return facts.budgetBytes ?? facts.limitBytes ?? facts.hostBytes;
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
