import {Box, type DOMElement, Text, useStdout} from 'ink';
import {useContext, useLayoutEffect, useMemo, useRef} from 'react';
import type {BufferedLine} from '../stack/log-buffer.js';
import {sanitize} from '../stack/sanitize.js';
import {type LogRow, type LogViewState, newLineCount, searchPattern, visibleRows} from '../stack/log-view.js';
import {rawLogLines} from './log-lines-text.js';
import {RawLinesContext, screenTop} from './raw-lines.js';
import {defaultTheme, type Theme} from './theme.js';

/** Rows the pane draws above its lines. */
export const logPaneHeaderRows = 1;

/** Colors of name prefixes, handed out in the order services first print. */
export const labelPalette = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'cyanBright', 'magentaBright', 'yellowBright'] as const;

export type LogPaneProps = {
	readonly state: LogViewState;
	/** Plain under NO_COLOR: no colors, no inverse; the current match is marked with `>` instead. */
	readonly theme?: Theme;
};

/** The log pane: a header with the source and mode, then `state.height` rows of lines. */
export function LogPane({state, theme = defaultTheme}: LogPaneProps) {
	// On a terminal the lines go straight to the frame writer over an empty box (see raw-lines.ts).
	const rawLines = useContext(RawLinesContext);
	const {stdout} = useStdout();
	const box = useRef<DOMElement>(null);
	const lines = useMemo(() => (rawLines === undefined ? [] : rawLogLines(state, theme, stdout.columns)), [rawLines, state, theme, stdout.columns]);
	useLayoutEffect(() => {
		if (rawLines !== undefined && box.current !== null) rawLines.set('log-pane', {top: screenTop(box.current), lines});
	});
	useLayoutEffect(() => () => rawLines?.delete('log-pane'), [rawLines]);
	if (rawLines !== undefined) return <Box ref={box} height={state.height + logPaneHeaderRows} />;

	const labelWidth = Math.max(0, ...state.labels.map(label => label.length));
	const prefix = prefixWidth(state, labelWidth, theme.isStyled);
	return (
		<Box flexDirection="column" height={state.height + logPaneHeaderRows}>
			<Text wrap="truncate-end" bold={theme.isStyled}>
				{sanitize(logHeader(state))}
			</Text>
			{visibleRows(state, prefix).map(row => (
				<Row key={rowKey(row)} row={row} state={state} labelWidth={labelWidth} prefixWidth={prefix} theme={theme} />
			))}
		</Box>
	);
}

/** Columns in front of a line's text: the plain theme's match gutter, the timestamp, the name of all-services view. */
export function prefixWidth(state: LogViewState, labelWidth: number, isStyled: boolean): number {
	const gutter = !isStyled && state.search !== '' ? 2 : 0;
	return gutter + (state.hasTimestamps ? clockWidth + 1 : 0) + (state.service === undefined ? labelWidth + 3 : 0);
}

const clockWidth = 'HH:MM:SS.mmm'.length;

function rowKey(row: LogRow): string {
	return row.type === 'line' ? `${row.line.sequence}:${row.piece?.start ?? 0}` : row.type;
}

type RowProps = {
	readonly row: LogRow;
	readonly state: LogViewState;
	readonly labelWidth: number;
	readonly prefixWidth: number;
	readonly theme: Theme;
};

