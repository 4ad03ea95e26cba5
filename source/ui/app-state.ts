import type {Command} from './keymap.js';
import {nextSortKey, type SortKey} from './table/rows.js';

export type Panel = 'table' | 'logs' | 'details' | 'tunnels' | 'warnings' | 'soak';

/** A dangerous action waiting for y/n. */
export type Confirmation = {readonly command: 'stop' | 'restartStack'; readonly id: string | undefined; readonly question: string};

/** Where typed text goes while the user types a filter or a log search. */
export type TextInput = {readonly purpose: 'filter' | 'search'; readonly text: string};

/** A log search and the service it was made on: it does not follow the selection to another service. */
export type LogSearch = {readonly service: string | undefined; readonly text: string};

/** The dashboard's own state: what is shown and selected, never engine data. */
export type AppState = {
	readonly panel: Panel;
	readonly isHelpOpen: boolean;
	/** Row key (service and replica, see `rowKey`) of the selected row: a recreated container keeps its place. */
	readonly selectedKey: string | undefined;
	readonly sortKey: SortKey;
	readonly filterText: string;
	readonly textInput: TextInput | undefined;
	readonly confirmation: Confirmation | undefined;
	/** Selected row of the tunnels and warnings panels. */
	readonly panelIndex: number;
	readonly logSearch: LogSearch | undefined;
	/** First line of the help when it scrolls (a small terminal). */
	readonly helpOffset: number;
};

export type AppAction =
	| {
			readonly type: 'command';
			readonly command: Command;
			readonly rowKeys: readonly string[];
			readonly pageSize: number;
			readonly panelSize: number;
			/** Scroll positions of the help: 1 when it fits. */
			readonly helpSize?: number;
	  }
	| {readonly type: 'select'; readonly key: string | undefined}
	| {readonly type: 'ask'; readonly confirmation: Confirmation}
	| {readonly type: 'answered'}
	| {readonly type: 'typed'; readonly text: string}
	| {readonly type: 'text-done'; readonly isAccepted: boolean}
	| {readonly type: 'searched'; readonly search: LogSearch | undefined};

export const initialAppState: AppState = {
	panel: 'table',
	isHelpOpen: false,
	selectedKey: undefined,
	sortKey: 'name',
	filterText: '',
	textInput: undefined,
	confirmation: undefined,
	panelIndex: 0,
	logSearch: undefined,
	helpOffset: 0,
};

const panelOf: Partial<Record<Command, Panel>> = {logs: 'logs', details: 'details', tunnels: 'tunnels', warnings: 'warnings', soak: 'soak'};

/** Navigation and panels. Actions that touch containers are the caller's: this only says what is shown. */
export function reduceApp(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'select': {
			return {...state, selectedKey: action.key};
		}

		case 'ask': {
			return {...state, confirmation: action.confirmation};
		}

		case 'answered': {
			return {...state, confirmation: undefined};
		}

		case 'typed': {
			if (state.textInput === undefined) return state;
			const textInput = {...state.textInput, text: action.text};
			return textInput.purpose === 'filter' ? {...state, textInput, filterText: action.text} : {...state, textInput};
		}

		case 'text-done': {
			if (state.textInput?.purpose === 'filter' && !action.isAccepted) return {...state, textInput: undefined, filterText: ''};
			return {...state, textInput: undefined};
		}

		case 'searched': {
			return {...state, logSearch: action.search};
		}

		case 'command': {
			return applyCommand(state, action);
		}
	}
}

function applyCommand(state: AppState, action: Extract<AppAction, {type: 'command'}>): AppState {
	const {command, rowKeys} = action;
	const panel = panelOf[command];
	if (command === 'help') return {...state, isHelpOpen: !state.isHelpOpen, helpOffset: 0};
	if (state.isHelpOpen && command === 'back') return {...state, isHelpOpen: false};
	if (state.isHelpOpen && moves.has(command)) return {...state, helpOffset: moveIndex(state.helpOffset, command, action.helpSize ?? 1, action.pageSize)};
	if (panel !== undefined) return {...state, panel: state.panel === panel ? 'table' : panel, panelIndex: 0, isHelpOpen: false};
	if (command === 'back') {
		return state.panel === 'table' && state.filterText !== '' ? {...state, filterText: ''} : {...state, panel: 'table'};
	}

	if (command === 'sort') return {...state, sortKey: nextSortKey(state.sortKey)};
	if (command === 'filter') return {...state, textInput: {purpose: 'filter', text: state.filterText}};
	if (command === 'search') return {...state, textInput: {purpose: 'search', text: ''}};
	if (state.panel === 'tunnels' || state.panel === 'warnings' || state.panel === 'details' || state.panel === 'soak') {
		return {...state, panelIndex: moveIndex(state.panelIndex, command, action.panelSize, action.pageSize)};
	}

	const index = rowKeys.indexOf(state.selectedKey ?? '');
	const next = moveIndex(Math.max(0, index), command, rowKeys.length, action.pageSize);
	return next === index ? state : {...state, selectedKey: rowKeys[next]};
}

const moves: ReadonlySet<Command> = new Set<Command>(['moveDown', 'moveUp', 'pageDown', 'pageUp', 'first', 'last']);

function moveIndex(index: number, command: Command, count: number, pageSize: number): number {
	const last = Math.max(0, count - 1);
	const moved: Partial<Record<Command, number>> = {
		moveDown: index + 1,
		moveUp: index - 1,
		pageDown: index + pageSize,
		pageUp: index - pageSize,
		first: 0,
		last,
	};
	const target = moved[command];
	return target === undefined ? index : Math.min(last, Math.max(0, target));
}
