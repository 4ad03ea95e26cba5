import {useContext, useLayoutEffect, useMemo, useRef} from 'react';
import {Box, type DOMElement, Text} from 'ink';
import stringWidth from 'string-width';
import {RawLinesContext, screenTop} from '../raw-lines.js';
import {defaultTheme, type Theme} from '../theme.js';
import {type Cell, headerCells, rowCells} from './cells.js';
import {noteLineText, tableLineText} from './line-text.js';
import {type ContentWidths, fitToContent, layoutColumns, serviceColumns} from './columns.js';
import {arrangeRows, scrollWindow, type SortKey, type TableRow} from './rows.js';
import {markerWidth, TableLine} from './table-line.js';

export type ServicesTableProps = {
	readonly rows: readonly TableRow[];
	/** Terminal columns available. */
	readonly width: number;
	/** Lines available, the title line included. */
	readonly height: number;
	/** Container id of the selected row. */
	readonly selectedId?: string | undefined;
	readonly sortKey?: SortKey;
	readonly filterText?: string;
	readonly theme?: Theme;
};

/**
 * The services table: a row per container, columns dropped by priority to fit `width`, only the
 * rows that fit in `height` rendered, scrolled to keep the selection in view. Rows are keyed by
 * container id, so new values update them in place.
 */
export function ServicesTable({rows, width, height, selectedId, sortKey = 'name', filterText = '', theme = defaultTheme}: ServicesTableProps) {
	const arranged = useMemo(() => arrangeRows(rows, sortKey, filterText), [rows, sortKey, filterText]);
	const scaled = useMemo(() => scaledServices(rows), [rows]);
	const widths = useMemo(() => contentWidths(rows, scaled), [rows, scaled]);
	// Keyed by the widths' values, not the rows: the columns (and the cells memoized on them) stay the same object while the widths do.
	const columns = useMemo(() => layoutColumns(width - markerWidth, fitToContent(serviceColumns, {name: widths.name, ports: widths.ports})), [width, widths.name, widths.ports]);
	const startReference = useRef(0);

	const bodyHeight = Math.max(1, height - 1);
	const isOverflowing = arranged.length > bodyHeight;
	const visibleCount = isOverflowing ? Math.max(1, bodyHeight - 1) : bodyHeight;
	const selectedIndex = arranged.findIndex(row => row.status.id === selectedId);
	const start = scrollWindow(startReference.current, selectedIndex, visibleCount, arranged.length);
	startReference.current = start;
	const visible = arranged.slice(start, start + visibleCount);
	const rawLines = useContext(RawLinesContext);
	const box = useRef<DOMElement>(null);
	// Renders caused by other parts of the screen (a log line, a key) reuse the cells and lines.
	const title = useMemo(() => headerCells(columns, sortKey), [columns, sortKey]);
	const visibleKey = visible.map(row => row.status.id).join('\n');
	const body = useMemo(
		() => visible.map(row => ({id: row.status.id, cells: rowCells(row, columns, scaled.has(row.status.service), theme)})),
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the visible slice changes only with arranged, start or count
		[arranged, visibleKey, columns, scaled, theme],
	);
	const note = arranged.length === 0 ? emptyText(rows.length, filterText) : undefined;
	const footer = isOverflowing ? `  ${start + 1}–${start + visible.length} of ${arranged.length}` : undefined;

	// On a terminal the lines go straight to the frame writer over an empty box (see raw-lines.ts).
	const lines = useMemo(
		() => (rawLines === undefined ? [] : rawTableLines({title, body, note, footer, selectedId, width, theme})),
		[rawLines, title, body, note, footer, selectedId, width, theme],
	);
	useLayoutEffect(() => {
		if (rawLines === undefined || box.current === null) return;
		rawLines.set('services-table', {top: screenTop(box.current), lines});
	});
	useLayoutEffect(() => () => rawLines?.delete('services-table'), [rawLines]);
	if (rawLines !== undefined) return <Box ref={box} width={width} height={lines.length} />;

	return (
		<Box flexDirection="column" width={width}>
			<TableLine isTitle cells={title} isSelected={false} theme={theme} />
			{body.map(row => (
				<TableLine key={row.id} cells={row.cells} isSelected={row.id === selectedId} theme={theme} />
			))}
			{note === undefined ? undefined : <Text color={theme.status.muted}>{note}</Text>}
			{footer === undefined ? undefined : (
				<Text color={theme.status.muted} wrap="truncate-end">
					{footer}
				</Text>
			)}
		</Box>
	);
}

function emptyText(total: number, filterText: string): string {
	return total > 0 && filterText.trim() !== '' ? `  no service matches "${filterText.trim()}"` : '  no containers of this stack yet: press u to bring it up';
}

/** The widest name (with its replica number when scaled) and ports text of all rows, filtered or not, so the columns keep still while typing a filter. */
function contentWidths(rows: readonly TableRow[], scaled: ReadonlySet<string>): Required<Pick<ContentWidths, 'name' | 'ports'>> {
	let name = 0;
	let ports = 0;
	for (const row of rows) {
		const {service, replica} = row.status;
		name = Math.max(name, stringWidth(scaled.has(service) ? `${service} #${replica}` : service));
		ports = Math.max(ports, stringWidth(row.ports?.join(', ') ?? ''));
	}

	return {name, ports};
}

/** Services with more than one container: their rows are named `web #2`. */
function scaledServices(rows: readonly TableRow[]): ReadonlySet<string> {
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(row.status.service, (counts.get(row.status.service) ?? 0) + 1);
	return new Set([...counts].filter(([, count]) => count > 1).map(([service]) => service));
}

type RawTableInput = {
	readonly title: readonly Cell[];
	readonly body: ReadonlyArray<{readonly id: string; readonly cells: readonly Cell[]}>;
	readonly note: string | undefined;
	readonly footer: string | undefined;
	readonly selectedId: string | undefined;
	readonly width: number;
	readonly theme: Theme;
};

/** The table's lines as TableLine and the note Texts show them (test/ui/raw-table-lines.test.tsx). */
export function rawTableLines({title, body, note, footer, selectedId, width, theme}: RawTableInput): string[] {
	const lines = [tableLineText(title, false, true, theme, width, markerWidth)];
	for (const row of body) lines.push(rowLineText(row.cells, row.id === selectedId, theme, width));
	if (note !== undefined) lines.push(noteLineText(note, theme.status.muted, width));
	if (footer !== undefined) lines.push(noteLineText(footer, theme.status.muted, width));
	return lines;
}

/** Lines of unchanged cells, by selection: a key that moves the selection rebuilds two lines, not all. */
const rowLines = new WeakMap<readonly Cell[], {readonly theme: Theme; readonly width: number; lines: [string | undefined, string | undefined]}>();

function rowLineText(cells: readonly Cell[], isSelected: boolean, theme: Theme, width: number): string {
	let entry = rowLines.get(cells);
	if (entry === undefined || entry.theme !== theme || entry.width !== width) {
		entry = {theme, width, lines: [undefined, undefined]};
		rowLines.set(cells, entry);
	}

	const slot = isSelected ? 1 : 0;
	entry.lines[slot] ??= tableLineText(cells, isSelected, false, theme, width, markerWidth);
	return entry.lines[slot];
}
