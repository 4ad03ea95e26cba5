import type {ServiceStatus} from '../stack/snapshot.js';
import {formatBytes, formatDuration, formatPercent} from '../stack/format.js';
import {formatState} from '../ui/format/status.js';

const headers = ['SERVICE', 'CONTAINER', 'STATE', 'HEALTH', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'RESTARTS', 'UPTIME'];

/** The plain-text table `stacktui status` prints on a terminal. */
export function formatStatusTable(statuses: readonly ServiceStatus[]): string {
	const rows = statuses.map(status => [
		status.service,
		status.container,
		formatState(status),
		status.health === 'none' ? '-' : status.health,
		status.cpuPercent === null ? '-' : formatPercent(status.cpuPercent),
		status.memoryBytes === null
			? '-'
			: `${formatBytes(status.memoryBytes)} / ${status.memoryLimitBytes ? formatBytes(status.memoryLimitBytes) : '-'}`,
		status.memoryPercent === null ? '-' : formatPercent(status.memoryPercent),
		String(status.restarts),
		status.uptimeSeconds === null ? '-' : formatDuration(status.uptimeSeconds),
	]);
	const widths = headers.map((header, column) => Math.max(header.length, ...rows.map(row => row[column]?.length ?? 0)));
	return [headers, ...rows]
		.map(row => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd())
		.join('\n');
}
