import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter();

/** Terminal columns of a string (wide characters count 2), as ink measures it. */
export function textWidth(text: string): number {
	return stringWidth(text);
}

/** Exactly `width` columns: truncated with `…` when too long, padded on the side opposite the alignment. */
export function fitCell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
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
