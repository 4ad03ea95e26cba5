import {sizeUnitSystem} from '../../config/units.js';
import {formatBytes, formatDuration, formatPercent, formatSize} from '../../stack/format.js';

/** Shown where a number is not known yet; never a made-up 0. */
export const missing = '-';

/** CPU or memory percent as `docker stats` shows it: `50.62%`, or `-`. */
export function formatPercentCell(value: number | null | undefined): string {
	return value === null || value === undefined ? missing : formatPercent(value);
}

/** Bytes as `docker stats` shows memory: `179.4MiB`, or `-`. */
export function formatBytesCell(value: number | null | undefined): string {
	return value === null || value === undefined ? missing : formatBytes(value);
}

/**
 * `used / budget` (or `used / limit` without a budget; `used` when neither is known). A budget
 * shows as written (`200MB`), and the used value in the same unit system (`42.35MB`).
 */
export function formatUsage(used: number | null | undefined, budget: number | null | undefined, limit?: number | null, budgetText?: string): string {
	if (used === null || used === undefined) return missing;
	if (budget !== null && budget !== undefined && budgetText !== undefined) return `${formatSize(used, sizeUnitSystem(budgetText))} / ${budgetText}`;
	const total = budget ?? (limit !== null && limit !== undefined && limit > 0 ? limit : undefined);
	return total === undefined ? formatBytes(used) : `${formatBytes(used)} / ${formatBytes(total)}`;
}

/** Uptime as `status` prints it (`45s`, `3m12s`, `2h05m`), or `-` when not running. */
export function formatUptime(seconds: number | null | undefined): string {
	return seconds === null || seconds === undefined ? missing : formatDuration(seconds);
}

/** The soak clock: `00:04:09`, `27:00:00` past a day (hours keep counting, so it sorts and reads as one number). */
export function formatElapsed(milliseconds: number): string {
	const total = Math.max(0, Math.floor(milliseconds / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	return [hours, minutes, seconds].map(part => String(part).padStart(2, '0')).join(':');
}
