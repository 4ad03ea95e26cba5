import type {BufferedLine} from './log-buffer.js';
import {type TextPiece, wrapText} from './wrap-text.js';

/** What the log pane shows and where, changed only by `reduceLogView`. */
export type LogViewState = {
	/** The service of the selected row. */
	readonly selectedService: string | undefined;
	readonly isAllServices: boolean;
	/** The source of the lines: the selected service, or undefined for all services. */
	readonly service: string | undefined;
	/** Every buffered line of the source, oldest first. */
	readonly lines: readonly BufferedLine[];
	/**
	 * The lines in view: all of them when following; when paused, those there were at the
	 * pause, kept even when the buffer drops them (a flood must not empty a paused view).
	 */
	readonly shown: readonly BufferedLine[];
	/** Lines dropped before the shown ones: the buffer's count, frozen while paused. */
	readonly dropped: number;
	/** Lines the source ever stored (buffered plus dropped); the new lines of a pause are the difference. */
	readonly received: number;
	/** Labels in first-seen order, for stable colors. */
	readonly labels: readonly string[];
	/** Rows available for lines. */
	readonly height: number;
	/** Columns of the pane, for wrapping. */
	readonly width: number;
	/** Long lines continue on the next rows instead of being cut with `…`. */
	readonly isWrapped: boolean;
	readonly isPaused: boolean;
	/** Rows hidden below the bottom of the view; 0 at the bottom. */
	readonly scrollOffset: number;
	readonly search: string;
	/** Sequence numbers of the shown lines that match the search, oldest first. */
	readonly matches: readonly number[];
	readonly currentMatch: number | undefined;
	readonly hasTimestamps: boolean;
};

export type LogViewAction =
	| {
			readonly type: 'linesChanged';
			/** The source the lines are of; lines of a source no longer selected are ignored. */
			readonly service: string | undefined;
			readonly lines: readonly BufferedLine[];
			readonly dropped: number;
			readonly labels: readonly string[];
	  }
	| {readonly type: 'resized'; readonly height: number; readonly width?: number}
	| {readonly type: 'selectService'; readonly service: string | undefined}
	| {readonly type: 'scrollUp' | 'scrollDown'; readonly count?: number}
	| {readonly type: 'pageUp' | 'pageDown' | 'scrollToTop' | 'scrollToBottom' | 'togglePause'}
	| {readonly type: 'setSearch'; readonly text: string}
	| {readonly type: 'nextMatch' | 'previousMatch' | 'toggleTimestamps' | 'toggleAllServices' | 'toggleWrap'};

/** A row of the pane: a line (or, wrapped, one piece of it), the note about dropped lines on top, the new-lines marker below. */
export type LogRow =
	| {readonly type: 'line'; readonly line: BufferedLine; readonly isCurrentMatch: boolean; readonly piece?: TextPiece}
	| {readonly type: 'dropped'; readonly count: number}
	| {readonly type: 'newLines'; readonly count: number};

/** The view of the selected service's lines, or of all services'. */
export function initialLogView(selectedService?: string, height = 20, isAllServices = false, width = 80): LogViewState {
	return {
		selectedService,
		isAllServices,
		service: isAllServices ? undefined : selectedService,
		lines: [],
		shown: [],
		dropped: 0,
		received: 0,
		labels: [],
		height,
		width,
		isWrapped: false,
		isPaused: false,
		scrollOffset: 0,
		search: '',
		matches: [],
		currentMatch: undefined,
		hasTimestamps: false,
	};
}

export function reduceLogView(state: LogViewState, action: LogViewAction): LogViewState {
	switch (action.type) {
		case 'linesChanged': {
			if (action.service !== state.service) {
				return state;
			}

			const {lines, labels} = action;
			const received = lines.length + action.dropped;
			if (state.isPaused) {
				return clamp({...state, lines, received, labels});
			}

			return withSearch(clamp({...state, lines, shown: lines, dropped: action.dropped, received, labels}), state.search, false);
		}

		case 'resized': {
			return clamp({...state, height: Math.max(1, action.height), width: Math.max(1, action.width ?? state.width)});
		}

		case 'selectService': {
			return withSource(state, action.service, state.isAllServices);
		}

		case 'toggleAllServices': {
			return withSource(state, state.selectedService, !state.isAllServices);
		}

		case 'scrollUp': {
			return scrollBy(state, action.count ?? 1);
		}

		case 'scrollDown': {
			return scrollBy(state, -(action.count ?? 1));
		}

		case 'pageUp': {
			return scrollBy(state, state.height);
		}

		case 'pageDown': {
			return scrollBy(state, -state.height);
		}

		case 'scrollToTop': {
			return scrollBy(state, Number.MAX_SAFE_INTEGER);
		}

		case 'scrollToBottom': {
			return follow(state);
		}

		case 'togglePause': {
			return state.isPaused ? follow(state) : pause(state);
		}

		case 'setSearch': {
			return withSearch(state, action.text, true);
		}

		case 'nextMatch': {
			return jumpToMatch(state, 1);
		}

		case 'previousMatch': {
			return jumpToMatch(state, -1);
		}

		case 'toggleTimestamps': {
			return {...state, hasTimestamps: !state.hasTimestamps};
		}

		case 'toggleWrap': {
			return {...state, isWrapped: !state.isWrapped};
		}
	}
}

/** Lines that arrived since the view was paused, those the buffer dropped since included. */
export function newLineCount(state: LogViewState): number {
	return state.isPaused ? Math.max(0, state.received - state.shown.length - state.dropped) : 0;
}

