import type {LogViewAction} from '../stack/log-view.js';
import type {StackSession} from '../stack/session.js';
import type {CopyResult} from './clipboard.js';
import type {FoldResult, KeyEffect} from './dashboard-keys.js';
import {recordKey} from './record-key.js';

/** Where effects go: the session for containers and messages, the log pane, and the app's outside. */
export type EffectPorts = {
	readonly session: Pick<StackSession, 'act' | 'operate' | 'say'> & {readonly recordAction?: StackSession['recordAction']};
	readonly logs: {readonly dispatch: (action: LogViewAction) => void};
	readonly onQuit: () => void;
	readonly onShell: (containerId: string) => void;
	readonly onCopy: (text: string) => CopyResult;
};

/** Carries out, in order, what a folded chunk of keys asked for, after telling a record what each press did. */
export function runEffects(result: FoldResult, ports: EffectPorts): void {
	for (const {press, outcome, target} of result.records) recordKey(ports.session, press, outcome, target);
	for (const effect of result.effects) runEffect(effect, ports);
}

function runEffect(effect: KeyEffect, ports: EffectPorts): void {
	const {session} = ports;
	switch (effect.type) {
		case 'quit': {
			ports.onQuit();
			return;
		}

		case 'say': {
			session.say(effect.text, effect.isError);
			return;
		}

		case 'act': {
			void session.act(effect.id, effect.action);
			return;
		}

		case 'operate': {
			void session.operate(effect.operation, effect.label, effect.extraIds);
			return;
		}

		case 'shell': {
			ports.onShell(effect.id);
			return;
		}

		case 'copy': {
			const result = ports.onCopy(effect.text);
			session.say(result.message, !result.isCopied);
			return;
		}

		case 'log': {
			ports.logs.dispatch(effect.action);
		}
	}
}
