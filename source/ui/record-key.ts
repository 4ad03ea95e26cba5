import type {StackSession} from '../stack/session.js';
import type {KeyOutcome} from './key-handler.js';
import type {KeyFlags} from './keymap.js';

/** The key as a record shows it: `r`, `enter`, `ctrl+c`. */
function keyName(input: string, key: KeyFlags): string {
	const named = Object.entries(key).find(([, isSet]) => isSet === true)?.[0];
	if (named === 'ctrl' || named === 'meta') return `${named}+${input}`;
	return input === '' ? (named ?? '?') : input;
}

/** Tells the session (and so a record) what a key press did; presses that did nothing are not actions. */
export function recordKey(session: {readonly recordAction?: StackSession['recordAction']}, press: {readonly input: string; readonly key: KeyFlags}, outcome: KeyOutcome, target: string | undefined): void {
	const command =
		outcome.type === 'command'
			? outcome.command
			: outcome.type === 'log'
				? `log:${outcome.action.type}`
				: outcome.type === 'confirm'
					? (outcome.isYes ? 'confirm:yes' : 'confirm:no')
					: outcome.type === 'refused'
						? 'refused'
						: outcome.type === 'text-done'
							? (outcome.isAccepted ? 'text:accepted' : 'text:cancelled')
							: undefined;
	if (command === undefined) return;
	// A test's fake session may not record.
	session.recordAction?.(keyName(press.input, press.key), command, target === '' ? undefined : target);
}
