import {Box, Text} from 'ink';
import {keysLabel} from './format/key-label.js';
import {actionText, keySections, packSections, type KeySection} from './format/keys-table.js';
import {defaultKeymap, type Binding, type Keymap} from './keymap.js';
import {defaultTheme, type Theme} from './theme.js';

export type HelpOverlayProps = {
	readonly keymap?: Keymap;
	readonly isReadOnly?: boolean;
	readonly width: number;
	/** Lines available; sections flow into side-by-side columns to fit (80×24 takes two). */
	readonly height?: number;
	readonly theme?: Theme;
};

/** Marks keys that change containers. */
export const dangerMarker = '!';

/** Border, title and footer lines around the sections. */
const chromeLines = 5;
const keyColumnWidth = 12;

/** Every binding of the keymap, grouped by where it works; keys that change containers are marked `!`. */
export function HelpOverlay({keymap = defaultKeymap, isReadOnly = false, width, height, theme = defaultTheme}: HelpOverlayProps) {
	const columns = packSections(keySections(keymap), height === undefined ? Number.POSITIVE_INFINITY : height - chromeLines);
	const columnWidth = Math.floor((width - 4 - (columns.length - 1) * 2) / Math.max(1, columns.length));
	return (
		<Box flexDirection="column" width={width} borderStyle="round" borderColor={theme.status.muted} paddingX={1}>
			<Text bold={theme.isStyled} color={theme.accent}>
				Keys
			</Text>
			<Box flexDirection="row" columnGap={2}>
				{columns.map(sections => (
					<Box key={sections[0]?.scope} flexDirection="column" width={columnWidth}>
						{sections.map(section => (
							<Section key={section.scope} section={section} isReadOnly={isReadOnly} theme={theme} />
						))}
					</Box>
				))}
			</Box>
			<Text color={theme.status.muted} wrap="truncate-end">
				{isReadOnly ? `Read-only: keys marked ${dangerMarker} are disabled.` : `${dangerMarker} changes containers (off with --read-only).`}
				{' esc or ? closes.'}
			</Text>
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
