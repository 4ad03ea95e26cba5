import {useMemo} from 'react';
import type {StackStartup} from '../../stack/budget-types.js';
import type {SoakSummary} from '../../stack/soak-summary.js';
import {defaultTheme, type Theme} from '../theme.js';
import {PanelFrame} from './panel-frame.js';
import {soakContent} from './soak-lines.js';

export type SoakPanelProps = {
	readonly soak: SoakSummary;
	readonly stackStartup: StackStartup | undefined;
	readonly now: number;
	readonly recordPath?: string | undefined;
	/** First body line shown (scrolling). */
	readonly scrollOffset: number;
	readonly width: number;
	readonly height: number;
	readonly theme?: Theme;
};

/** The run so far: phase, elapsed, verdict, and per service peaks, leak slope, uptime; probes; breaches. */
export function SoakPanel({soak, stackStartup, now, recordPath, scrollOffset, width, height, theme = defaultTheme}: SoakPanelProps) {
	const content = useMemo(() => soakContent({soak, stackStartup, now, recordPath, theme}), [soak, stackStartup, now, recordPath, theme]);
	return <PanelFrame content={content} start={scrollOffset} width={width} height={height} theme={theme} />;
}

/** Lines the panel has, so scrolling stops at its end. */
export function soakLineCount(soak: SoakSummary, hasRunLine: boolean): number {
	return (hasRunLine ? 1 : 0) + 1 + soak.services.length + (soak.probes.length > 0 ? 1 + soak.probes.length : 0) + soak.breaches.length;
}
