/** Columns between tab stops, as terminals set them by default. */
export const tabWidth = 8;

const escape = 0x1b;
const bell = 0x07;
const stringTerminator = 0x9c;

/** Anything a terminal would act on instead of printing: C0 (tab included), DEL and C1; and bidi controls. */
const controlPattern = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks: they reorder
 * what follows them ("Trojan Source") and terminals disagree on their width.
 */
const bidiPattern = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** What JSON.stringify leaves raw that a terminal may act on: C1 controls, bidi controls, line and paragraph separators. */
const jsonUnsafePattern = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** With the u flag, only surrogates without their pair are code points of category Cs. */
const loneSurrogatePattern = /\p{Cs}/gu;

/**
 * Makes a container's log line safe to print: removes terminal escape sequences (CSI,
 * OSC ended by BEL or ST, DCS/SOS/PM/APC strings, single ESC sequences, their C1 forms),
 * every other C0/C1 control and DEL, and expands tabs to spaces. A container, a compose file or a
 * profile must never move the cursor, clear the screen, retitle the window or write the clipboard of
 * the terminal stacktui runs in. Printable Unicode is kept; a lone surrogate and each bidi control
 * become U+FFFD, visible, so text reads in the order it is stored.
 */
export function sanitize(text: string): string {
	if (!controlPattern.test(text)) {
		return wellFormed(text);
	}

	let output = '';
	let index = 0;
	while (index < text.length) {
		const code = text.charCodeAt(index);
		if (code === 0x09) {
			// Columns counted in UTF-16 units: close enough for the rare tab after wide text.
			output += ' '.repeat(tabWidth - (output.length % tabWidth));
			index += 1;
		} else if (code === escape) {
			index = skipEscape(text, index + 1);
		} else if (code >= 0x80 && code <= 0x9f) {
			index = skipIntroduced(text, code - 0x40, index + 1);
		} else if (code < 0x20 || code === 0x7f) {
			index += 1;
		} else {
			const next = nextControl(text, index);
			output += text.slice(index, next);
			index = next;
		}
	}

	return wellFormed(output);
}

/** A lone surrogate (a line cut inside an emoji) would print as garbage, a bidi control reorders: replace them. */
function wellFormed(text: string): string {
	return text.replaceAll(loneSurrogatePattern, '\uFFFD').replaceAll(bidiPattern, '\uFFFD');
}

/** A text of several lines (an error, a summary, a table) made safe to print line by line; the line breaks stay. */
export function sanitizeLines(text: string): string {
	return text
		.split(/\r?\n/)
		.map(line => sanitize(line))
		.join('\n');
}

/**
 * JSON for scripts and terminals alike: the data stays exact (JSON.parse gives it back), but
 * what JSON.stringify would leave raw and a terminal may act on is written as a \u escape.
 * `undefined` values become null.
 */
export function safeJson(value: unknown): string {
	const text = JSON.stringify(value, (_key, item: unknown) => (item === undefined ? null : item), 2);
	return text.replaceAll(jsonUnsafePattern, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function nextControl(text: string, from: number): number {
	let index = from;
	while (index < text.length) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
			return index;
		}

		index += 1;
	}

	return index;
}

/** Skips what follows an ESC; returns the index after the sequence. */
function skipEscape(text: string, start: number): number {
	const code = text.charCodeAt(start);
	if (code >= 0x40 && code <= 0x5f) {
		return skipIntroduced(text, code, start + 1); // ESC [ is CSI, ESC ] is OSC, and so on.
	}

	let index = start;
	while (isIn(text.charCodeAt(index), 0x20, 0x2f)) {
		index += 1; // Intermediate bytes, as in ESC ( B.
	}

	// A final byte ends the sequence; anything else (a control, the end) ends a broken one.
	return isIn(text.charCodeAt(index), 0x30, 0x7e) ? index + 1 : index;
}

/** Skips the body of a sequence whose introducer (in its 7-bit form, '[' for CSI) was read. */
function skipIntroduced(text: string, introducer: number, start: number): number {
	switch (String.fromCharCode(introducer)) {
		case '[': {
			return skipControlSequence(text, start);
		}

		case ']':
		case 'P':
		case 'X':
		case '^':
		case '_': {
			return skipString(text, start);
		}

		default: {
			return start;
		}
	}
}

/** CSI: parameter bytes, intermediate bytes, one final byte. */
function skipControlSequence(text: string, start: number): number {
	let index = start;
	while (isIn(text.charCodeAt(index), 0x20, 0x3f)) {
		index += 1;
	}

	return isIn(text.charCodeAt(index), 0x40, 0x7e) ? index + 1 : index;
}

/**
 * OSC, DCS, SOS, PM, APC: everything up to BEL, ESC \ or C1 ST. An unterminated string
 * runs to the end of the line, as a terminal would swallow it.
 */
function skipString(text: string, start: number): number {
	for (let index = start; index < text.length; index += 1) {
		const code = text.charCodeAt(index);
		if (code === bell || code === stringTerminator) {
			return index + 1;
		}

		if (code === escape) {
			// ESC \ is ST; any other ESC ends the string and starts a sequence of its own.
			return text.charCodeAt(index + 1) === 0x5c ? index + 2 : index;
		}
	}

	return text.length;
}

function isIn(code: number, low: number, high: number): boolean {
	return code >= low && code <= high;
}
