import {sanitize} from '../../stack/sanitize.js';

const labels: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	escape: 'esc',
	pageup: 'pgup',
	pagedown: 'pgdn',
};

/** How a key name reads in help and the readme: `↓`, `esc`, `pgup`, `ctrl+c`, `R`. */
export function keyLabel(name: string): string {
	return labels[name] ?? sanitize(name);
}

/** All keys of a binding: `j/↓`. */
export function keysLabel(names: readonly string[]): string {
	return names.map(name => keyLabel(name)).join('/');
}
