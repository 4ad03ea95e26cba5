import {memo} from 'react';
import {Text} from 'ink';
import type {Theme} from '../theme.js';
import type {Cell} from './cells.js';

export type TableLineProps = {
	readonly cells: readonly Cell[];
	readonly isSelected: boolean;
	readonly isTitle?: boolean;
	readonly theme: Theme;
};

/** One line of the table: a single Text with a span per cell, so a row costs one layout node. */
function TableLineView({cells, isSelected, isTitle = false, theme}: TableLineProps) {
	const marker = isSelected ? theme.selection.marker : ' ';
	return (
		<Text wrap="truncate-end" inverse={isSelected && theme.selection.isInverse} bold={isTitle && theme.isStyled}>
			{marker.padEnd(markerWidth)}
			{cells.map((cell, index) => (
				<Text key={cell.id} color={cell.color}>
					{index > 0 ? ' ' : ''}
					{cell.text}
				</Text>
			))}
		</Text>
	);
}

/** Width of the selection marker before each line. */
export const markerWidth = 2;

function isSameLine(previous: TableLineProps, next: TableLineProps): boolean {
	return (
		previous.isSelected === next.isSelected &&
		previous.isTitle === next.isTitle &&
		previous.theme === next.theme &&
		previous.cells.length === next.cells.length &&
		previous.cells.every((cell, index) => cell.text === next.cells[index]?.text && cell.color === next.cells[index]?.color && cell.id === next.cells[index]?.id)
	);
}

/** Re-renders only when a cell's text or color changed. */
export const TableLine = memo(TableLineView, isSameLine);
