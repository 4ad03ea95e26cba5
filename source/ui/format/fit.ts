import stringWidth from 'string-width';
import {sanitize} from '../../stack/sanitize.js';

const segmenter = new Intl.Segmenter();

/** Terminal columns of a string as it will be shown (sanitized; wide characters count 2), as ink measures it. */
export function textWidth(text: string): number {
	return stringWidth(sanitize(text));
}

/**
 * Exactly `width` columns: truncated with `…` when too long, padded on the side opposite the
 * alignment. The text is sanitized first: what is measured is what the terminal will show.
 */
export function fitCell(raw: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
	const text = sanitize(raw);
	let fitted = text;
	let used = stringWidth(text);
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
