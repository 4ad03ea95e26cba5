import type {LifecycleAction} from '../engine/lifecycle.js';
import type {LogViewAction} from '../stack/log-view.js';
import type {TunnelStatus} from '../stack/tunnels/index.js';
import {type AppState, reduceApp} from './app-state.js';
import {findSelected, isMissingRow, noContainerText, rowKey} from './dashboard-rows.js';
import {maximumHelpOffset} from './format/help-layout.js';
import {type KeyOutcome, type KeyPress, routeKey} from './key-handler.js';
import type {Command, Keymap} from './keymap.js';
import {dashboardLayout, tablePageSize} from './layout.js';
import {arrangeRows, type TableRow} from './table/rows.js';

/** What the keys need to know besides the app state: the rows and sizes as last seen, the profile's URLs. */
export type KeyContext = {
	/** Every row, neither filtered nor sorted: the fold arranges them with the state it has reached. */
	readonly rows: readonly TableRow[];
	readonly terminalRows: number;
	readonly terminalColumns: number;
	/** Lines of the open panel (details, tunnels, warnings), for scrolling. */
	readonly panelLines: number;
	readonly tunnels: readonly TunnelStatus[];
	readonly links: Readonly<Record<string, string>>;
	readonly project: string;
	readonly containerCount: number;
	readonly keymap: Keymap;
	readonly isReadOnly: boolean;
};

/** Something a key asked for beyond the app state; run after the whole chunk is folded. */
export type KeyEffect =
	| {readonly type: 'quit'}
	| {readonly type: 'say'; readonly text: string; readonly isError: boolean}
	| {readonly type: 'act'; readonly id: string; readonly action: Extract<LifecycleAction, 'start' | 'stop' | 'restart'>}
	| {readonly type: 'operate'; readonly operation: 'up' | 'restartStack'; readonly label: string; readonly extraIds: readonly string[]}
	| {readonly type: 'shell'; readonly id: string}
	| {readonly type: 'copy'; readonly text: string}
	| {readonly type: 'log'; readonly action: LogViewAction};

/** What a press did, for a record (`--record`); the selected container is its target. */
export type KeyRecord = {readonly press: KeyPress; readonly outcome: KeyOutcome; readonly target: string | undefined};

export type KeyResult = {readonly state: AppState; readonly effects: readonly KeyEffect[]};

/** A folded chunk: also what each press did, in order. */
export type FoldResult = KeyResult & {readonly records: readonly KeyRecord[]};

/** Folds a chunk of presses: each press sees the state the previous one produced. */
export function foldKeys(state: AppState, presses: readonly KeyPress[], context: KeyContext): FoldResult {
	let current = state;
	const effects: KeyEffect[] = [];
	const records: KeyRecord[] = [];
	for (const press of presses) {
		const result = reduceKey(current, press, context);
		current = result.state;
		effects.push(...result.effects);
		records.push(result.record);
	}

	return {state: current, effects, records};
}

/** One press: the new state and what to run. Pure; the rows it acts on are arranged by the state it is given. */
export function reduceKey(state: AppState, press: KeyPress, context: KeyContext): KeyResult & {readonly record: KeyRecord} {
	const arranged = arrangeRows(context.rows, state.sortKey, state.filterText);
	const selected = findSelected(arranged, state.selectedKey);
	const outcome = routeKey(press, state, context);
	const result = applyOutcome(outcome, state, arranged, selected, context);
	return {...result, record: {press, outcome, target: selected?.status.container}};
}

function applyOutcome(outcome: KeyOutcome, state: AppState, arranged: readonly TableRow[], selected: TableRow | undefined, context: KeyContext): KeyResult {
	switch (outcome.type) {
		case 'none': {
			return {state, effects: []};
		}

		case 'refused': {
			return {state, effects: [say(outcome.reason, true)]};
		}

		case 'log': {
			return {state, effects: [{type: 'log', action: outcome.action}]};
		}

		case 'text': {
			return {state: reduceApp(state, {type: 'typed', text: outcome.text}), effects: []};
		}

		case 'text-done': {
			const done = reduceApp(state, {type: 'text-done', isAccepted: outcome.isAccepted});
			if (state.textInput?.purpose !== 'search' || !outcome.isAccepted) return {state: done, effects: []};
			const {text} = state.textInput;
			const search = text === '' ? undefined : {service: selected?.status.service, text};
			return {state: reduceApp(done, {type: 'searched', search}), effects: [{type: 'log', action: {type: 'setSearch', text}}]};
		}

		case 'confirm': {
			return {state: reduceApp(state, {type: 'answered'}), effects: confirmed(state, outcome.isYes)};
		}

		case 'command': {
			return command(outcome.command, state, arranged, selected, context);
		}
	}
}

