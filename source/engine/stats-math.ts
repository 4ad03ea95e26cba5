import type {StatsSample} from './types.js';

type CpuStats = {
	readonly cpu_usage?: {readonly total_usage?: number; readonly percpu_usage?: readonly number[] | null};
	/** Absent from `precpu_stats` on the first sample of a stream. */
	readonly system_cpu_usage?: number;
	/** Absent or 0 on old engines: fall back to the length of percpu_usage. */
	readonly online_cpus?: number;
};

type MemoryStats = {
	readonly usage?: number;
	readonly limit?: number;
	/** cgroup v1 has total_* keys; cgroup v2 has only inactive_file, anon, file, … */
	readonly stats?: {readonly total_inactive_file?: number; readonly inactive_file?: number};
};

/** The part of one GET /containers/{id}/stats object that `docker stats` reads; dockerode's ContainerStats fits it. */
export type StatsPayload = {
	readonly read?: string;
	readonly cpu_stats?: CpuStats;
	readonly precpu_stats?: CpuStats;
	readonly memory_stats?: MemoryStats;
	readonly networks?: Readonly<Record<string, {readonly rx_bytes?: number; readonly tx_bytes?: number}>>;
	readonly blkio_stats?: {
		readonly io_service_bytes_recursive?: ReadonlyArray<{readonly op?: string; readonly value?: number}> | null;
	};
	readonly pids_stats?: {readonly current?: number};
};

/**
 * CPU % as docker/cli's calculateCPUPercentUnix. undefined on the first sample of a stream, where the cli
 * would print a since-boot average. Windows engines (100 ns intervals, num_procs) are not supported.
 */
export function calculateCpuPercent(payload: StatsPayload): number | undefined {
	const previous = payload.precpu_stats;
	if (previous?.system_cpu_usage === undefined) return undefined;
	const current = payload.cpu_stats;
	const cpuDelta = (current?.cpu_usage?.total_usage ?? 0) - (previous.cpu_usage?.total_usage ?? 0);
	const systemDelta = (current?.system_cpu_usage ?? 0) - previous.system_cpu_usage;
	const onlineCpus = current?.online_cpus || (current?.cpu_usage?.percpu_usage?.length ?? 0);
	if (systemDelta <= 0 || cpuDelta <= 0) return 0;
	return (cpuDelta / systemDelta) * onlineCpus * 100;
}

/** Memory without reclaimable page cache, as docker/cli's calculateMemUsageUnixNoCache (cgroup v1, then v2). */
export function calculateMemoryBytes(memory: MemoryStats | undefined): number {
	const usage = memory?.usage ?? 0;
	const totalInactiveFile = memory?.stats?.total_inactive_file;
	if (totalInactiveFile !== undefined && totalInactiveFile < usage) return usage - totalInactiveFile;
	const inactiveFile = memory?.stats?.inactive_file ?? 0;
	return inactiveFile < usage ? usage - inactiveFile : usage;
}

/** One engine stats object → the sample `docker stats` would show for it. */
export function toStatsSample(payload: StatsPayload): StatsSample {
	const memoryBytes = calculateMemoryBytes(payload.memory_stats);
	const memoryLimitBytes = payload.memory_stats?.limit ?? 0;
	let networkRxBytes = 0;
	let networkTxBytes = 0;
	for (const network of Object.values(payload.networks ?? {})) {
		networkRxBytes += network.rx_bytes ?? 0;
		networkTxBytes += network.tx_bytes ?? 0;
	}

	let blockReadBytes = 0;
	let blockWriteBytes = 0;
	// docker/cli looks at the first letter only: Read/read and Write/write; Sync, Async, Total, Discard are skipped.
	for (const entry of payload.blkio_stats?.io_service_bytes_recursive ?? []) {
		const letter = entry.op?.charAt(0).toLowerCase();
		if (letter === 'r') blockReadBytes += entry.value ?? 0;
		if (letter === 'w') blockWriteBytes += entry.value ?? 0;
	}

	return {
		read: payload.read ?? '',
		cpuPercent: calculateCpuPercent(payload),
		memoryBytes,
		memoryLimitBytes,
		memoryPercent: memoryLimitBytes === 0 ? 0 : (memoryBytes / memoryLimitBytes) * 100,
		networkRxBytes,
		networkTxBytes,
		blockReadBytes,
		blockWriteBytes,
		pids: payload.pids_stats?.current ?? 0,
	};
}

