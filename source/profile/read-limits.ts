import {parseDuration} from '../config/units.js';
import {describeValue, type FieldPath, type FieldReader} from './field-reader.js';
import type {LeakLimit, RestartLimit} from './types.js';

const restartKeys = ['max', 'window'] as const;
const leakKeys = ['max', 'window', 'warmup'] as const;

export const defaultRestartWindowMs = 3_600_000;
export const defaultLeakWindowMs = 30 * 60_000;
export const defaultLeakWarmupMs = 2 * 60_000;

type Read<Limit> = {readonly limit: Limit; readonly written: string};

/** `restarts: 3 in 10m`, `restarts: 3` (in an hour), or `{max: 3, window: 10m}`. */
export function readRestarts(reader: FieldReader, path: FieldPath, value: unknown): Read<RestartLimit> {
	if (typeof value === 'number') {
		return {limit: {max: reader.count(path, value), windowMs: defaultRestartWindowMs}, written: `${value} in 1h`};
	}

	if (typeof value === 'string') {
		const match = /^\s*(\d+)\s+in\s+(\S+)\s*$/.exec(value);
		const windowMs = match?.[2] === undefined ? undefined : parseDuration(match[2]);
		if (match === null || windowMs === undefined || windowMs <= 0) {
			reader.fail(path, `${describeValue(value)} is not a restart limit (e.g. "3 in 10m", 3, or {max: 3, window: 10m})`);
		}

		return {limit: {max: Number(match[1]), windowMs}, written: value.trim()};
	}

	const fields = reader.mapping(path, value, restartKeys);
	if (fields['max'] === undefined) reader.fail([...path, 'max'], 'missing; expected how many restarts are allowed', true);
	const max = reader.count([...path, 'max'], fields['max']);
	const windowMs = fields['window'] === undefined ? defaultRestartWindowMs : reader.duration([...path, 'window'], fields['window'], '1s');
	return {limit: {max, windowMs}, written: `${max} in ${fields['window'] === undefined ? '1h' : String(fields['window'])}`};
}

/** `leak: 10MiB/h` (30 min window, 2 min warm-up) or `{max: 10MiB/h, window: 1h, warmup: 5m}`. */
export function readLeak(reader: FieldReader, path: FieldPath, value: unknown): Read<LeakLimit> {
	if (typeof value === 'string' || typeof value === 'number') {
		return {limit: {bytesPerHour: reader.rate(path, value), windowMs: defaultLeakWindowMs, warmupMs: defaultLeakWarmupMs}, written: String(value)};
	}

	const fields = reader.mapping(path, value, leakKeys);
	if (fields['max'] === undefined) reader.fail([...path, 'max'], 'missing; expected a growth rate (e.g. 10MiB/h)', true);
	const bytesPerHour = reader.rate([...path, 'max'], fields['max']);
	const windowMs = fields['window'] === undefined ? defaultLeakWindowMs : reader.duration([...path, 'window'], fields['window'], '1m');
	const warmupMs = fields['warmup'] === undefined ? defaultLeakWarmupMs : reader.duration([...path, 'warmup'], fields['warmup']);
	return {limit: {bytesPerHour, windowMs, warmupMs}, written: String(fields['max'])};
}
