import type {Panel} from '../app-state.js';
import type {Command, Keymap} from '../keymap.js';
import {keyLabel} from './key-label.js';

/** The short word of each command in the footer. */
const hints: Readonly<Record<Command, string>> = {
	moveDown: 'down',
	moveUp: 'up',
	pageDown: 'page down',
	pageUp: 'page up',
	first: 'top',
	last: 'bottom',
	back: 'back',
	quit: 'quit',
	help: 'help',
	tunnels: 'tunnels',
	warnings: 'warnings',
	copyUrl: 'copy URL',
	restartStack: 'restart all',
	up: 'bring up missing',
	details: 'details',
	logs: 'logs',
	shell: 'shell',
	start: 'start',
	stop: 'stop',
	restart: 'restart',
	filter: 'filter',
	sort: 'sort',
	pauseLogs: 'pause',
	search: 'search',
	nextMatch: 'next match',
	previousMatch: 'previous',
	toggleTimestamps: 'timestamps',
	toggleAllServices: 'all services',
};

/** What the footer knows of the screen: the pane in focus and what it holds. */
export type FooterFacts = {
	readonly panel: Panel;
	readonly isHelpOpen: boolean;
	/** A log search is shown: esc clears it, n steps through it. */
	readonly hasSearch: boolean;
	/** Some services have no container: u brings them up. */
	readonly hasMissing: boolean;
	readonly isReadOnly: boolean;
};

/** The commands the footer offers in a pane, most useful first; the line is cut at the right when narrow. */
function footerCommands(facts: FooterFacts): Command[] {
	if (facts.isHelpOpen) return ['back', 'help', 'quit'];
	const missing: Command[] = facts.hasMissing ? ['up'] : [];
	switch (facts.panel) {
		case 'table': {
			return [...missing, 'logs', 'details', 'restart', 'stop', 'start', 'shell', 'filter', 'sort', 'tunnels', 'warnings', 'help', 'quit'];
		}

		case 'logs': {
			const search: Command[] = facts.hasSearch ? ['nextMatch', 'previousMatch', 'back'] : ['search', 'back'];
			return [...missing, ...search, 'pauseLogs', 'toggleAllServices', 'toggleTimestamps', 'restart', 'help', 'quit'];
		}

		case 'tunnels': {
			return ['moveDown', 'copyUrl', 'back', 'help', 'quit'];
		}

		case 'details':
		case 'warnings': {
			return ['moveDown', 'pageDown', 'back', 'help', 'quit'];
		}
	}
}

/**
 * The footer's key hints for the pane in focus, from the keymap (rebound keys show as bound):
 * `l logs  enter details  r restart …`. Keys that change containers are left out under --read-only.
 */
export function footerKeys(facts: FooterFacts, keymap: Keymap): string {
	const backWord = facts.panel === 'logs' && facts.hasSearch ? 'clear search' : facts.isHelpOpen || facts.panel !== 'table' ? 'close' : 'back';
	return footerCommands(facts)
		.flatMap(command => {
			const binding = keymap.find(candidate => candidate.command === command);
			const key = binding?.keys[0];
			if (binding === undefined || key === undefined || (binding.isDangerous && facts.isReadOnly)) return [];
			return [`${keyLabel(key)} ${command === 'back' ? backWord : hints[command]}`];
		})
		.join('  ');
}
