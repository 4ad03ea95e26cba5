import chalk, {type ChalkInstance} from 'chalk';
import cliTruncate from 'cli-truncate';
import {textWidth} from '../format/fit.js';
import type {Color, Theme} from '../theme.js';
import type {Cell} from './cells.js';

const rgbPattern = /^rgb\(\s?(\d+),\s?(\d+),\s?(\d+)\s?\)$/;
const ansiPattern = /^ansi256\(\s?(\d+)\s?\)$/;

/** A foreground color as ink's Text color= applies it (names, #hex, ansi256(n), rgb(r, g, b)). */
export function paint(text: string, color: Color): string {
	if (!color || text === '') return text;
	if (color in chalk) return (chalk[color as keyof ChalkInstance] as (value: string) => string)(text);
	if (color.startsWith('#')) return chalk.hex(color)(text);
	const ansi = ansiPattern.exec(color);
	if (ansi) return chalk.ansi256(Number(ansi[1]))(text);
	const rgb = rgbPattern.exec(color);
	if (rgb) return chalk.rgb(Number(rgb[1]), Number(rgb[2]), Number(rgb[3]))(text);
	return text;
}

/**
 * One table line as text with its styles, looking on a terminal exactly as TableLine does through
 * ink (marker, cells separated by a space, colors per cell, inverse when selected, bold title,
 * truncated with … past `width`), built by string concatenation: no layout, no per-cell tokenizing.
 */
export function tableLineText(cells: readonly Cell[], isSelected: boolean, isTitle: boolean, theme: Theme, width: number, markerWidth: number): string {
	const marker = isSelected ? theme.selection.marker : ' ';
	let plain = marker.padEnd(markerWidth);
	for (const [index, cell] of cells.entries()) plain += (index > 0 ? ' ' : '') + cell.text;
	const isTruncated = textWidth(plain) > width;
	// The space before a cell takes the cell's color, as in TableLine: under inverse it shows.
	let text = marker.padEnd(markerWidth);
	for (const [index, cell] of cells.entries()) text += paint((index > 0 ? ' ' : '') + cell.text, cell.color);
	// Rare (cells are fitted to the columns): cli-truncate cuts the colored text as ink would.
	if (isTruncated) text = cliTruncate(text, width, {position: 'end'});

	if (isTitle && theme.isStyled) text = chalk.bold(text);
	if (isSelected && theme.selection.isInverse) text = chalk.inverse(text);
	return text;
}

/** A one-color line (the table's notes), truncated like ink's wrap="truncate-end". */
export function noteLineText(text: string, color: Color, width: number): string {
	return paint(textWidth(text) > width ? cliTruncate(text, width, {position: 'end'}) : text, color);
}
