import {useMemo, useRef} from 'react';
import {Box, Text} from 'ink';
import stringWidth from 'string-width';
import {defaultTheme, type Theme} from '../theme.js';
import {headerCells, rowCells} from './cells.js';
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
	const columns = useMemo(() => layoutColumns(width - markerWidth, fitToContent(serviceColumns, contentWidths(rows, scaled))), [width, rows, scaled]);
	const startReference = useRef(0);

	const bodyHeight = Math.max(1, height - 1);
	const isOverflowing = arranged.length > bodyHeight;
	const visibleCount = isOverflowing ? Math.max(1, bodyHeight - 1) : bodyHeight;
	const selectedIndex = arranged.findIndex(row => row.status.id === selectedId);
	const start = scrollWindow(startReference.current, selectedIndex, visibleCount, arranged.length);
	startReference.current = start;
	const visible = arranged.slice(start, start + visibleCount);

	return (
		<Box flexDirection="column" width={width}>
			<TableLine isTitle cells={headerCells(columns, sortKey)} isSelected={false} theme={theme} />
			{visible.map(row => (
				<TableLine
					key={row.status.id}
					cells={rowCells(row, columns, scaled.has(row.status.service), theme)}
					isSelected={row.status.id === selectedId}
					theme={theme}
				/>
			))}
			{arranged.length === 0 ? <Text color={theme.status.muted}>{emptyText(rows.length, filterText)}</Text> : undefined}
			{isOverflowing ? (
				<Text color={theme.status.muted} wrap="truncate-end">
					{`  ${start + 1}–${start + visible.length} of ${arranged.length}`}
				</Text>
			) : undefined}
		</Box>
	);
}

function emptyText(total: number, filterText: string): string {
	return total > 0 && filterText.trim() !== '' ? `  no service matches "${filterText.trim()}"` : '  no containers of this stack yet: press u to bring it up';
}

/** The widest name (with its replica number when scaled) and ports text of all rows, filtered or not, so the columns keep still while typing a filter. */
function contentWidths(rows: readonly TableRow[], scaled: ReadonlySet<string>): ContentWidths {
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
