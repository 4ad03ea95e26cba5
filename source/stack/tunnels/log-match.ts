/** Terminal escape sequences (colours, cursor moves) that some agents print around their URL. */
const escapes = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/** The first group of the pattern's first match in the line, or the whole match; escapes are ignored; empty is no match. */
export function matchLogLine(pattern: RegExp, text: string): string | undefined {
	const match = pattern.exec(text.replaceAll(escapes, ''));
	if (match === null) {
		return undefined;
	}

	const url = match[1] ?? match[0];
	return url === '' ? undefined : url;
}
