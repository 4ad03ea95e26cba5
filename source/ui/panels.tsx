import {useEffect, useMemo, useState} from 'react';
import type {ContainerDetails} from '../engine/details.js';
import type {Profile} from '../profile/types.js';
import {readEnvSecrets} from '../stack/mask.js';
import type {SessionView, StackSession} from '../stack/session.js';
import type {AppState} from './app-state.js';
import {isMissingRow, noContainerText} from './dashboard-rows.js';
import {DetailsPanel, detailsLineCount} from './panels/details-panel.js';
import {PanelFrame} from './panels/panel-frame.js';
import {TunnelsPanel} from './panels/tunnels-panel.js';
import {emptySoakSummary} from '../stack/soak-summary.js';
import {SoakPanel, soakLineCount} from './panels/soak-panel.js';
import {stackStartupText} from './panels/soak-lines.js';
import {WarningsPanel} from './panels/warnings-panel.js';
import type {TableRow} from './table/rows.js';
import type {Theme} from './theme.js';

export type PanelsProps = {
	readonly state: AppState;
	readonly view: SessionView;
	readonly session: StackSession;
	readonly profile: Profile;
	readonly selected: TableRow | undefined;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
	/** Lines the open panel has, so scrolling stops at its end. */
	readonly onLineCount: (count: number) => void;
	/** Where the run is recorded (--record), for the soak panel. */
	readonly recordPath?: string | undefined;
};

/** The panel below the table: details of the selected service, tunnels, or budget warnings. */
export function Panels({state, view, session, profile, selected, width, height, theme, onLineCount, recordPath}: PanelsProps) {
	const secrets = useMemo(() => readEnvSecrets(profile.envFile), [profile.envFile]);
	const isMissing = isMissingRow(selected);
	const details = useDetails(session, state.panel === 'details' && !isMissing ? selected?.status.id : undefined, selected?.status.startedAt);
	const service = selected?.status.service ?? '';
	useEffect(() => {
		const detailsCount = isMissing ? 1 : detailsLineCount(details, service, profile.links, secrets);
		const soakCount = soakLineCount(view.soak ?? emptySoakSummary, stackStartupText(view.budgets.stackStartup) !== undefined || recordPath !== undefined);
		const count = state.panel === 'details' ? detailsCount : state.panel === 'tunnels' ? view.tunnels.length : state.panel === 'soak' ? soakCount : view.budgets.warnings.length;
		onLineCount(count);
	}, [state.panel, isMissing, details, service, profile.links, secrets, view.tunnels.length, view.budgets.warnings.length, view.soak, view.budgets.stackStartup, recordPath, onLineCount]);

	switch (state.panel) {
		case 'details': {
			if (isMissing) return <MissingNote title="Details" service={service} width={width} height={height} theme={theme} />;
			return <DetailsPanel details={details} service={service} links={profile.links} secrets={secrets} width={width} height={height} scrollOffset={state.panelIndex} theme={theme} />;
		}

		case 'tunnels': {
			return <TunnelsPanel tunnels={view.tunnels} selectedIndex={state.panelIndex} width={width} height={height} theme={theme} />;
		}

		case 'soak': {
			return <SoakPanel soak={view.soak ?? emptySoakSummary} stackStartup={view.budgets.stackStartup} now={view.now} recordPath={recordPath} scrollOffset={state.panelIndex} width={width} height={height} theme={theme} />;
		}

		case 'warnings': {
			return <WarningsPanel budgets={view.budgets} incidents={view.state.lifecycle.incidents} now={view.now} selectedIndex={state.panelIndex} width={width} height={height} theme={theme} />;
		}

		default: {
			return null;
		}
	}
}

export type MissingNoteProps = {
	readonly title: string;
	readonly service: string;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
};

/** A panel for a service without a container: its title and one line saying how to bring it up. */
export function MissingNote({title, service, width, height, theme}: MissingNoteProps) {
	const content = {
		title: [{text: `${title}: ${service}`, color: theme.accent, isBold: true}],
		lines: [{key: 'missing', segments: [{text: noContainerText(service), color: theme.status.muted}]}],
	};
	return <PanelFrame content={content} start={0} width={width} height={height} theme={theme} />;
}

/** Inspects the container once when the panel opens, and again when it restarts. */
function useDetails(session: StackSession, id: string | undefined, startedAt: string | null | undefined): ContainerDetails | undefined {
	const [details, setDetails] = useState<ContainerDetails | undefined>(undefined);
	useEffect(() => {
		setDetails(undefined);
		if (id === undefined) return;
		let isCurrent = true;
		void session.details(id).then(result => {
			if (isCurrent) setDetails(result);
		});
		return () => {
			isCurrent = false;
		};
	}, [session, id, startedAt]);
	return details;
}
