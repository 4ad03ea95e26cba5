import type {Panel} from '../app-state.js';
import type {Command, Keymap, Scope} from '../keymap.js';
import {keyLabel} from './key-label.js';

/** The short word of a command in the footer; a command without one shows its description. */
const hints: Readonly<Partial<Record<Command, string>>> = {
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
	toggleWrap: 'wrap',
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

/** The commands the footer offers in a pane: the pane's own bindings in keymap order, then a few that work everywhere. */
function footerCommands(facts: FooterFacts, keymap: Keymap): Command[] {
	if (facts.isHelpOpen) return ['back', 'help', 'quit'];
	const missing: Command[] = facts.hasMissing ? ['up'] : [];
	const own = (scope: Scope) => keymap.filter(binding => binding.scope === scope).map(binding => binding.command);
	switch (facts.panel) {
		case 'table': {
			return [...missing, ...own('table'), 'tunnels', 'warnings', 'help', 'quit'];
		}

		case 'logs': {
			const search: Command[] = facts.hasSearch ? ['nextMatch', 'previousMatch', 'back'] : ['search', 'back'];
			const rest = own('logs').filter(command => !searchCommands.has(command));
			return [...missing, ...search, ...rest, 'restart', 'help', 'quit'];
		}

		case 'tunnels': {
			return ['moveDown', 'copyUrl', 'back', 'help', 'quit'];
		}

		case 'details':
		case 'warnings':
		case 'soak': {
			return ['moveDown', 'pageDown', 'back', 'help', 'quit'];
		}
	}
}

const searchCommands: ReadonlySet<Command> = new Set<Command>(['search', 'nextMatch', 'previousMatch']);

/**
 * The footer's key hints for the pane in focus, from the keymap (rebound keys show as bound):
 * `l logs  enter details  r restart …`. Keys that change containers are left out under --read-only.
 */
export function footerKeys(facts: FooterFacts, keymap: Keymap): string {
	const backWord = facts.panel === 'logs' && facts.hasSearch ? 'clear search' : facts.isHelpOpen || facts.panel !== 'table' ? 'close' : 'back';
	return footerCommands(facts, keymap)
		.flatMap(command => {
			const binding = keymap.find(candidate => candidate.command === command);
			const key = binding?.keys[0];
			if (binding === undefined || key === undefined || (binding.isDangerous && facts.isReadOnly)) return [];
			return [`${keyLabel(key)} ${command === 'back' ? backWord : (hints[command] ?? binding.description.toLowerCase())}`];
		})
		.join('  ');
}