/**
 * The rows to draw, top to bottom, at most `height` of them. Wrapped, a line takes as many rows
 * as its text needs beside a prefix of `prefixWidth` columns (timestamp, name); the bottom line
 * of the view stays the one at the scroll position.
 */
export function visibleRows(state: LogViewState, prefixWidth = 0): LogRow[] {
	const rows = lineRows(state);
	const bottom = virtualLength(state) - state.scrollOffset;
	const result: LogRow[] = [];
	const rowsOf = (index: number): LogRow[] => {
		const line = state.shown[index - noteRows(state)];
		if (line === undefined) return [{type: 'dropped', count: state.dropped}];
		const isCurrentMatch = line.sequence === state.currentMatch;
		if (!state.isWrapped) return [{type: 'line', line, isCurrentMatch}];
		return wrapText(line.text, state.width - prefixWidth).map(piece => ({type: 'line', line, isCurrentMatch, piece}));
	};

	const groups: LogRow[][] = [];
	for (let index = bottom - 1, used = 0; index >= 0 && used < rows; index -= 1) {
		const group = rowsOf(index);
		groups.unshift(group);
		used += group.length;
	}

	const flat = groups.flat();
	// Too many rows: the top line loses its first rows; a bottom line taller than the pane shows from its start.
	result.push(...(flat.length <= rows ? flat : groups.length === 1 ? flat.slice(0, rows) : flat.slice(flat.length - rows)));
	if (rows < state.height) {
		result.push({type: 'newLines', count: newLineCount(state)});
	}

	return result;
}

/**
 * A new source starts empty and following, keeping the timestamp and wrap settings. The search
 * stays when only the all-services toggle changed: it was made on this selection, not on the next service.
 */
function withSource(state: LogViewState, selectedService: string | undefined, isAllServices: boolean): LogViewState {
	const service = isAllServices ? undefined : selectedService;
	if (service === state.service) {
		const isSame = selectedService === state.selectedService && isAllServices === state.isAllServices;
		return isSame ? state : {...state, selectedService, isAllServices};
	}

	const fresh = initialLogView(selectedService, state.height, isAllServices, state.width);
	const search = selectedService === state.selectedService ? state.search : '';
	return {...fresh, search, hasTimestamps: state.hasTimestamps, isWrapped: state.isWrapped};
}

function follow(state: LogViewState): LogViewState {
	const dropped = state.received - state.lines.length;
	return withSearch({...state, isPaused: false, shown: state.lines, dropped, scrollOffset: 0}, state.search, false);
}

function pause(state: LogViewState): LogViewState {
	if (state.isPaused) {
		return state;
	}

	return {...state, isPaused: true};
}

/** Positive amounts scroll toward older lines; leaving the bottom pauses the view. */
function scrollBy(state: LogViewState, amount: number): LogViewState {
	const paused = amount > 0 ? pause(state) : state;
	return clamp({...paused, scrollOffset: paused.scrollOffset + amount});
}

function clamp(state: LogViewState): LogViewState {
	const maximum = Math.max(0, virtualLength(state) - lineRows(state));
	const scrollOffset = Math.min(Math.max(0, state.scrollOffset), maximum);
	return scrollOffset === state.scrollOffset ? state : {...state, scrollOffset};
}

/** The dropped-lines note scrolls with the lines, as a line above the oldest one. */
function noteRows(state: LogViewState): number {
	return state.dropped > 0 ? 1 : 0;
}

function virtualLength(state: LogViewState): number {
	return state.shown.length + noteRows(state);
}

/** Rows for lines: the height, less one for the new-lines marker while paused lines wait. */
function lineRows(state: LogViewState): number {
	return state.isPaused && newLineCount(state) > 0 ? Math.max(1, state.height - 1) : state.height;
}

/** Recomputes the matches; a new search text selects the newest match and shows it. */
function withSearch(state: LogViewState, text: string, isNewSearch: boolean): LogViewState {
	const pattern = searchPattern(text);
	const matches = pattern === undefined ? [] : state.shown.filter(line => line.kind === 'line' && pattern.test(line.text)).map(line => line.sequence);
	const searched = {...state, search: text, matches};
	if (isNewSearch) {
		const newest = matches.at(-1);
		return newest === undefined ? {...searched, currentMatch: undefined} : reveal(searched, newest);
	}

	return matches.includes(state.currentMatch ?? -1) ? searched : {...searched, currentMatch: undefined};
}

function jumpToMatch(state: LogViewState, step: 1 | -1): LogViewState {
	const {matches} = state;
	if (matches.length === 0) {
		return state;
	}

	const index = state.currentMatch === undefined ? -1 : matches.indexOf(state.currentMatch);
	const next = index === -1 ? (step === 1 ? 0 : matches.length - 1) : (index + step + matches.length) % matches.length;
	return reveal(state, matches[next]!);
}

/** Pauses and scrolls so the line is in the middle of the view, or as near as the ends allow. */
function reveal(state: LogViewState, sequence: number): LogViewState {
	const paused = pause(state);
	const position = paused.shown.findIndex(line => line.sequence === sequence) + noteRows(paused);
	const bottom = position + Math.floor(lineRows(paused) / 2) + 1;
	return clamp({...paused, currentMatch: sequence, scrollOffset: virtualLength(paused) - bottom});
}

/** Smart case: case-insensitive unless the search has an upper-case letter. */
export function searchPattern(text: string, flags = ''): RegExp | undefined {
	if (text === '') {
		return undefined;
	}

	const isCaseSensitive = text !== text.toLowerCase();
	return new RegExp(text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&'), isCaseSensitive ? flags : `${flags}i`);
}
