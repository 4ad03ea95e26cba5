import type {Color, Theme} from '../theme.js';

/** A run of text in one style. */
export type Segment = {readonly text: string; readonly color?: Color; readonly isBold?: boolean};

/** One line of a panel, built by a pure function and drawn by PanelFrame. */
export type PanelLine = {
	/** Stable within the panel, for React keys. */
	readonly key: string;
	readonly segments: readonly Segment[];
	readonly isSelected?: boolean;
};

/** What a panel draws: a title line and a body that scrolls. */
export type PanelContent = {readonly title: readonly Segment[]; readonly lines: readonly PanelLine[]};

/** Lines of a panel that are not body: the title. */
export const titleRows = 1;

export type LineWindow = {
	/** Index of the first body line shown. */
	readonly start: number;
	/** Body lines shown. */
	readonly count: number;
	/** True when some lines do not fit: a position line then takes the last row. */
	readonly isOverflowing: boolean;
};

/** Which body lines fit in `height` rows (the title included), from `start` clamped to the end. */
export function lineWindow(lineCount: number, height: number, start: number): LineWindow {
	const body = Math.max(1, height - titleRows);
	if (lineCount <= body) return {start: 0, count: lineCount, isOverflowing: false};
	const count = Math.max(1, body - 1);
	const clamped = Math.min(Math.max(0, Math.floor(start)), lineCount - count);
	return {start: clamped, count, isOverflowing: true};
}

/** The largest useful scroll offset: scrolling further would only show blank rows. */
export function maxScrollOffset(lineCount: number, height: number): number {
	const window = lineWindow(lineCount, height, Number.POSITIVE_INFINITY);
	return window.start;
}

/** The window start that shows line `index` (and as much above it as fits): for lists with a selection. */
export function startShowing(index: number, lineCount: number, height: number): number {
	const {count} = lineWindow(lineCount, height, 0);
	return Math.max(0, index - count + 1);
}

/** A label column: `text` padded to `width`, muted. */
export function labelSegment(text: string, width: number, theme: Theme): Segment {
	return {text: text.padEnd(width), color: theme.status.muted};
}

/** Local wall-clock time, HH:MM:SS. */
export function formatClockTime(epochMs: number): string {
	const date = new Date(epochMs);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map(part => String(part).padStart(2, '0')).join(':');
}

/** Local date and time, `2026-11-22 03:12:54`; `-` for an unparsable time. */
export function formatDateTime(iso: string): string {
	const epochMs = Date.parse(iso);
	if (Number.isNaN(epochMs)) return '-';
	const date = new Date(epochMs);
	const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map(part => String(part).padStart(2, '0')).join('-');
	return `${day} ${formatClockTime(epochMs)}`;
}