function command(name: Command, state: AppState, arranged: readonly TableRow[], selected: TableRow | undefined, context: KeyContext): KeyResult {
	const id = selected?.status.id;
	if (selected !== undefined && isMissingRow(selected) && containerCommands.has(name)) {
		return {state, effects: [say(noContainerText(selected.status.service), false)]};
	}

	switch (name) {
		case 'quit': {
			return {state, effects: [{type: 'quit'}]};
		}

		case 'start':
		case 'restart': {
			return {state, effects: id === undefined ? [] : [{type: 'act', id, action: name}]};
		}

		case 'stop': {
			if (id === undefined) return {state, effects: []};
			return {state: reduceApp(state, {type: 'ask', confirmation: {command: 'stop', id, question: `Stop ${selected?.status.container ?? id}?`}}), effects: []};
		}

		case 'restartStack': {
			const question = `Restart all ${context.containerCount} containers of ${context.project}?`;
			return {state: reduceApp(state, {type: 'ask', confirmation: {command: 'restartStack', id: undefined, question}}), effects: []};
		}

		case 'up': {
			const missing = arranged.filter(row => isMissingRow(row)).map(row => row.status.id);
			return {state, effects: [{type: 'operate', operation: 'up', label: 'bring up missing services', extraIds: missing}]};
		}

		case 'shell': {
			return {state, effects: id === undefined ? [] : [{type: 'shell', id}]};
		}

		case 'copyUrl': {
			return {state, effects: [copyEffect(state, selected, context)]};
		}

		case 'back': {
			// One esc after a log search clears the search; the next closes the pane.
			if (state.panel === 'logs' && !state.isHelpOpen && activeSearch(state, selected) !== '') {
				return {state: reduceApp(state, {type: 'searched', search: undefined}), effects: [{type: 'log', action: {type: 'setSearch', text: ''}}]};
			}

			return navigate(name, state, arranged, selected, context);
		}

		default: {
			return navigate(name, state, arranged, selected, context);
		}
	}
}

/** Movement, panels, sort and filter: the app state only. A selection that moves to another service drops the log search. */
function navigate(name: Command, state: AppState, arranged: readonly TableRow[], selected: TableRow | undefined, context: KeyContext): KeyResult {
	const layout = dashboardLayout(context.terminalRows, state, arranged.length);
	const isTable = state.panel === 'table' || state.panel === 'logs';
	const pageSize = isTable ? tablePageSize(layout.tableRows, arranged.length) : Math.max(1, layout.panelRows - 2);
	// Details scroll by line; a scroll offset past the last full page shows nothing new.
	const panelSize = state.panel === 'details' ? Math.max(1, context.panelLines - layout.panelRows + 2) : context.panelLines;
	const from = {...state, selectedKey: selected === undefined ? state.selectedKey : rowKey(selected.status)};
	const helpSize = state.isHelpOpen ? maximumHelpOffset(context.keymap, context.terminalColumns, layout.bodyRows) + 1 : 1;
	const rowKeys = arranged.map(row => rowKey(row.status));
	const next = reduceApp(from, {type: 'command', command: name, rowKeys, pageSize: state.isHelpOpen ? Math.max(1, layout.bodyRows - 6) : pageSize, panelSize, helpSize});
	if (next === from) return {state, effects: []};
	const nextService = findSelected(arrangeRows(context.rows, next.sortKey, next.filterText), next.selectedKey)?.status.service;
	const isSearchKept = next.logSearch === undefined || next.logSearch.service === nextService;
	return {state: isSearchKept ? next : {...next, logSearch: undefined}, effects: []};
}

/** The search shown in the log pane: the one made on the selected service. */
export function activeSearch(state: AppState, selected: TableRow | undefined): string {
	return state.logSearch !== undefined && state.logSearch.service === selected?.status.service ? state.logSearch.text : '';
}

function confirmed(state: AppState, isYes: boolean): KeyEffect[] {
	const question = state.confirmation;
	if (!isYes || question === undefined) return [];
	if (question.command === 'restartStack') return [{type: 'operate', operation: 'restartStack', label: 'restart the stack', extraIds: []}];
	return question.id === undefined ? [] : [{type: 'act', id: question.id, action: 'stop'}];
}

/** The tunnel selected in its panel, else the only tunnel, else the selected service's link. */
function copyEffect(state: AppState, selected: TableRow | undefined, context: KeyContext): KeyEffect {
	const {tunnels, links} = context;
	const tunnel = state.panel === 'tunnels' ? tunnels[state.panelIndex] : tunnels.length === 1 ? tunnels[0] : undefined;
	const url = tunnel?.publicUrl ?? (selected === undefined ? undefined : links[selected.status.service]);
	return url === undefined ? say('nothing to copy: no tunnel URL or link here', true) : {type: 'copy', text: url};
}

function say(text: string, isError: boolean): KeyEffect {
	return {type: 'say', text, isError};
}

/** Commands that act on the selected container: on a service without one they only say how to create it. */
const containerCommands: ReadonlySet<Command> = new Set<Command>(['start', 'stop', 'restart', 'shell']);