/** Bytes as `docker stats` shows memory (go-units BytesSize: `%.4g` and binary units): "179.4MiB", "0B". */
export function formatBytes(bytes: number): string {
	return formatSize(bytes, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'], 4);
}

/** Bytes as `docker stats` shows NET I/O and BLOCK I/O (go-units HumanSizeWithPrecision, 3 digits): "1.24kB". */
export function formatDecimalBytes(bytes: number, precision = 3): string {
	return formatSize(bytes, 1000, ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'], precision);
}

/** A percentage as `docker stats` shows CPU % and MEM % (Go's FormatFloat 'f', 2): "50.62%". */
export function formatPercent(value: number): string {
	if (!Number.isFinite(value)) return formatNonFinite(value) + '%';
	const exact = toDecimal(Math.abs(value));
	return (value < 0 ? '-' : '') + writeFixed(round(exact, exact.point + 2), 2) + '%';
}

function formatSize(size: number, base: number, units: readonly string[], precision: number): string {
	let index = 0;
	while (size >= base && index < units.length - 1) {
		size /= base;
		index++;
	}

	return formatGeneral(size, precision) + (units[index] ?? '');
}

/** A decimal number: 0.digits × 10^point, digits without trailing zeros. */
type Decimal = {readonly digits: string; readonly point: number};

/** Go's fmt `%.<precision>g`, which rounds exact ties to even (JavaScript's toPrecision rounds them up). */
function formatGeneral(value: number, precision: number): string {
	if (!Number.isFinite(value)) return formatNonFinite(value);
	const sign = value < 0 ? '-' : '';
	const decimal = round(toDecimal(Math.abs(value)), precision);
	const {digits, point} = decimal;
	const exponent = point - 1;
	const exponentLimit = precision > digits.length && digits.length >= point ? digits.length : precision;
	if (exponent < -4 || exponent >= exponentLimit) {
		const decimals = Math.min(precision, digits.length) - 1;
		const fraction = decimals > 0 ? '.' + digits.slice(1, 1 + decimals).padEnd(decimals, '0') : '';
		const shown = digits === '' ? 0 : exponent;
		return `${sign}${digits.charAt(0) || '0'}${fraction}e${shown < 0 ? '-' : '+'}${String(Math.abs(shown)).padStart(2, '0')}`;
	}

	return sign + writeFixed(decimal, Math.max((precision > point ? digits.length : precision) - point, 0));
}

function formatNonFinite(value: number): string {
	if (Number.isNaN(value)) return 'NaN';
	return value > 0 ? '+Inf' : '-Inf';
}

/** Exact decimal expansion of a non-negative double (up to 100 significant digits, enough for sizes and percentages). */
function toDecimal(value: number): Decimal {
	const [mantissa = '', exponent = '0'] = value.toPrecision(100).split('e');
	const [integer = '', fraction = ''] = mantissa.split('.');
	const all = integer + fraction;
	const leadingZeros = all.length - all.replace(/^0+/, '').length;
	const digits = all.slice(leadingZeros).replace(/0+$/, '');
	return {digits, point: digits === '' ? 0 : integer.length + Number(exponent) - leadingZeros};
}

/** Keeps `count` significant digits, rounding exact ties to even as Go's strconv does. */
function round(decimal: Decimal, count: number): Decimal {
	const {digits, point} = decimal;
	if (count >= digits.length) return decimal;
	if (count < 0) return {digits: '', point: 0};
	const next = digits.charAt(count);
	const isTie = next === '5' && count + 1 === digits.length;
	const isOdd = count > 0 && Number(digits.charAt(count - 1)) % 2 === 1;
	const kept = digits.slice(0, count);
	if (next < '5' || (isTie && !isOdd)) {
		const trimmed = kept.replace(/0+$/, '');
		return {digits: trimmed, point: trimmed === '' ? 0 : point};
	}

	let index = count - 1;
	while (index >= 0 && kept.charAt(index) === '9') index--;
	if (index < 0) return {digits: '1', point: point + 1};
	return {digits: kept.slice(0, index) + String(Number(kept.charAt(index)) + 1), point};
}

function writeFixed({digits, point}: Decimal, decimals: number): string {
	const integer = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
	let fraction = '';
	for (let position = point; position < point + decimals; position++) {
		fraction += position >= 0 ? digits.charAt(position) || '0' : '0';
	}

	return decimals > 0 ? `${integer}.${fraction}` : integer;
}
