import {Text} from 'ink';
import {sanitize} from '../stack/sanitize.js';
import type {StatusMessage} from '../stack/session.js';
import type {AppState} from './app-state.js';
import {defaultTheme, type Theme} from './theme.js';

export type StatusLineProps = {
	readonly state: AppState;
	readonly message: StatusMessage | undefined;
	readonly engineError: string | undefined;
	readonly width: number;
	readonly theme?: Theme;
};

/** How long an action's outcome stays in the status line. */
const messageMs = 8000;

/** The bottom line: a question, the text being typed, the engine's or an action's outcome, else hints. */
export function StatusLine({state, message, engineError, width, theme = defaultTheme}: StatusLineProps) {
	const {text, color} = statusText(state, message, engineError, theme, Date.now());
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
	return {text: `${filter}? help  l logs  enter details  r restart  t tunnels  w warnings  q quit`, color: theme.status.muted};
}
