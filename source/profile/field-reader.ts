import {ConfigError} from '../config/config-error.js';
import {didYouMean} from '../config/did-you-mean.js';
import {parseCpuPercent, parseDuration, parseRate, parseRatio, parseSize} from '../config/units.js';
import type {YamlFile} from '../config/yaml-file.js';

/** Keys and list indexes from the top of a YAML file down to one value. */
export type FieldPath = ReadonlyArray<string | number>;

/** A field as users write it: "budgets.services.postgres.memory", "tunnels[0].service". */
export function fieldName(path: FieldPath): string {
	return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** A value as an error message shows it: `"15x"`, `42`, `a list`. */
export function describeValue(value: unknown): string {
	if (value === null || value === undefined) {
		return 'nothing';
	}

	if (Array.isArray(value)) {
		return 'a list';
	}

	return typeof value === 'object' ? 'a mapping' : typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isMapping(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Typed reads of a parsed YAML file; each failure is a ConfigError at the value, or at its key when the value is empty. */
export class FieldReader {
	constructor(readonly yamlFile: YamlFile) {}

	/** Throws `file:line:col: field: reason`; an empty path names no field. */
	fail(path: FieldPath, reason: string, isKey = false): never {
		const message = path.length === 0 ? reason : `${fieldName(path)}: ${reason}`;
		throw new ConfigError(this.yamlFile.locate(path, isKey), message);
	}

	/** A mapping whose keys must all be in `known` (unknown keys fail at the key, with a did-you-mean). */
	mapping(path: FieldPath, value: unknown, known: readonly string[]): Record<string, unknown> {
		const mapping = this.anyMapping(path, value);
		for (const key of Object.keys(mapping)) {
			if (!known.includes(key)) {
				const hint = didYouMean(key, known) || `; expected one of: ${known.join(', ')}`;
				this.fail([...path, key], `unknown key${hint}`, true);
			}
		}

		return mapping;
	}

	/** A mapping with any keys (service names, links). */
	anyMapping(path: FieldPath, value: unknown): Record<string, unknown> {
		if (!isMapping(value)) {
			this.wrongType(path, value, 'a mapping (key: value)');
		}

		return value;
	}

	/** A non-empty string. */
	string(path: FieldPath, value: unknown, expected = 'a string'): string {
		if (typeof value !== 'string') {
			this.wrongType(path, value, expected);
		}

		if (value.trim() === '') {
			this.fail(path, `must not be empty; expected ${expected}`);
		}

		return value;
	}

	/** One string or a list of them, as a list. */
	stringList(path: FieldPath, value: unknown, expected: string): string[] {
		if (!Array.isArray(value)) {
			return [this.string(path, value, `${expected} or a list of them`)];
		}

		return value.map((item, index) => this.string([...path, index], item, expected));
	}

	/**
	 * Milliseconds from "15s", "1m30s", "500ms" or a number of seconds, within [minimum, maximum]
	 * (written like values: "100ms", "24h"). Every duration has an upper bound: a timer of
	 * 100000h overflows Node's timers, which then fire every millisecond.
	 */
	duration(path: FieldPath, value: unknown, minimum = '0s', maximum = '24h'): number {
		const milliseconds = this.parsed(path, value, parseDuration, 'a duration', 'e.g. 15s, 1m30s, 500ms');
		if (milliseconds < (parseDuration(minimum) ?? 0)) {
			this.fail(path, `${describeValue(value)} is too short; expected at least ${minimum}`);
		}

		if (milliseconds > (parseDuration(maximum) ?? Number.POSITIVE_INFINITY)) {
			this.fail(path, `${describeValue(value)} is too long; expected at most ${maximum}`);
		}

		return milliseconds;
	}

	/** Bytes from "200MiB", "1.5GiB", "512m"; more than zero. */
	size(path: FieldPath, value: unknown): number {
		const bytes = this.parsed(path, value, parseSize, 'a size', 'e.g. 200MiB, 1.5GiB');
		return bytes > 0 ? bytes : this.fail(path, `expected more than 0, got ${describeValue(value)}`);
	}

	/** Percent as `docker stats` counts it from "50%", "150%" or a number of cores; more than zero. */
	cpu(path: FieldPath, value: unknown): number {
		const percent = this.parsed(path, value, parseCpuPercent, 'a CPU amount', 'e.g. 50% of one core, 150%, or 1.5 cores');
		return percent > 0 ? percent : this.fail(path, `expected more than 0, got ${describeValue(value)}`);
	}

	/** A share from "99.9%" or 0.999, as a fraction 0..1. */
	ratio(path: FieldPath, value: unknown): number {
		return this.parsed(path, value, parseRatio, 'a percentage', 'e.g. 99.9%, 100%');
	}

	/** Bytes per hour from "10MiB/h", "500KiB/min"; more than zero. */
	rate(path: FieldPath, value: unknown): number {
		const rate = this.parsed(path, value, parseRate, 'a growth rate', 'e.g. 10MiB/h, 500KiB/min');
		return rate > 0 ? rate : this.fail(path, `expected more than 0, got ${describeValue(value)}`);
	}

	/** A whole number, zero or more. */
	count(path: FieldPath, value: unknown): number {
		const parse = (item: unknown) => (typeof item === 'number' && Number.isInteger(item) && item >= 0 ? item : undefined);
		return this.parsed(path, value, parse, 'a whole number', 'e.g. 0, 3');
	}

	private parsed(path: FieldPath, value: unknown, parse: (value: unknown) => number | undefined, what: string, example: string): number {
		if (typeof value !== 'string' && typeof value !== 'number') {
			this.wrongType(path, value, `${what} (${example})`);
		}

		const result = parse(value);
		if (result !== undefined) {
			return result;
		}

		const isNegative = typeof value === 'number' ? value < 0 : value.trim().startsWith('-');
		return this.fail(path, `${describeValue(value)} is ${isNegative ? `negative; expected ${what}` : `not ${what}`} (${example})`);
	}

	private wrongType(path: FieldPath, value: unknown, expected: string): never {
		this.fail(path, `expected ${expected}, got ${describeValue(value)}`, value === null);
	}
}
