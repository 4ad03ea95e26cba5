import type {UnitSystem} from '../config/units.js';
import {formatBytes, formatDecimalBytes, formatPercent} from '../engine/stats-math.js';

export {formatBytes, formatPercent};

/** A size in the unit system a user wrote a budget in: `40.39MiB` as `docker stats` shows it, or `42.35MB`. */
export function formatSize(bytes: number, system: UnitSystem = 'binary'): string {
	return system === 'decimal' ? formatDecimalBytes(bytes, 4) : formatBytes(bytes);
}

/** A CPU budget as written: `50%`, `150%`, `12.5%` (percent of one core). */
export function formatBudgetPercent(percent: number): string {
	return `${Number(percent.toFixed(2))}%`;
}

/** Compact duration for uptimes: 45s, 3m12s, 2h05m, 3d04h. */
export function formatDuration(totalSeconds: number): string {
	const seconds = Math.max(0, Math.floor(totalSeconds));
	const days = Math.floor(seconds / 86_400);
	const hours = Math.floor((seconds % 86_400) / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	const rest = seconds % 60;
	if (days > 0) {
		return `${days}d${pad(hours)}h`;
	}

	if (hours > 0) {
		return `${hours}h${pad(minutes)}m`;
	}

	return minutes > 0 ? `${minutes}m${pad(rest)}s` : `${rest}s`;
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

/** A budget's value in its unit, for messages: `230.4MiB`, `55.00%`, `12.3 s`, `99.95%`, `3`, `12MiB/h`. */
export function formatBudgetValue(unit: 'bytes' | 'percent' | 'ms' | 'ratio' | 'count' | 'bytes-per-hour', value: number): string {
	switch (unit) {
		case 'bytes': {
			return formatBytes(value);
		}

		case 'percent': {
			return formatPercent(value);
		}

		case 'ms': {
			return `${(value / 1000).toFixed(1)} s`;
		}

		case 'ratio': {
			return `${(value * 100).toFixed(value >= 0.99 && value < 1 ? 2 : 1)}%`;
		}

		case 'count': {
			return String(Math.round(value));
		}

		case 'bytes-per-hour': {
			return `${value < 0 ? '-' : ''}${formatBytes(Math.abs(value))}/h`;
		}
	}
}

/** Local wall-clock time, `14:03:27`. */
export function formatClock(epochMs: number): string {
	const date = new Date(epochMs);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map(part => String(part).padStart(2, '0')).join(':');
}
