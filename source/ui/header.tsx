import {Box, Text} from 'ink';
import {headerLines, type HeaderFacts} from './format/header-lines.js';
import {defaultTheme, type Theme} from './theme.js';

export type {EngineSummary, HeaderFacts, HostUsage, StackTotals} from './format/header-lines.js';

export type HeaderProps = HeaderFacts & {
	readonly width: number;
	readonly theme?: Theme;
};

/** Three lines above the table: profile, engine, soak clock, warnings; stack totals and tunnel; host usage. */
export function Header({width, theme = defaultTheme, ...facts}: HeaderProps) {
	return (
		<Box flexDirection="column" width={width}>
			{headerLines(facts, theme).map((segments, line) => (
				<Text key={line} wrap="truncate-end">
					{segments.map((segment, index) => (
						<Text key={`${index}-${segment.label ?? ''}`} color={segment.color} bold={theme.isStyled && segment.isBold}>
							{index > 0 ? '  ' : ''}
							{segment.label === undefined ? '' : <Text color={theme.status.muted}>{segment.label} </Text>}
							{segment.text}
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}
