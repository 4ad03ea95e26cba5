import {loadProfile} from '../../profile/load-profile.js';
import {maskSecrets, readEnvSecrets} from '../../stack/mask.js';
import {sanitize} from '../../stack/sanitize.js';
import type {RecordedRun} from '../recorded-run.js';

/**
 * The secret values a report must not show: those of the .env file of the profile the record
 * names. A profile that is gone or no longer loads gives none; the patterns (URL passwords,
 * `password=` pairs) are masked anyway.
 */
export function recordSecrets(run: RecordedRun): readonly string[] {
	const file = run.header.profile.file;
	if (file === null) return [];
	try {
		return readEnvSecrets(loadProfile(file).envFile).secretValues;
	} catch {
		return [];
	}
}

/**
 * Every string of the run (never the keys) on one line, stripped of terminal escapes and
 * control characters, with secrets masked. The record is written masked already; reports mask again
 * so that a record from an older stacktui, or a secret added to .env since, never leaks.
 */
export function maskRun(run: RecordedRun, secretValues: readonly string[]): RecordedRun {
	return maskValue(run, text => maskSecrets(sanitize(text.replaceAll(/\r\n?|\n/g, ' ')), secretValues)) as RecordedRun;
}

function maskValue(value: unknown, mask: (text: string) => string): unknown {
	if (typeof value === 'string') return mask(value);
	if (Array.isArray(value)) return value.map(item => maskValue(item, mask));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskValue(item, mask)]));
	}

	return value;
}
