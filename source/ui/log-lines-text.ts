import chalk from 'chalk';
import cliTruncate from 'cli-truncate';
import {type LogViewState, visibleRows} from '../stack/log-view.js';
import {textWidth} from './format/fit.js';
import {sanitize} from '../stack/sanitize.js';
import {formatClock, highlightMatches, labelPalette, logHeader, prefixWidth, sliceParts} from './log-pane.js';
import {paint} from './table/line-text.js';
import type {Theme} from './theme.js';

/** Cut to `width` like ink's wrap="truncate-end" (the text's own styles kept), then the line's style. */
function fit(text: string, plain: string, width: number, style: (value: string) => string = value => value): string {
	return style(textWidth(plain) > width ? cliTruncate(text, width, {position: 'end'}) : text);
}

function muted(text: string, theme: Theme): string {
	return paint(text, theme.status.muted);
}

/**
 * The log pane's lines (header, then its rows) as text with styles, looking on a terminal exactly as
 * LogPane draws them through ink (test/ui/raw-log-lines.test.tsx), built by string concatenation so
 * fast-moving logs do not go through ink's text layout and its never-emptied text caches.
 */
export function rawLogLines(state: LogViewState, theme: Theme, width: number): string[] {
	const header = sanitize(logHeader(state));
	const lines = [fit(header, header, width, theme.isStyled ? chalk.bold : undefined)];
	const labelWidth = Math.max(0, ...state.labels.map(label => label.length));
	const prefix = prefixWidth(state, labelWidth, theme.isStyled);
	for (const row of visibleRows(state, prefix)) {
		if (row.type === 'dropped') {
			const text = `… ${row.count.toLocaleString('en-US')} older lines dropped`;
			lines.push(muted(text, theme));
			continue;
		}

		if (row.type === 'newLines') {
			const text = `▼ ${row.count.toLocaleString('en-US')} new lines`;
			lines.push(theme.isStyled ? chalk.bold(text) : text);
			continue;
		}

		const {line, piece} = row;
		if (line.kind === 'marker') {
			const text = piece?.text ?? line.text;
			lines.push(fit(muted(text, theme), text, width));
			continue;
		}

		const parts = highlightMatches(line.text, state.search);
		// The rest of a wrapped line, under the text of its first row.
		const isContinued = piece !== undefined && piece.start > 0;
		let plain = isContinued ? ' '.repeat(prefix) : !theme.isStyled && state.search !== '' ? (row.isCurrentMatch ? '> ' : '  ') : '';
		let text = plain;
		if (state.hasTimestamps && !isContinued) {
			const clock = `${formatClock(line.timeNano)} `;
			plain += clock;
			text += muted(clock, theme);
		}

		if (state.service === undefined && !isContinued) {
			const label = `${line.label.padEnd(labelWidth)} | `;
			const color = theme.isColorEnabled ? labelPalette[Math.max(0, state.labels.indexOf(line.label)) % labelPalette.length] : undefined;
			plain += label;
			text += paint(label, color);
		}

		const shown = piece === undefined ? parts : sliceParts(parts, piece.start, piece.start + piece.text.length);
		for (const part of shown) {
			plain += part.text;
			text += theme.isStyled && part.isMatch && part.text !== '' ? chalk.inverse(part.text) : part.text;
		}

		lines.push(fit(text, plain, width, theme.isStyled && row.isCurrentMatch ? chalk.bold : undefined));
	}

	return lines;
}
