import type {Binding, Keymap} from '../keymap.js';
import {keySections, type KeySection, packSections} from './keys-table.js';

/** Border, title and footer lines around the sections. */
const chromeLines = 5;
/** Narrower than this a column cuts the descriptions to nothing: scroll one column instead. */
const minimumColumnWidth = 34;

/** A line of the scrolled help: a section title, a binding, or the gap between sections. */
export type HelpLine = {readonly key: string; readonly section?: KeySection; readonly binding?: Binding};

/**
 * How the help fits: sections side by side when every column fits the height at a readable
 * width; else one scrolled column of lines, `visible` at a time. Pure, so keys can clamp the scroll.
 */
export function helpLayout(keymap: Keymap, width: number, height: number | undefined): {readonly columns: KeySection[][]} | {readonly lines: HelpLine[]; readonly visible: number} {
	const sections = keySections(keymap);
	const available = height === undefined ? Number.POSITIVE_INFINITY : height - chromeLines;
	const columns = packSections(sections, available);
	const maximumColumns = Math.max(1, Math.floor((width - 4 + 2) / (minimumColumnWidth + 2)));
	const isFitting = columns.length <= maximumColumns && columns.every(column => column.reduce((lines, section) => lines + 2 + section.bindings.length, -1) <= available);
	if (isFitting) return {columns};
	const lines = sections.flatMap((section, index): HelpLine[] => [
		...(index === 0 ? [] : [{key: `gap-${section.scope}`}]),
		{key: section.scope, section},
		...section.bindings.map(binding => ({key: `${section.scope}-${binding.command}`, binding})),
	]);
	// One line less for the position line below the lines.
	return {lines, visible: Math.max(1, available - 1)};
}

/** The furthest the help scrolls: 0 when it fits. */
export function maximumHelpOffset(keymap: Keymap, width: number, height: number): number {
	const layout = helpLayout(keymap, width, height);
	return 'lines' in layout ? Math.max(0, layout.lines.length - layout.visible) : 0;
}

