import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter();

/** A run of a longer text: where it starts (UTF-16 index) and what it holds. */
export type TextPiece = {readonly start: number; readonly text: string};

/**
 * Cuts a line into rows of at most `width` terminal columns (wide characters count 2), never
 * inside a grapheme: a long URL or stack frame shows whole instead of cut with `…`. Always at
 * least one piece, so an empty line still takes a row.
 */
export function wrapText(text: string, width: number): TextPiece[] {
	const columns = Math.max(1, Math.floor(width));
	if (text.length <= columns && stringWidth(text) <= columns) {
		return [{start: 0, text}];
	}

	const pieces: TextPiece[] = [];
	let start = 0;
	let used = 0;
	let index = 0;
	for (const {segment} of segmenter.segment(text)) {
		const segmentWidth = stringWidth(segment);
		if (used + segmentWidth > columns && index > start) {
			pieces.push({start, text: text.slice(start, index)});
			start = index;
			used = 0;
		}

		used += segmentWidth;
		index += segment.length;
	}

	pieces.push({start, text: text.slice(start)});
	return pieces;
}
