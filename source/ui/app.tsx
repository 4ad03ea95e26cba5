import {Box, useInput, useStdin} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {Profile} from '../profile/types.js';
import type {StackSession} from '../stack/session.js';
import {type AppState, initialAppState} from './app-state.js';
import type {CopyResult} from './clipboard.js';
import {activeSearch, foldKeys, type KeyContext} from './dashboard-keys.js';
import {dashboardRows, findSelected, isMissingRow, stackTotals, warningCount} from './dashboard-rows.js';
import {Header} from './header.js';
import {HelpOverlay} from './help-overlay.js';
import {toPresses} from './key-handler.js';
import {defaultKeymap, type Keymap} from './keymap.js';
import {dashboardLayout} from './layout.js';
import {LogPane} from './log-pane.js';
import {MissingNote, Panels} from './panels.js';
import {type EffectPorts, runEffects} from './run-command.js';
import {StatusLine} from './status-line.js';
import {arrangeRows} from './table/rows.js';
import {ServicesTable} from './table/services-table.js';
import {defaultTheme, type Theme} from './theme.js';
import {stackStartupText} from './panels/soak-lines.js';
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
	/** Copies text to the clipboard and says how, or why it could not. */
	readonly onCopy: (text: string) => CopyResult;
	/** `--record DIR`: shown in the header and the soak panel. */
	readonly recordPath?: string | undefined;
};

const noServices: readonly string[] = [];

/** The dashboard: header, services table, the open panel or log pane, and the status line. */
export function App({session, profile, engine, isReadOnly, serviceNames = noServices, keymap = defaultKeymap, theme = defaultTheme, onQuit, onShell, onCopy, recordPath}: AppProps) {
	const view = useSessionView(session);
	const {columns, rows: terminalRows} = useTerminalSize();
	const [state, setState] = useState<AppState>(initialAppState);
	const rows = useMemo(() => dashboardRows(view, profile, session.history, serviceNames), [view, profile, session, serviceNames]);
	const arranged = useMemo(() => arrangeRows(rows, state.sortKey, state.filterText), [rows, state.sortKey, state.filterText]);
	const selected = findSelected(arranged, state.selectedKey);
	const {bodyRows, isSplit, tableRows, panelRows} = dashboardLayout(terminalRows, state, arranged.length);

	const containers = useMemo(() => [...view.state.containers.values()], [view.state.containers]);
	// Once per session view: the app renders for every batch of log lines and every key too.
	const totals = useMemo(() => stackTotals(view), [view]);
	const logs = useLogs({
		createSource: () => session.createLogSource(),
		containers: state.panel === 'logs' ? containers : [],
		service: selected?.status.service,
		height: Math.max(2, panelRows),
		width: columns,
	});

	const panelLines = useRef(0);
	const onLineCount = useCallback((count: number) => {
		panelLines.current = count;
	}, []);

	// Keys fold through the newest state, kept here and not in React's queue: a chunk of keys, or
	// a chunk that arrives before the last one rendered, sees what the keys before it did.
	const folded = useRef(state);
	const context = useRef<KeyContext | undefined>(undefined);
	context.current = {
		rows,
		terminalRows,
		terminalColumns: columns,
		panelLines: panelLines.current,
		tunnels: view.tunnels,
		links: profile.links,
		project: profile.project,
		containerCount: view.state.containers.size,
		keymap,
		isReadOnly,
	};
	const ports = useRef<EffectPorts | undefined>(undefined);
	ports.current = {session, logs, onQuit, onShell, onCopy};
	// The raw event behind the next useInput call: registered first, so it runs before ink's handler.
	const {internal_eventEmitter: inputEvents} = useStdin();
	const raw = useRef<string | undefined>(undefined);
	useEffect(() => {
		const record = (data: string) => {
			raw.current = data;
		};

		inputEvents?.on('input', record);
		return () => {
			inputEvents?.off('input', record);
		};
	}, [inputEvents]);
	const onInput = useCallback((input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
		const rawInput = raw.current;
		raw.current = undefined;
		if (context.current === undefined || ports.current === undefined) return;
		const result = foldKeys(folded.current, toPresses(input, key, rawInput), {...context.current, panelLines: panelLines.current});
		if (result.state !== folded.current) {
			folded.current = result.state;
			setState(result.state);
		}

		runEffects(result, ports.current);
	}, []);
	useInput(onInput);

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
				stack={totals}
				startedAt={view.startedAt}
				now={view.now}
				warningCount={warnings}
				tunnelUrl={tunnelUrl}
				isReadOnly={isReadOnly}
				recordPath={recordPath}
				stackStartup={stackStartupText(view.budgets.stackStartup)}
			/>
			{state.isHelpOpen ? (
				<HelpOverlay width={columns} height={bodyRows} offset={state.helpOffset} keymap={keymap} isReadOnly={isReadOnly} theme={theme} />
			) : (
				<Box flexDirection="column" height={bodyRows}>
					<ServicesTable rows={rows} width={columns} height={tableRows} selectedId={selected?.status.id} sortKey={state.sortKey} filterText={state.filterText} theme={theme} />
					{state.panel === 'logs' && !isLogNote ? <LogPane state={logs.state} theme={theme} /> : undefined}
					{isLogNote ? <MissingNote title="Logs" service={selected?.status.service ?? ''} width={columns} height={panelRows} theme={theme} /> : undefined}
					{isSplit && state.panel !== 'logs' ? (
						<Panels state={state} view={view} session={session} profile={profile} selected={selected} width={columns} height={panelRows} theme={theme} onLineCount={onLineCount} recordPath={recordPath} />
					) : undefined}
				</Box>
			)}
			<StatusLine
				state={state}
				message={view.message}
				engineError={view.state.engine === 'lost' ? view.state.engineError : undefined}
				hasSearch={activeSearch(state, selected) !== ''}
				hasMissing={arranged.some(row => isMissingRow(row))}
				keymap={keymap}
				isReadOnly={isReadOnly}
				width={columns}
				theme={theme}
			/>
		</Box>
	);
}

export type {AppState};
