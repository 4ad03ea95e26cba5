import type {LogViewAction} from '../stack/log-view.js';
import type {AppState} from './app-state.js';
import {type Command, findBinding, type Keymap, type KeyFlags, type Scope} from './keymap.js';

/** What one key press asks for; the app carries it out. */
export type KeyOutcome =
	| {readonly type: 'none'}
	| {readonly type: 'refused'; readonly reason: string}
	| {readonly type: 'command'; readonly command: Command}
	| {readonly type: 'log'; readonly action: LogViewAction}
	| {readonly type: 'confirm'; readonly isYes: boolean}
	| {readonly type: 'text'; readonly text: string}
	| {readonly type: 'text-done'; readonly isAccepted: boolean};

const logActions: Partial<Record<Command, LogViewAction>> = {
	moveUp: {type: 'scrollUp'},
	moveDown: {type: 'scrollDown'},
	pageUp: {type: 'pageUp'},
	pageDown: {type: 'pageDown'},
	first: {type: 'scrollToTop'},
	last: {type: 'scrollToBottom'},
	pauseLogs: {type: 'togglePause'},
	nextMatch: {type: 'nextMatch'},
	previousMatch: {type: 'previousMatch'},
	toggleTimestamps: {type: 'toggleTimestamps'},
	toggleAllServices: {type: 'toggleAllServices'},
	toggleWrap: {type: 'toggleWrap'},
};

/** Routes a key press: a pending question first, then text being typed, then the keymap of the focused pane. */
export function handleKey(input: string, key: KeyFlags, state: AppState, options: {readonly keymap: Keymap; readonly isReadOnly: boolean}): KeyOutcome {
	if (state.confirmation !== undefined) {
		return {type: 'confirm', isYes: input === 'y' || input === 'Y'};
	}

	if (state.textInput !== undefined) {
		return typing(input, key, state.textInput.text);
	}

	const scope: Scope = state.panel === 'table' ? 'table' : state.panel === 'logs' ? 'logs' : 'panel';
	// Service actions (restart, stop, logs, …) work from every pane: the table stays on screen.
	const binding = findBinding(input, key, scope, options.keymap) ?? findBinding(input, key, 'table', options.keymap);
	if (binding === undefined) return {type: 'none'};
	if (binding.isDangerous && options.isReadOnly) {
		return {type: 'refused', reason: `read-only: ${binding.description.toLowerCase()} is disabled`};
	}

	const logAction = state.panel === 'logs' && !state.isHelpOpen ? logActions[binding.command] : undefined;
	return logAction === undefined ? {type: 'command', command: binding.command} : {type: 'log', action: logAction};
}

function typing(input: string, key: KeyFlags, text: string): KeyOutcome {
	if (key.return) return {type: 'text-done', isAccepted: true};
	if (key.escape) return {type: 'text-done', isAccepted: false};
	if (key.backspace || key.delete) return {type: 'text', text: [...text].slice(0, -1).join('')};
	if (key.ctrl || key.meta || input === '') return {type: 'none'};
	// Control characters from a paste never reach the filter.
	return {type: 'text', text: text + input.replaceAll(/[\u0000-\u001F\u007F]/g, '')};
}

/**
 * Keys typed faster than the screen reads them arrive as one chunk ("jjl"): split them into
 * presses, unless they are text being typed. Named keys (arrows, enter) come one at a time.
 */
export function splitKeys(input: string, key: KeyFlags, isTyping: boolean): Array<{readonly input: string; readonly key: KeyFlags}> {
	const characters = [...input];
	if (isTyping || characters.length <= 1 || key.ctrl || key.meta) return [{input, key}];
	return characters.map(character => ({input: namedCharacters[character] === undefined ? character : '', key: namedCharacters[character] ?? {}}));
}

const namedCharacters: Record<string, KeyFlags> = {'\r': {return: true}, '\n': {return: true}, '\t': {tab: true}, '\u007F': {backspace: true}, '\u001B': {escape: true}};
