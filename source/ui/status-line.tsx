import {Text} from 'ink';
import {sanitize} from '../stack/sanitize.js';
import type {StatusMessage} from '../stack/session.js';
import type {AppState} from './app-state.js';
import {footerKeys} from './format/footer-keys.js';
import {defaultKeymap, type Keymap} from './keymap.js';
import {defaultTheme, type Theme} from './theme.js';

export type StatusLineProps = {
	readonly state: AppState;
	readonly message: StatusMessage | undefined;
	readonly engineError: string | undefined;
	/** A log search is shown in the log pane. */
	readonly hasSearch?: boolean;
	/** Some services have no container yet. */
	readonly hasMissing?: boolean;
	readonly keymap?: Keymap;
	readonly isReadOnly?: boolean;
	readonly width: number;
	readonly theme?: Theme;
};

/** How long an action's outcome stays in the status line. */
const messageMs = 8000;

/** The bottom line: a question, the text being typed, the engine's or an action's outcome, else the keys of the pane in focus. */
export function StatusLine({state, message, engineError, hasSearch = false, hasMissing = false, keymap = defaultKeymap, isReadOnly = false, width, theme = defaultTheme}: StatusLineProps) {
	const hints = footerKeys({panel: state.panel, isHelpOpen: state.isHelpOpen, hasSearch, hasMissing, isReadOnly}, keymap);
	const {text, color} = statusText(state, message, engineError, hints, theme, Date.now());
	return (
		<Text color={color} wrap="truncate-end">
			{sanitize(text).slice(0, Math.max(0, width * 2))}
		</Text>
	);
}

export function statusText(
	state: AppState,
	message: StatusMessage | undefined,
	engineError: string | undefined,
	hints: string,
	theme: Theme,
	now: number,
): {readonly text: string; readonly color: string | undefined} {
	if (state.confirmation !== undefined) return {text: `${state.confirmation.question} (y/n)`, color: theme.status.warning};
	if (state.textInput !== undefined) {
		return {text: `${state.textInput.purpose === 'filter' ? 'filter' : 'search'}: ${state.textInput.text}▏ (enter: keep, esc: clear)`, color: theme.accent};
	}

	if (engineError !== undefined) return {text: `engine lost: ${engineError} — reconnecting…`, color: theme.status.error};
	if (message !== undefined && now - message.at < messageMs) {
		return {text: message.text, color: message.isError ? theme.status.error : theme.status.ok};
	}

	const filter = state.filterText === '' ? '' : `filter "${state.filterText}" (esc clears)  `;
	return {text: `${filter}${hints}`, color: theme.status.muted};
}
