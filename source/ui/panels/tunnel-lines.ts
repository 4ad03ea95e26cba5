import {sanitize} from '../../stack/sanitize.js';
import type {TunnelStatus} from '../../stack/tunnels/types.js';
import {fitCell, textWidth} from '../format/fit.js';
import type {Color, Theme} from '../theme.js';
import type {PanelContent, PanelLine, Segment} from './panel-lines.js';

export type TunnelsInput = {
	readonly tunnels: readonly TunnelStatus[];
	readonly selectedIndex: number;
	readonly width: number;
	readonly theme: Theme;
	/** The key that copies, as the help shows it. */
	readonly copyKey: string;
};

export type TunnelsContent = PanelContent & {
	/** Body line of the selected tunnel's last line, to scroll it into view. */
	readonly selectedLine: number;
};

const markerWidth = 2;
const statusWidth = 7;

type ColumnId = 'provider' | 'service' | 'status' | 'url' | 'upstream';
const headings: Readonly<Record<ColumnId, string>> = {provider: 'PROVIDER', service: 'SERVICE', status: 'STATUS', url: 'PUBLIC URL', upstream: 'UPSTREAM'};
/** Dropped first when the URL would not fit whole: the URL is what the panel is for. */
const dropOrder: readonly ColumnId[] = ['upstream', 'provider'];

/** How to add a tunnel, shown when the profile has none. */
export const noTunnelsHelp = [
	'This profile has no tunnels.',
	'Add one under tunnels: in the profile file, for example:',
	'  tunnels:',
	'    - provider: ngrok          # or cloudflared, or log (with pattern:)',
	'      service: ngrok           # the compose service running the agent',
	'      upstream: http://web:80',
];

/** A row per tunnel (provider, service, status, public URL, upstream), the reason under any not online. */
export function tunnelsContent({tunnels, selectedIndex, width, theme, copyKey}: TunnelsInput): TunnelsContent {
	const title: Segment[] = [{text: `Tunnels (${tunnels.length})`, color: theme.accent, isBold: true}];
	if (tunnels.length === 0) {
		return {title, selectedLine: 0, lines: noTunnelsHelp.map((text, index) => ({key: `help-${index}`, segments: [{text, color: index === 0 ? undefined : theme.status.muted}]}))};
	}

	title.push({text: `  ${copyKey} copies the selected URL`, color: theme.status.muted});
	const rows = tunnels.map(tunnel => ({
		tunnel,
		url: tunnel.publicUrl === undefined ? '-' : sanitize(tunnel.publicUrl),
		upstream: tunnel.upstream === undefined ? '-' : sanitize(tunnel.upstream),
	}));
	const widths = columnWidths(rows, width);
	const cell = (id: ColumnId, text: string): string => (widths.has(id) ? `${fitCell(text, widths.get(id) ?? 0)} ` : '');
	const heading = (['provider', 'service', 'status', 'url', 'upstream'] as const).map(id => cell(id, headings[id])).join('');
	const lines: PanelLine[] = [{key: 'heading', segments: [{text: ' '.repeat(markerWidth) + heading, isBold: true}]}];
	const reasonIndent = ' '.repeat(markerWidth + (widths.has('provider') ? (widths.get('provider') ?? 0) + 1 : 0));
	let selectedLine = 0;
	rows.forEach(({tunnel, url, upstream}, index) => {
		const isSelected = index === selectedIndex;
		const color = statusColor(tunnel.status, theme);
		lines.push({
			key: `tunnel-${index}`,
			isSelected,
			segments: [
				{text: (isSelected ? theme.selection.marker : '').padEnd(markerWidth)},
				{text: cell('provider', tunnel.provider) + cell('service', tunnel.service)},
				{text: cell('status', tunnel.status), color},
				{text: cell('url', url), color: tunnel.publicUrl === undefined ? theme.status.muted : theme.accent},
				{text: cell('upstream', upstream)},
			],
		});
		if (tunnel.status !== 'online' && tunnel.reason !== undefined) {
			lines.push({key: `reason-${index}`, segments: [{text: `${reasonIndent}↳ `}, {text: sanitize(tunnel.reason), color}]});
		}

		if (isSelected) selectedLine = lines.length - 1;
	});
	return {title, lines, selectedLine};
}

/** Each shown column's width: as wide as its longest text, columns dropped until the URL fits, the URL cut only as a last resort. */
function columnWidths(rows: ReadonlyArray<{readonly tunnel: TunnelStatus; readonly url: string; readonly upstream: string}>, width: number): Map<ColumnId, number> {
	const longest = (texts: readonly string[], heading: string): number => Math.max(textWidth(heading), ...texts.map(text => textWidth(text)));
	const widths = new Map<ColumnId, number>([
		['provider', longest(rows.map(row => row.tunnel.provider), headings.provider)],
		['service', Math.min(16, longest(rows.map(row => row.tunnel.service), headings.service))],
		['status', statusWidth],
		['url', longest(rows.map(row => row.url), headings.url)],
		['upstream', Math.min(32, longest(rows.map(row => row.upstream), headings.upstream))],
	]);
	const used = (): number => markerWidth + [...widths.values()].reduce((sum, columnWidth) => sum + columnWidth + 1, 0);
	for (const id of dropOrder) {
		if (used() > width) widths.delete(id);
	}

	if (used() > width) widths.set('url', Math.max(1, (widths.get('url') ?? 0) - (used() - width)));
	return widths;
}

function statusColor(status: TunnelStatus['status'], theme: Theme): Color {
	if (status === 'online') return theme.status.ok;
	return status === 'waiting' ? theme.status.warning : theme.status.error;
}
