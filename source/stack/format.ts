export {formatBytes, formatPercent} from '../engine/stats-math.js';

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
