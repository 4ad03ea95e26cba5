import {describeValue, type FieldPath, type FieldReader} from './field-reader.js';
import type {ProbeDefinition, ProbeKind} from './types.js';

const probeKeys = ['service', 'exec', 'http', 'tcp', 'expect', 'interval', 'timeout', 'after', 'success', 'latency'] as const;
const kinds: readonly ProbeKind[] = ['exec', 'http', 'tcp'];
const percentiles = ['p50', 'p95', 'p99'] as const;

export const defaultProbeIntervalMs = 10_000;
export const defaultProbeTimeoutMs = 5000;

/** The `probes:` mapping: name → a check of one service (exec / http / tcp) and its budgets. */
export function readProbes(reader: FieldReader, value: unknown): ProbeDefinition[] {
	if (value === undefined || value === null) {
		return [];
	}

	return Object.entries(reader.anyMapping(['probes'], value)).map(([name, probe]) => readProbe(reader, name, probe));
}

function readProbe(reader: FieldReader, name: string, value: unknown): ProbeDefinition {
	const path = ['probes', name];
	const fields = reader.mapping(path, value, probeKeys);
	const given = kinds.filter(kind => fields[kind] !== undefined);
	if (given.length !== 1) {
		reader.fail(path, given.length === 0 ? 'missing a check; add one of exec:, http: or tcp:' : `has ${given.join(' and ')}; a probe makes one check`, true);
	}

	const kind = given[0] as ProbeKind;
	if (fields['service'] === undefined) reader.fail([...path, 'service'], 'missing; name the compose service this probe checks', true);
	const optional = <Result>(key: string, read: (at: FieldPath, item: unknown) => Result): Result | undefined =>
		fields[key] === undefined ? undefined : read([...path, key], fields[key]);
	const intervalMs = optional('interval', (at, item) => reader.duration(at, item, '1s')) ?? defaultProbeIntervalMs;
	const timeoutMs = optional('timeout', (at, item) => reader.duration(at, item, '100ms')) ?? defaultProbeTimeoutMs;
	if (timeoutMs > intervalMs) reader.fail([...path, 'timeout'], `${describeValue(fields['timeout'])} is longer than the interval; a check must end before the next`);
	const latency = optional('latency', (at, item) => readLatency(reader, at, item)) ?? {};
	const written: Record<string, string> = {};
	if (fields['success'] !== undefined) written['success'] = String(fields['success']);
	const latencyFields = typeof fields['latency'] === 'object' && fields['latency'] !== null ? (fields['latency'] as Record<string, unknown>) : {};
	for (const percentile of percentiles) if (latencyFields[percentile] !== undefined) written[percentile] = String(latencyFields[percentile]);
	const target = fields[kind];
	return {
		name,
		service: reader.string([...path, 'service'], fields['service'], 'a service name'),
		kind,
		command: kind === 'exec' ? readCommand(reader, [...path, 'exec'], target) : undefined,
		url: kind === 'http' ? readUrl(reader, [...path, 'http'], target) : undefined,
		address: kind === 'tcp' ? readAddress(reader, [...path, 'tcp'], target) : undefined,
		expect: optional('expect', (at, item) => reader.string(at, typeof item === 'number' ? String(item) : item, 'text the output must contain')),
		intervalMs,
		timeoutMs,
		after: optional('after', (at, item) => reader.string(at, item, 'a step name')),
		successRatio: optional('success', (at, item) => reader.ratio(at, item)),
		latency,
		written,
	};
}

/** A command: a string (run by sh -c) or a list of words. */
export function readCommand(reader: FieldReader, path: FieldPath, value: unknown): string[] {
	if (Array.isArray(value)) {
		if (value.length === 0) reader.fail(path, 'expected a command, got an empty list');
		return value.map((word, index) => reader.string([...path, index], typeof word === 'number' ? String(word) : word, 'a word of the command'));
	}

	return ['sh', '-c', reader.string(path, value, 'a command (a string, or a list of words)')];
}

function readUrl(reader: FieldReader, path: FieldPath, value: unknown): string {
	const url = reader.string(path, value, 'an http:// or https:// URL');
	if (!/^https?:\/\/[^/\s]+/.test(url)) reader.fail(path, `"${url}" is not an http:// or https:// URL`);
	return url;
}

function readAddress(reader: FieldReader, path: FieldPath, value: unknown): {host: string; port: number} {
	const text = reader.string(path, typeof value === 'number' ? String(value) : value, 'HOST:PORT');
	const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text.trim());
	const port = Number(match?.[3]);
	if (match === null || port < 1 || port > 65_535) reader.fail(path, `"${text}" is not HOST:PORT (e.g. 127.0.0.1:5432)`);
	return {host: match[1] ?? match[2] ?? '127.0.0.1', port};
}

function readLatency(reader: FieldReader, path: FieldPath, value: unknown): Partial<Record<'p50' | 'p95' | 'p99', number>> {
	const fields = reader.mapping(path, value, percentiles);
	const latency: Partial<Record<'p50' | 'p95' | 'p99', number>> = {};
	for (const percentile of percentiles) {
		if (fields[percentile] !== undefined) latency[percentile] = reader.duration([...path, percentile], fields[percentile], '1ms');
	}

	return latency;
}