function Row({row, state, labelWidth, prefixWidth: prefix, theme}: RowProps) {
	if (row.type === 'dropped') {
		return <Text color={theme.status.muted}>… {row.count.toLocaleString('en-US')} older lines dropped</Text>;
	}

	if (row.type === 'newLines') {
		return <Text bold={theme.isStyled}>▼ {row.count.toLocaleString('en-US')} new lines</Text>;
	}

	const {line, piece} = row;
	if (line.kind === 'marker') {
		return <Text wrap="truncate-end" color={theme.status.muted}>{piece?.text ?? line.text}</Text>;
	}

	const parts = highlightMatches(line.text, state.search);
	if (piece !== undefined && piece.start > 0) {
		// The rest of a wrapped line, under the text of its first row.
		return (
			<Text wrap="truncate-end" bold={theme.isStyled && row.isCurrentMatch}>
				{' '.repeat(prefix)}
				<Parts parts={sliceParts(parts, piece.start, piece.start + piece.text.length)} theme={theme} />
			</Text>
		);
	}

	const gutter = !theme.isStyled && state.search !== '' ? (row.isCurrentMatch ? '> ' : '  ') : '';
	return (
		<Text wrap="truncate-end" bold={theme.isStyled && row.isCurrentMatch}>
			{gutter}
			{state.hasTimestamps ? <Text color={theme.status.muted}>{formatClock(line.timeNano)} </Text> : undefined}
			{state.service === undefined ? <Prefix line={line} state={state} width={labelWidth} theme={theme} /> : undefined}
			<Parts parts={piece === undefined ? parts : sliceParts(parts, 0, piece.text.length)} theme={theme} />
		</Text>
	);
}

type Part = {readonly text: string; readonly isMatch: boolean};

function Parts({parts, theme}: {readonly parts: readonly Part[]; readonly theme: Theme}) {
	return (
		<>
			{parts.map((part, index) => (
				<Text key={index} inverse={theme.isStyled && part.isMatch}>
					{part.text}
				</Text>
			))}
		</>
	);
}

/** The runs of `parts` between two indexes of the whole text, cut where the range cuts them. */
export function sliceParts(parts: readonly Part[], start: number, end: number): Part[] {
	const sliced: Part[] = [];
	let offset = 0;
	for (const part of parts) {
		const from = Math.max(start, offset);
		const to = Math.min(end, offset + part.text.length);
		if (from < to) sliced.push({text: part.text.slice(from - offset, to - offset), isMatch: part.isMatch});
		offset += part.text.length;
	}

	return sliced;
}

type PrefixProps = {
	readonly line: BufferedLine;
	readonly state: LogViewState;
	readonly width: number;
	readonly theme: Theme;
};

function Prefix({line, state, width, theme}: PrefixProps) {
	const index = Math.max(0, state.labels.indexOf(line.label)) % labelPalette.length;
	return <Text color={theme.isColorEnabled ? labelPalette[index] : undefined}>{`${line.label.padEnd(width)} | `}</Text>;
}

/** "Logs: web · paused, 12 new · /error: 3/10 · timestamps · wrapped" */
export function logHeader(state: LogViewState): string {
	const parts = [`Logs: ${state.service ?? 'all services'}`];
	const waiting = newLineCount(state);
	parts.push(state.isPaused ? `paused${waiting > 0 ? `, ${waiting.toLocaleString('en-US')} new` : ''}` : 'following');
	if (state.search !== '') {
		const position = state.currentMatch === undefined ? 0 : state.matches.indexOf(state.currentMatch) + 1;
		parts.push(`/${state.search}: ${state.matches.length === 0 ? 'no match' : `${position}/${state.matches.length}`}`);
	}

	if (state.hasTimestamps) {
		parts.push('timestamps');
	}

	if (state.isWrapped) {
		parts.push('wrapped');
	}

	return parts.join(' · ');
}

/** Splits a line into runs that match the search and runs that do not, for highlighting. */
export function highlightMatches(text: string, search: string): Array<{readonly text: string; readonly isMatch: boolean}> {
	const pattern = searchPattern(search, 'g');
	if (pattern === undefined) {
		return [{text, isMatch: false}];
	}

	const parts: Array<{text: string; isMatch: boolean}> = [];
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		if (match.index > last) {
			parts.push({text: text.slice(last, match.index), isMatch: false});
		}

		parts.push({text: match[0], isMatch: true});
		last = match.index + match[0].length;
	}

	if (last < text.length || parts.length === 0) {
		parts.push({text: text.slice(last), isMatch: false});
	}

	return parts;
}

/** Local wall-clock time of a line, HH:MM:SS.mmm. */
export function formatClock(timeNano: bigint): string {
	const date = new Date(Number(timeNano / 1_000_000n));
	const pad = (value: number, length = 2) => String(value).padStart(length, '0');
	return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
