import {Box, Text} from 'ink';
import {memo} from 'react';
import {headerLines, type HeaderFacts} from './format/header-lines.js';
import {defaultTheme, type Theme} from './theme.js';

export type {EngineSummary, HeaderFacts, HostUsage, StackTotals} from './format/header-lines.js';

export type HeaderProps = HeaderFacts & {
	readonly width: number;
	readonly theme?: Theme;
};

/** Three lines above the table: profile, engine, soak clock, warnings; stack totals and tunnel; host usage. */
function HeaderLines({width, theme = defaultTheme, ...facts}: HeaderProps) {
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

/**
 * Renders again only when a fact changed: the app re-renders for every batch of log lines (up to
 * ten a second) and passes new but equal objects (engine, stack totals) each time.
 */
export const Header = memo(HeaderLines, haveEqualFacts);

/** Props equal one level deep: each value the same, or a plain object whose own values are the same. */
export function haveEqualFacts(previous: Readonly<Record<string, unknown>>, next: Readonly<Record<string, unknown>>): boolean {
	const keys = Object.keys(next);
	if (Object.keys(previous).length !== keys.length) return false;
	return keys.every(key => Object.is(previous[key], next[key]) || haveEqualValues(previous[key], next[key]));
}

function haveEqualValues(previous: unknown, next: unknown): boolean {
	if (!isPlainObject(previous) || !isPlainObject(next)) return false;
	const keys = Object.keys(next);
	return Object.keys(previous).length === keys.length && keys.every(key => Object.is(previous[key], next[key]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
