/** Parsing of the durations and sizes that profiles and compose files contain. */

const durationUnits: Record<string, number> = {ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000};

/**
 * A Go-style duration ("1m30s", "500ms", "1.5h") in milliseconds; a bare number is seconds,
 * as compose reads it. undefined when the text is not a duration.
 */
export function parseDuration(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) && value >= 0 ? value * 1000 : undefined;
	}

	if (typeof value !== 'string' || value.trim() === '') {
		return undefined;
	}

	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) {
		return Number(text) * 1000;
	}

	const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
	if (parts.length === 0 || parts.map(part => part[0]).join('') !== text) {
		return undefined;
	}

	return parts.reduce((total, [, amount = '0', unit = 's']) => total + Number(amount) * (durationUnits[unit] ?? 0), 0);
}

const binary: Record<string, number> = {k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4};
const decimal: Record<string, number> = {k: 1e3, m: 1e6, g: 1e9, t: 1e12};

/**
 * A size in bytes: "200MiB", "4GiB", "512m" and "1g" (compose/docker: binary), "500MB" (decimal),
 * a bare number is bytes. undefined when the text is not a size.
 */
export function parseSize(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
	}

	if (typeof value !== 'string') {
		return undefined;
	}

	const match = sizePattern.exec(value.trim());
	if (match === null) {
		return undefined;
	}

	const [, amount = '0', prefix = '', infix = '', suffix = ''] = match;
	const unit = prefix.toLowerCase();
	if (unit === '') {
		return infix === '' ? Math.round(Number(amount)) : undefined;
	}

	// Docker reads "512m" and "512mb" as binary; only an explicit SI "MB" with capital B is decimal.
	const isDecimal = sizeUnitSystem(value) === 'decimal';
	return Math.round(Number(amount) * ((isDecimal ? decimal : binary)[unit] ?? 1));
}

/** How a size was written: `decimal` for an SI unit with a capital B (200MB, 4GB), as parseSize reads it; else `binary`. */
export type UnitSystem = 'binary' | 'decimal';

const sizePattern = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)(b?)$/i;

export function sizeUnitSystem(text: string): UnitSystem {
	const [, , prefix = '', infix = '', suffix = ''] = sizePattern.exec(text.trim()) ?? [];
	return prefix !== '' && infix === '' && suffix === 'B' && prefix === prefix.toUpperCase() ? 'decimal' : 'binary';
}

/** A size's text as the user wrote it, to show instead of its bytes; undefined for a bare number of bytes. */
export function writtenSize(value: unknown): string | undefined {
	return typeof value === 'string' && /[a-z]/i.test(value) ? value.trim() : undefined;
}

/** A CPU amount as `docker stats` counts it (100 % = one core): "50%", "150%", or cores as a number ("1.5"). */
export function parseCpuPercent(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) && value >= 0 ? value * 100 : undefined;
	}

	if (typeof value !== 'string') {
		return undefined;
	}

	const text = value.trim();
	const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
	if (percent !== null) {
		return Number(percent[1]);
	}

	return /^\d+(\.\d+)?$/.test(text) ? Number(text) * 100 : undefined;
}

/** A share written as a percent ("99.9%", "100%") or a fraction 0..1 (0.999), as a fraction; undefined otherwise. */
export function parseRatio(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
	}

	if (typeof value !== 'string') {
		return undefined;
	}

	const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(value.trim());
	// "99.9e-2" parses to the double nearest 0.999; dividing by 100 would not.
	const amount = percent === null ? undefined : Number(`${percent[1]}e-2`);
	return amount !== undefined && amount <= 1 ? amount : undefined;
}

/** How many of each time unit fit in an hour. */
const perHour: Record<string, number> = {s: 3600, sec: 3600, m: 60, min: 60, h: 1, hour: 1, d: 1 / 24, day: 1 / 24};

/** A growth rate ("10MiB/h", "500KiB/min", "1GB/d") in bytes per hour; undefined when it is not one. */
export function parseRate(value: unknown): number | undefined {
	if (typeof value !== 'string') {
		return undefined;
	}

	const match = /^(.+?)\s*\/\s*([a-z]+)$/i.exec(value.trim());
	const factor = match?.[2] === undefined ? undefined : perHour[match[2].toLowerCase()];
	const bytes = match?.[1] === undefined ? undefined : parseSize(match[1]);
	return factor === undefined || bytes === undefined ? undefined : bytes * factor;
}
