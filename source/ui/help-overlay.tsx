import {Box, Text} from 'ink';
import {keysLabel} from './format/key-label.js';
import {helpLayout, type HelpLine} from './format/help-layout.js';
import {actionText, type KeySection} from './format/keys-table.js';
import {defaultKeymap, type Binding, type Keymap} from './keymap.js';
import {defaultTheme, type Theme} from './theme.js';

export type HelpOverlayProps = {
	readonly keymap?: Keymap;
	readonly isReadOnly?: boolean;
	readonly width: number;
	/** Lines available; sections flow into side-by-side columns to fit (80×24 takes two). */
	readonly height?: number;
	/** First line shown when the help scrolls. */
	readonly offset?: number;
	readonly theme?: Theme;
};

/** Marks keys that change containers. */
export const dangerMarker = '!';

const keyColumnWidth = 12;

/** Every binding of the keymap, grouped by where it works; keys that change containers are marked `!`. Scrolls (j/k) when it does not fit. */
export function HelpOverlay({keymap = defaultKeymap, isReadOnly = false, width, height, offset = 0, theme = defaultTheme}: HelpOverlayProps) {
	const layout = helpLayout(keymap, width, height);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden" borderStyle="round" borderColor={theme.status.muted} paddingX={1}>
			<Text bold={theme.isStyled} color={theme.accent}>
				Keys
			</Text>
			{'columns' in layout ? (
				<Columns columns={layout.columns} width={width} isReadOnly={isReadOnly} theme={theme} />
			) : (
				<Scrolled lines={layout.lines} visible={layout.visible} offset={offset} isReadOnly={isReadOnly} theme={theme} />
			)}
			<Text color={theme.status.muted} wrap="truncate-end">
				{isReadOnly ? `Read-only: keys marked ${dangerMarker} are disabled.` : `${dangerMarker} changes containers (off with --read-only).`}
				{' esc or ? closes.'}
			</Text>
		</Box>
	);
}

type ColumnsProps = {readonly columns: KeySection[][]; readonly width: number; readonly isReadOnly: boolean; readonly theme: Theme};

function Columns({columns, width, isReadOnly, theme}: ColumnsProps) {
	const columnWidth = Math.floor((width - 4 - (columns.length - 1) * 2) / Math.max(1, columns.length));
	return (
		<Box flexDirection="row" columnGap={2}>
			{columns.map(sections => (
				<Box key={sections[0]?.scope} flexDirection="column" width={columnWidth}>
					{sections.map(section => (
						<Section key={section.scope} section={section} isReadOnly={isReadOnly} theme={theme} />
					))}
				</Box>
			))}
		</Box>
	);
}

type ScrolledProps = {readonly lines: readonly HelpLine[]; readonly visible: number; readonly offset: number; readonly isReadOnly: boolean; readonly theme: Theme};

function Scrolled({lines, visible, offset, isReadOnly, theme}: ScrolledProps) {
	const start = Math.min(Math.max(0, offset), Math.max(0, lines.length - visible));
	const shown = lines.slice(start, start + visible);
	return (
		<Box flexDirection="column" marginTop={1}>
			{shown.map(line =>
				line.binding === undefined ? (
					<Text key={line.key} bold={theme.isStyled}>
						{line.section?.title ?? ' '}
					</Text>
				) : (
					<BindingLine key={line.key} binding={line.binding} isReadOnly={isReadOnly} theme={theme} />
				),
			)}
			<Text color={theme.status.muted} wrap="truncate-end">{`j/k scroll · ${start + 1}–${start + shown.length} of ${lines.length}`}</Text>
		</Box>
	);
}

type SectionProps = {readonly section: KeySection; readonly isReadOnly: boolean; readonly theme: Theme};

function Section({section, isReadOnly, theme}: SectionProps) {
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold={theme.isStyled}>{section.title}</Text>
			{section.bindings.map(binding => (
				<BindingLine key={binding.command} binding={binding} isReadOnly={isReadOnly} theme={theme} />
			))}
		</Box>
	);
}

type BindingLineProps = {readonly binding: Binding; readonly isReadOnly: boolean; readonly theme: Theme};

function BindingLine({binding, isReadOnly, theme}: BindingLineProps) {
	const isDisabled = binding.isDangerous && isReadOnly;
	return (
		<Text wrap="truncate-end" color={isDisabled ? theme.status.muted : undefined}>
			<Text color={binding.isDangerous && !isDisabled ? theme.status.warning : undefined}>{binding.isDangerous ? dangerMarker : ' '}</Text>
			{' ' + keysLabel(binding.keys).padEnd(keyColumnWidth)}
			{actionText(binding)}
			{isDisabled ? ' (disabled)' : ''}
		</Text>
	);
}
