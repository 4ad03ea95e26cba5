import type {LogViewAction} from '../stack/log-view.js';
import type {AppState} from './app-state.js';
import {type Command, findBinding, type Keymap, type KeyFlags, namedKey, type Scope} from './keymap.js';

/** One key press: what ink's useInput passes for a single key. */
export type KeyPress = {readonly input: string; readonly key: KeyFlags};

/** What one key press asks for in a given state. */
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

export type RouteOptions = {readonly keymap: Keymap; readonly isReadOnly: boolean};

/** Routes a key press: a pending question first, then text being typed, then the keymap of the focused pane. */
export function routeKey(press: KeyPress, state: AppState, options: RouteOptions): KeyOutcome {
	const {input, key} = press;
	if (state.confirmation !== undefined) {
		return {type: 'confirm', isYes: input === 'y' || input === 'Y'};
	}

	if (state.textInput !== undefined) {
		return typing(input, key, state.textInput.text);
	}

	const scope = paneScope(state.panel);
	// Service actions (restart, stop, logs, …) work from every pane: the table stays on screen.
	const binding = findBinding(input, key, scope, options.keymap) ?? findBinding(input, key, 'table', options.keymap);
	if (binding === undefined) return {type: 'none'};
	if (binding.isDangerous && options.isReadOnly) {
		return {type: 'refused', reason: `read-only: ${binding.description.toLowerCase()} is disabled`};
	}

	const logAction = scope === 'logs' && !state.isHelpOpen ? logActions[binding.command] : undefined;
	return logAction === undefined ? {type: 'command', command: binding.command} : {type: 'log', action: logAction};
}

/** The keymap scope of a pane: its own bindings come before the global ones. */
export function paneScope(panel: AppState['panel']): Scope {
	return panel === 'table' ? 'table' : panel === 'logs' ? 'logs' : 'panel';
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
 * The presses of one chunk of input. Keys typed faster than the screen reads them, a paste, or
 * tmux's send-keys arrive as one chunk ("/web\rr"); every character is a press of its own, so the
 * fold can decide per press whether it is text or a command. ink hands escape sequences (arrows,
 * page keys) over one at a time, so a chunk of several characters holds printable characters and
 * control characters only.
 */
export function toPresses(input: string, key: KeyFlags, raw?: string): KeyPress[] {
	// ink reads ESC followed at once by a character ("\u001B/", tmux's `send-keys Escape /`, a fast
	// typist, an ssh link) as alt+character and hands over the character alone: no key here uses
	// alt, so it is esc, then the character.
	if (raw !== undefined && raw.length > 1 && raw.startsWith('\u001B') && raw.slice(1) === input && !raw.startsWith('\u001B[') && !raw.startsWith('\u001BO')) {
		return [{input: '', key: {escape: true}}, ...toPresses(input, {})];
	}

	if (key.ctrl || key.meta || namedKey(key) !== undefined) return [{input, key}];
	return [...input.replaceAll('\r\n', '\r')].flatMap(character => {
		const named = namedCharacters[character];
		if (named !== undefined) return [{input: '', key: named}];
		const code = character.codePointAt(0) ?? 0;
		// Ctrl+letter as the terminal sends it: ^D is ctrl+d (page down).
		if (code >= 1 && code <= 26) return [{input: String.fromCodePoint(code + 96), key: {ctrl: true}}];
		return code < 32 || code === 127 ? [] : [{input: character, key: {}}];
	});
}

const namedCharacters: Readonly<Record<string, KeyFlags>> = {
	'\r': {return: true},
	'\n': {return: true},
	'\t': {tab: true},
	'\u007F': {backspace: true},
	'\u0008': {backspace: true},
	'\u001B': {escape: true},
};
