import type {UserPattern} from '../../config/user-pattern.js';

/** Terminal escape sequences (colours, cursor moves) that some agents print around their URL. */
const escapes = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/**
 * The first group of the pattern's first match in the line, or the whole match; escapes are
 * ignored; empty is no match. The pattern runs on RE2 (linear time), whatever the line.
 */
export function matchLogLine(pattern: UserPattern, text: string): string | undefined {
	const match = pattern.exec(text.replaceAll(escapes, ''));
	if (match === undefined) {
		return undefined;
	}

	const url = match.group ?? match.whole;
	return url === '' ? undefined : url;
}
