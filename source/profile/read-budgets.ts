import type {Budget, Budgets, HealthBudget, HostBudget, PhaseBudgets, StackBudget} from './types.js';
import type {FieldPath, FieldReader} from './field-reader.js';
import {readLeak, readRestarts} from './read-limits.js';

const healthKeys = ['startup', 'first_try', 'uptime', 'restarts', 'oom', 'leak'] as const;
const budgetKeys = ['sustain', 'clear', 'hysteresis', 'near', ...healthKeys, 'stack', 'host', 'services', 'phases'] as const;
const stackKeys = ['memory', 'cpu', 'startup'] as const;
const limitKeys = ['memory', 'cpu'] as const;
const serviceKeys = ['memory', 'cpu', ...healthKeys] as const;
const hostKeys = ['memory_free', 'disk_free'] as const;
const phaseKeys = ['stack', 'services'] as const;

export const defaultSustainMs = 15_000;
export const defaultClearMs = 5000;
export const defaultHysteresis = 0.05;
export const defaultNearFraction = 0.8;

/** Budgets with no limits: what a profile without `budgets:` gets. */
export const emptyBudgets: Budgets = {
	sustainMs: defaultSustainMs,
	clearMs: defaultClearMs,
	hysteresis: defaultHysteresis,
	nearFraction: defaultNearFraction,
	startupMs: undefined,
	stack: {},
	host: {},
	services: {},
	phases: {},
};

/** The `budgets:` section; absent means no limits and the default sustain. */
export function readBudgets(reader: FieldReader, value: unknown): Budgets {
	if (value === undefined || value === null) {
		return emptyBudgets;
	}

	const path = ['budgets'];
	const fields = reader.mapping(path, value, budgetKeys);
	const optional = <Value>(key: string, read: (at: FieldPath, item: unknown) => Value): Value | undefined =>
		fields[key] === undefined ? undefined : read([...path, key], fields[key]);
	const services: Record<string, Budget & HealthBudget> = {};
	for (const [service, budget] of Object.entries(optional('services', (at, item) => reader.anyMapping(at, item)) ?? {})) {
		const at = [...path, 'services', service];
		const serviceFields = reader.mapping(at, budget, serviceKeys);
		const limits = readLimits(reader, at, serviceFields);
		const health = readHealth(reader, at, serviceFields);
		services[service] = {...limits, ...health, written: {...limits.written, ...health.written}};
	}

	return {
		sustainMs: optional('sustain', (at, item) => reader.duration(at, item)) ?? defaultSustainMs,
		clearMs: optional('clear', (at, item) => reader.duration(at, item)) ?? defaultClearMs,
		hysteresis: optional('hysteresis', (at, item) => reader.ratio(at, item)) ?? defaultHysteresis,
		nearFraction: optional('near', (at, item) => reader.ratio(at, item)) ?? defaultNearFraction,
		...readHealth(reader, path, fields),
		startupMs: optional('startup', (at, item) => reader.duration(at, item, '1s')),
		stack: optional('stack', (at, item) => readStack(reader, at, item)) ?? {},
		host: optional('host', (at, item) => readHost(reader, at, item)) ?? {},
		services,
		phases: optional('phases', (at, item) => readPhases(reader, at, item)) ?? {},
	};
}

function readStack(reader: FieldReader, path: FieldPath, value: unknown): StackBudget {
	const fields = reader.mapping(path, value, stackKeys);
	const limits = readLimits(reader, path, fields);
	if (fields['startup'] === undefined) return limits;
	return {...limits, startupMs: reader.duration([...path, 'startup'], fields['startup'], '1s'), written: {...limits.written, startup: String(fields['startup'])}};
}

function readHost(reader: FieldReader, path: FieldPath, value: unknown): HostBudget {
	const fields = reader.mapping(path, value, hostKeys);
	return {
		...(fields['memory_free'] === undefined ? {} : {memoryFreeBytes: reader.size([...path, 'memory_free'], fields['memory_free'])}),
		...(fields['disk_free'] === undefined ? {} : {diskFreeBytes: reader.size([...path, 'disk_free'], fields['disk_free'])}),
		written: writtenOf(fields, hostKeys),
	};
}

function readPhases(reader: FieldReader, path: FieldPath, value: unknown): Record<string, PhaseBudgets> {
	const phases: Record<string, PhaseBudgets> = {};
	for (const [name, phase] of Object.entries(reader.anyMapping(path, value))) {
		const at = [...path, name];
		const fields = reader.mapping(at, phase, phaseKeys);
		const services: Record<string, Budget> = {};
		const serviceMapping = fields['services'] === undefined ? {} : reader.anyMapping([...at, 'services'], fields['services']);
		for (const [service, budget] of Object.entries(serviceMapping)) {
			const serviceAt = [...at, 'services', service];
			services[service] = readLimits(reader, serviceAt, reader.mapping(serviceAt, budget, limitKeys));
		}

		const stack = fields['stack'] === undefined ? {} : readLimits(reader, [...at, 'stack'], reader.mapping([...at, 'stack'], fields['stack'], limitKeys));
		phases[name] = {stack, services};
	}

	return phases;
}

function readLimits(reader: FieldReader, path: FieldPath, fields: Record<string, unknown>): Budget {
	return {
		...(fields['memory'] === undefined ? {} : {memoryBytes: reader.size([...path, 'memory'], fields['memory'])}),
		...(fields['cpu'] === undefined ? {} : {cpuPercent: reader.cpu([...path, 'cpu'], fields['cpu'])}),
		written: writtenOf(fields, limitKeys),
	};
}

/** startup, first_try, uptime, restarts, oom and leak of one mapping (budgets: itself or a service). */
function readHealth(reader: FieldReader, path: FieldPath, fields: Record<string, unknown>): HealthBudget & {written: Record<string, string>} {
	const read = <Value>(key: string, parse: (at: FieldPath, item: unknown) => Value): Value | undefined =>
		fields[key] === undefined ? undefined : parse([...path, key], fields[key]);
	const restarts = read('restarts', (at, item) => readRestarts(reader, at, item));
	const leak = read('leak', (at, item) => readLeak(reader, at, item));
	const health: HealthBudget = {
		...(fields['startup'] === undefined ? {} : {startupMs: read('startup', (at, item) => reader.duration(at, item, '1s'))}),
		...(fields['first_try'] === undefined ? {} : {firstTryRatio: read('first_try', (at, item) => reader.ratio(at, item))}),
		...(fields['uptime'] === undefined ? {} : {uptimeRatio: read('uptime', (at, item) => reader.ratio(at, item))}),
		...(fields['oom'] === undefined ? {} : {oomKills: read('oom', (at, item) => reader.count(at, item))}),
		...(restarts === undefined ? {} : {restarts: restarts.limit}),
		...(leak === undefined ? {} : {leak: leak.limit}),
	};
	const written = {
		...writtenOf(fields, ['startup', 'first_try', 'uptime', 'oom']),
		...(restarts === undefined ? {} : {restarts: restarts.written}),
		...(leak === undefined ? {} : {leak: leak.written}),
	};
	return {...health, written};
}

function writtenOf(fields: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
	const written: Record<string, string> = {};
	for (const key of keys) {
		const value = fields[key];
		if (typeof value === 'string' || typeof value === 'number') written[key] = String(value);
	}

	return written;
}
