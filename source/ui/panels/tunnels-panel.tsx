import {useMemo} from 'react';
import type {TunnelStatus} from '../../stack/tunnels/types.js';
import {defaultTheme, type Theme} from '../theme.js';
import {PanelFrame} from './panel-frame.js';
import {startShowing} from './panel-lines.js';
import {tunnelsContent} from './tunnel-lines.js';

export type TunnelsPanelProps = {
	readonly tunnels: readonly TunnelStatus[];
	/** The marked tunnel: the one whose URL the copy key copies. */
	readonly selectedIndex: number;
	readonly width: number;
	/** Rows available, the title included. */
	readonly height: number;
	/** The copy key as the help shows it; `c` unless rebound. */
	readonly copyKey?: string;
	readonly theme?: Theme;
};

/** A row per tunnel of the profile: provider, service, status (with the reason when not online), public URL, upstream. */
export function TunnelsPanel({tunnels, selectedIndex, width, height, copyKey = 'c', theme = defaultTheme}: TunnelsPanelProps) {
	const content = useMemo(() => tunnelsContent({tunnels, selectedIndex, width, theme, copyKey}), [tunnels, selectedIndex, width, theme, copyKey]);
	return <PanelFrame content={content} start={startShowing(content.selectedLine, content.lines.length, height)} width={width} height={height} theme={theme} />;
}

/** The URL the copy key copies: the selected tunnel's, when it is online. */
export function selectedTunnelUrl(tunnels: readonly TunnelStatus[], selectedIndex: number): string | undefined {
	return tunnels[selectedIndex]?.publicUrl;
}
