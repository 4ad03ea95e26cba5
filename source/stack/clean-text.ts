import {maskSecrets} from './mask.js';
import {sanitize} from './sanitize.js';

/** One line from a container or a command, safe for a terminal and a report: no escapes, no line breaks, at most 500 characters. */
export function sanitizeLine(text: string): string {
	const line = sanitize(text.replaceAll(/\r?\n/g, ' ')).trim();
	return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}

/** Masks URL passwords, `password=` pairs and the given secret values. */
export function maskText(text: string, secretValues: readonly string[]): string {
	return maskSecrets(text, secretValues);
}
