import {Box, useInput} from 'ink';
import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import type {Profile} from '../profile/types.js';
import type {StackSession} from '../stack/session.js';
import {type AppState, initialAppState, reduceApp} from './app-state.js';
import {dashboardRows, findSelected, isMissingRow, stackTotals, warningCount} from './dashboard-rows.js';
import {Header} from './header.js';
import {HelpOverlay} from './help-overlay.js';
import {handleKey, splitKeys} from './key-handler.js';
import {defaultKeymap, type Keymap} from './keymap.js';
import {LogPane} from './log-pane.js';
import {MissingNote, Panels} from './panels.js';
import {StatusLine} from './status-line.js';
import {arrangeRows} from './table/rows.js';
import {ServicesTable} from './table/services-table.js';
import {defaultTheme, type Theme} from './theme.js';
import {runCommand} from './run-command.js';
import {useLogs} from './use-logs.js';
import {useSessionView} from './use-session.js';
import {useTerminalSize} from './use-terminal-size.js';

export type AppProps = {
	readonly session: StackSession;
	readonly profile: Profile;
	readonly engine: {readonly host: string; readonly version: string};
	readonly isReadOnly: boolean;
	/** The profile's active compose services: those without a container show as `missing` rows. */
	readonly serviceNames?: readonly string[];
	readonly keymap?: Keymap;
	readonly theme?: Theme;
	readonly onQuit: () => void;
	/** Suspends the screen and opens a shell in the container. */
	readonly onShell: (containerId: string) => void;
	readonly onCopy: (text: string) => void;
};

const noServices: readonly string[] = [];
const headerRows = 3;
const statusRows = 1;

/** The dashboard: header, services table, the open panel or log pane, and the status line. */
export function App({session, profile, engine, isReadOnly, serviceNames = noServices, keymap = defaultKeymap, theme = defaultTheme, onQuit, onShell, onCopy}: AppProps) {
	const view = useSessionView(session);
	const {columns, rows: terminalRows} = useTerminalSize();
	const [state, dispatch] = useReducer(reduceApp, initialAppState);
	const rows = useMemo(() => dashboardRows(view, profile, session.history, serviceNames), [view, profile, session, serviceNames]);
	const arranged = useMemo(() => arrangeRows(rows, state.sortKey, state.filterText), [rows, state.sortKey, state.filterText]);
	const selected = findSelected(arranged, state.selectedId);

	const bodyRows = Math.max(3, terminalRows - headerRows - statusRows);
	const isSplit = state.panel !== 'table' && !state.isHelpOpen;
	const tableRows = isSplit ? Math.min(arranged.length + 2, Math.max(3, Math.floor(bodyRows / 3))) : bodyRows;
	const panelRows = bodyRows - tableRows;

	const containers = useMemo(() => [...view.state.containers.values()], [view.state.containers]);
	const logs = useLogs({
		createSource: () => session.createLogSource(),
		containers: state.panel === 'logs' ? containers : [],
		service: selected?.status.service,
		height: Math.max(2, panelRows),
		width: columns,
	});

	useEffect(() => {
		if (selected !== undefined && selected.status.id !== state.selectedId) dispatch({type: 'select', id: selected.status.id});
	}, [selected, state.selectedId]);

	const panelLines = useRef(0);
	const onLineCount = useCallback((count: number) => {
		panelLines.current = count;
	}, []);
	// Key handlers read the newest values through a ref: ink may call an older closure (LIBRARIES.md).
	const current = useRef({state, selected, arranged, view, panelRows});
	current.current = {state, selected, arranged, view, panelRows};
	useInput((input, key) => {
		for (const press of splitKeys(input, key, current.current.state.textInput !== undefined)) {
			const now = current.current;
			const outcome = handleKey(press.input, press.key, now.state, {keymap, isReadOnly});
			runCommand(outcome, {...now, panelLines: panelLines.current, session, profile, dispatch, logs, onQuit, onShell, onCopy});
		}
	});

	// A service without a container has no logs to follow; the pane says so (all services still show theirs).
	const isLogNote = state.panel === 'logs' && isMissingRow(selected) && !logs.state.isAllServices;
	const warnings = warningCount(view);
	const tunnelUrl = view.tunnels.length === 1 ? view.tunnels[0]?.publicUrl : undefined;
	return (
		<Box flexDirection="column" width={columns} height={terminalRows}>
			<Header
				width={columns}
				theme={theme}
				profileName={profile.name}
				engine={{host: engine.host, version: engine.version, status: view.state.engine, error: view.state.engineError}}
				host={view.host}
				stack={stackTotals(view, profile.budgets)}
				startedAt={view.startedAt}
				now={view.now}
				warningCount={warnings}
				tunnelUrl={tunnelUrl}
				isReadOnly={isReadOnly}
			/>
			{state.isHelpOpen ? (
				<HelpOverlay width={columns} height={bodyRows} keymap={keymap} isReadOnly={isReadOnly} theme={theme} />
			) : (
				<Box flexDirection="column" height={bodyRows}>
					<ServicesTable rows={rows} width={columns} height={tableRows} selectedId={selected?.status.id} sortKey={state.sortKey} filterText={state.filterText} theme={theme} />
					{state.panel === 'logs' && !isLogNote ? <LogPane state={logs.state} theme={theme} /> : undefined}
					{isLogNote ? <MissingNote title="Logs" service={selected?.status.service ?? ''} width={columns} height={panelRows} theme={theme} /> : undefined}
					{isSplit && state.panel !== 'logs' ? (
						<Panels state={state} view={view} session={session} profile={profile} selected={selected} width={columns} height={panelRows} theme={theme} onLineCount={onLineCount} />
					) : undefined}
				</Box>
			)}
			<StatusLine state={state} message={view.message} engineError={view.state.engine === 'lost' ? view.state.engineError : undefined} width={columns} theme={theme} />
		</Box>
	);
}

export type {AppState};
