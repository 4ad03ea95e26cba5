import {useMemo} from 'react';
import type {ContainerDetails} from '../../engine/details.js';
import {noSecrets, type Secrets} from '../../stack/mask.js';
import {defaultTheme, type Theme} from '../theme.js';
import {detailsContent} from './details-lines.js';
import {PanelFrame} from './panel-frame.js';

export type DetailsPanelProps = {
	/** undefined while the inspect is in flight: the panel says loading. */
	readonly details: ContainerDetails | undefined;
	readonly service: string;
	/** The profile's links, service → URL or connection string; the service's own is shown, masked. */
	readonly links?: Readonly<Record<string, string>>;
	/** From readEnvSecrets(profile.envFile): masked in the environment, links, command and health output. */
	readonly secrets?: Secrets;
	readonly width: number;
	/** Rows available, the title included. */
	readonly height: number;
	/** Body lines scrolled past; clamped (see detailsLineCount and maxScrollOffset). */
	readonly scrollOffset?: number;
	readonly theme?: Theme;
};

const noLinks: Readonly<Record<string, string>> = {};

/** Image, command, state, ports, networks, mounts, limits, health checks, links, environment and labels of one container. */
export function DetailsPanel({details, service, links = noLinks, secrets = noSecrets, width, height, scrollOffset = 0, theme = defaultTheme}: DetailsPanelProps) {
	const content = useMemo(() => detailsContent({details, service, links, secrets, theme}), [details, service, links, secrets, theme]);
	return <PanelFrame content={content} start={scrollOffset} width={width} height={height} theme={theme} />;
}

/** Body lines of the panel for these details, to bound the scroll offset with maxScrollOffset. */
export function detailsLineCount(details: ContainerDetails | undefined, service: string, links: Readonly<Record<string, string>>, secrets: Secrets): number {
	return detailsContent({details, service, links, secrets, theme: defaultTheme}).lines.length;
}
