import type {ServiceStatus} from '../../source/stack/snapshot.js';
import type {TableRow} from '../../source/ui/table/rows.js';

export const mebibyte = 1024 * 1024;

/** A running, healthy container's status; override what a test is about. */
export function serviceStatus(overrides: Partial<ServiceStatus> = {}): ServiceStatus {
	const service = overrides.service ?? 'web';
	return {
		service,
		container: `demo-${service}-1`,
		id: `id-${service}-${overrides.replica ?? 1}`,
		replica: 1,
		image: 'nginx:1',
		state: 'running',
		health: 'healthy',
		cpuPercent: 12.5,
		memoryBytes: 179.4 * mebibyte,
		memoryLimitBytes: 512 * mebibyte,
		memoryPercent: 35.04,
		networkRxBytes: 0,
		networkTxBytes: 0,
		blockReadBytes: 0,
		blockWriteBytes: 0,
		pids: 4,
		restarts: 0,
		exitCode: null,
		isOomKilled: false,
		hasOomKill: false,
		startedAt: '2024-05-01T10:00:00Z',
		uptimeSeconds: 3725,
		...overrides,
	};
}

export function tableRow(overrides: Partial<ServiceStatus> = {}, extra: Omit<TableRow, 'status'> = {}): TableRow {
	return {status: serviceStatus(overrides), ...extra};
}

/** `count` services named service-00, service-01, … */
export function manyRows(count: number): TableRow[] {
	return Array.from({length: count}, (_, index) => tableRow({service: `service-${String(index).padStart(2, '0')}`}));
}
