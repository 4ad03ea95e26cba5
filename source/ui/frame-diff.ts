/** Synchronized output (DEC mode 2026): the terminal shows the changes of one frame at once. */
export const beginSynchronized = '\u001B[?2026h';
export const endSynchronized = '\u001B[?2026l';
const resetStyle = '\u001B[0m';
const eraseToLineEnd = '\u001B[K';

/** Cursor to row `row` (1-based), column 1. */
function moveTo(row: number): string {
	return `\u001B[${row};1H`;
}

/**
 * What to write to turn a screen showing `previous` into one showing `next`: each changed line is
 * written at its absolute row (CSI row;1H) and the rest of that row erased, so no cursor position
 * from an earlier frame is relied on. Lines past `rows` are not drawn. '' when nothing changed.
 * A line is self-contained (styles open and close within it); the style is reset before erasing so
 * the erased cells get the default background.
 */
export function diffFrame(previous: readonly string[], next: readonly string[], rows: number): string {
	let output = '';
	const count = Math.min(rows, Math.max(previous.length, next.length));
	for (let row = 0; row < count; row++) {
		const line = next[row] ?? '';
		if (line === (previous[row] ?? '')) continue;
		output += moveTo(row + 1) + line + resetStyle + eraseToLineEnd;
	}

	return output === '' ? '' : beginSynchronized + output + endSynchronized;
}

/** How many lines of a frame changed (for the trace). */
export function changedLineCount(previous: readonly string[], next: readonly string[]): number {
	let count = 0;
	for (let row = 0; row < Math.max(previous.length, next.length); row++) {
		if ((next[row] ?? '') !== (previous[row] ?? '')) count++;
	}

	return count;
}
