import type {Profile} from '../profile/types.js';
import type {SessionView, StackSession} from '../stack/session.js';
import type {LogViewAction} from '../stack/log-view.js';
import type {AppAction, AppState} from './app-state.js';
import {isMissingRow, noContainerText} from './dashboard-rows.js';
import type {KeyOutcome} from './key-handler.js';
import type {Command} from './keymap.js';
import type {TableRow} from './table/rows.js';

export type CommandContext = {
	readonly state: AppState;
	readonly selected: TableRow | undefined;
	readonly arranged: readonly TableRow[];
	readonly view: SessionView;
	readonly panelRows: number;
	/** Lines of the open panel (details, tunnels, warnings), for scrolling. */
	readonly panelLines: number;
	readonly session: StackSession;
	readonly profile: Profile;
	readonly dispatch: (action: AppAction) => void;
	readonly logs: {readonly dispatch: (action: LogViewAction) => void};
	readonly onQuit: () => void;
	readonly onShell: (containerId: string) => void;
	readonly onCopy: (text: string) => void;
};

/** Carries out what a key asked for: container actions go to the session, the rest to the reducers. */
export function runCommand(outcome: KeyOutcome, context: CommandContext): void {
	const {state, selected, session, dispatch} = context;
	switch (outcome.type) {
		case 'none': {
			return;
		}

		case 'refused': {
			session.say(outcome.reason, true);
			return;
		}

		case 'log': {
			context.logs.dispatch(outcome.action);
			return;
		}

		case 'text': {
			dispatch({type: 'typed', text: outcome.text});
			return;
		}

		case 'text-done': {
			if (state.textInput?.purpose === 'search' && outcome.isAccepted) context.logs.dispatch({type: 'setSearch', text: state.textInput.text});
			dispatch({type: 'text-done', isAccepted: outcome.isAccepted});
			return;
		}

		case 'confirm': {
			dispatch({type: 'answered'});
			const question = state.confirmation;
			if (!outcome.isYes || question === undefined) return;
			if (question.command === 'restartStack') void session.operate('restartStack', 'restart the stack');
			else if (question.id !== undefined) void session.act(question.id, 'stop');
			return;
		}

		case 'command': {
			runKeyCommand(outcome.command, context);
		}
	}
}

function runKeyCommand(command: Extract<KeyOutcome, {type: 'command'}>['command'], context: CommandContext): void {
	const {selected, session, dispatch} = context;
	const id = selected?.status.id;
	const name = selected?.status.container ?? '';
	if (selected !== undefined && isMissingRow(selected) && containerCommands.has(command)) {
		session.say(noContainerText(selected.status.service), false);
		return;
	}

	switch (command) {
		case 'quit': {
			context.onQuit();
			return;
		}

		case 'start':
		case 'restart': {
			if (id !== undefined) void session.act(id, command);
			return;
		}

		case 'stop': {
			if (id !== undefined) dispatch({type: 'ask', confirmation: {command: 'stop', id, question: `Stop ${name}?`}});
			return;
		}

		case 'restartStack': {
			const count = context.view.state.containers.size;
			dispatch({type: 'ask', confirmation: {command: 'restartStack', id: undefined, question: `Restart all ${count} containers of ${context.profile.project}?`}});
			return;
		}

		case 'up': {
			const missing = context.arranged.filter(row => isMissingRow(row)).map(row => row.status.id);
			void session.operate('up', 'bring up missing services', missing);
			return;
		}

		case 'shell': {
			if (id !== undefined) context.onShell(id);
			return;
		}

		case 'copyUrl': {
			copySelectedUrl(context);
			return;
		}

		default: {
			const pageSize = Math.max(1, context.panelRows - 2);
			dispatch({type: 'command', command, rowIds: context.arranged.map(row => row.status.id), pageSize, panelSize: panelSize(context)});
		}
	}
}

/** Commands that act on the selected container: on a service without one they only say how to create it. */
const containerCommands: ReadonlySet<Command> = new Set<Command>(['start', 'stop', 'restart', 'shell']);

function panelSize(context: CommandContext): number {
	// Details scroll by line; a scroll offset past the last full page shows nothing new.
	return context.state.panel === 'details' ? Math.max(1, context.panelLines - context.panelRows + 2) : context.panelLines;
}

/** The tunnel selected in its panel, else the only tunnel, else the selected service's link. */
function copySelectedUrl(context: CommandContext): void {
	const {state, view, selected, profile, session} = context;
	const tunnel = state.panel === 'tunnels' ? view.tunnels[state.panelIndex] : view.tunnels.length === 1 ? view.tunnels[0] : undefined;
	const url = tunnel?.publicUrl ?? (selected === undefined ? undefined : profile.links[selected.status.service]);
	if (url === undefined) {
		session.say('nothing to copy: no tunnel URL or link here', true);
		return;
	}

	context.onCopy(url);
	session.say(`copied ${url}`, false);
}
