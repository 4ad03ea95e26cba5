import {safeJson, sanitizeLines} from '../stack/sanitize.js';

export type TextStream = {write(text: string): unknown};

/**
 * Writes text that holds what a file or the engine said (names, paths, errors): each line
 * sanitized, the line breaks kept. Nothing a profile, a compose file or a container carries
 * may retitle the window, write the clipboard or reorder the text of the terminal.
 */
export function writeText(stream: TextStream, text: string): void {
	stream.write(sanitizeLines(text));
}

/** Writes JSON whose strings keep their data exactly but can hold nothing a terminal acts on. */
export function writeJson(stream: TextStream, value: unknown): void {
	stream.write(safeJson(value) + '\n');
}
