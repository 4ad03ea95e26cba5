import stringWidth from 'string-width';
import {sanitize} from '../../stack/sanitize.js';

const segmenter = new Intl.Segmenter();

/**
 * Terminal columns of a string as it will be shown (sanitized; wide characters count 2), as ink
 * measures it. Text made only of printable ASCII and the narrow symbols the dashboard draws
 * (sparkline blocks, arrows, ✓ ✗ … · –) holds nothing to sanitize and is counted directly:
 * string-width's grapheme and emoji checks were most of a table row's cost.
 */
export function textWidth(text: string): number {
	for (let index = 0; index < text.length; index++) {
		if (!isNarrowSymbol(text.charCodeAt(index))) return stringWidth(sanitize(text));
	}

	return text.length;
}

function isNarrowSymbol(code: number): boolean {
	return (
		(code >= 0x20 && code <= 0x7e) ||
		code === 0xb7 ||
		code === 0x2013 ||
		code === 0x2014 ||
		code === 0x2026 ||
		(code >= 0x2190 && code <= 0x2199) ||
		(code >= 0x2581 && code <= 0x2588) ||
		code === 0x25bc ||
		code === 0x2713 ||
		code === 0x2717
	);
}

/**
 * Exactly `width` columns: truncated with `…` when too long, padded on the side opposite the
 * alignment. The text is sanitized first: what is measured is what the terminal will show.
 */
export function fitCell(raw: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
	const text = sanitize(raw);
	let fitted = text;
	let used = textWidth(text);
	if (used > width) {
		fitted = '';
		used = 0;
		for (const {segment} of segmenter.segment(text)) {
			const next = stringWidth(segment);
			if (used + next > width - 1) break;
			fitted += segment;
			used += next;
		}

		fitted += '…';
		used += 1;
	}

	const padding = ' '.repeat(Math.max(0, width - used));
	return align === 'right' ? padding + fitted : fitted + padding;
}
