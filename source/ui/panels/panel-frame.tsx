import {Box, Text} from 'ink';
import {sanitize} from '../../stack/sanitize.js';
import type {Theme} from '../theme.js';
import {lineWindow, type PanelContent, type Segment} from './panel-lines.js';

export type PanelFrameProps = {
	readonly content: PanelContent;
	/** First body line to show; clamped so the window never runs past the end. */
	readonly start: number;
	readonly width: number;
	/** Rows available, the title included. */
	readonly height: number;
	readonly theme: Theme;
};

/** Draws a panel: its title, the body lines that fit, and `12–30 of 54` when they do not all fit. */
export function PanelFrame({content, start, width, height, theme}: PanelFrameProps) {
	const window = lineWindow(content.lines.length, height, start);
	const visible = content.lines.slice(window.start, window.start + window.count);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Segments segments={content.title} theme={theme} />
			{visible.map(line => (
				<Segments key={line.key} segments={line.segments} isSelected={line.isSelected} theme={theme} />
			))}
			{window.isOverflowing ? (
				<Text color={theme.status.muted} wrap="truncate-end">
					{`  ${window.start + 1}–${window.start + window.count} of ${content.lines.length}`}
				</Text>
			) : undefined}
		</Box>
	);
}

type SegmentsProps = {readonly segments: readonly Segment[]; readonly isSelected?: boolean | undefined; readonly theme: Theme};

/** One line: a single Text with a span per segment, cut at the panel's width; names and values from files or the engine sanitized. */
function Segments({segments, isSelected = false, theme}: SegmentsProps) {
	return (
		<Text wrap="truncate-end" inverse={isSelected && theme.selection.isInverse}>
			{segments.map((segment, index) => (
				<Text key={index} color={segment.color} bold={theme.isStyled && segment.isBold}>
					{sanitize(segment.text)}
				</Text>
			))}
		</Text>
	);
}
