import {type Masker, secretMasker} from '../stack/known-secrets.js';
import {safeJson, sanitizeLines} from '../stack/sanitize.js';

export type TextStream = {write(text: string): unknown};

/** Masks passwords in URLs and `password=` pairs: what every output hides even without a profile. */
const urlPasswords = secretMasker([]);

/**
 * Writes text that holds what a file or the engine said (names, paths, errors): each line
 * sanitized, the line breaks kept, and secrets masked (passwords in URLs always, known secret
 * values when the caller has them). Nothing a profile, a compose file or a container carries may
 * retitle the window, write the clipboard or reorder the text of the terminal.
 */
export function writeText(stream: TextStream, text: string, mask: Masker = urlPasswords): void {
	stream.write(mask(sanitizeLines(text)));
}

/** Writes JSON whose strings keep their data (secrets masked) but can hold nothing a terminal acts on. */
export function writeJson(stream: TextStream, value: unknown, mask: Masker = urlPasswords): void {
	stream.write(safeJson(maskStrings(value, mask)) + '\n');
}

function maskStrings(value: unknown, mask: Masker): unknown {
	if (typeof value === 'string') return mask(value);
	if (Array.isArray(value)) return value.map(item => maskStrings(item, mask));
	if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskStrings(item, mask)]));
	return value;
}
