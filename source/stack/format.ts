import type {UnitSystem} from '../config/units.js';
import {formatBytes, formatDecimalBytes} from '../engine/stats-math.js';

export {formatBytes, formatPercent} from '../engine/stats-math.js';

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
