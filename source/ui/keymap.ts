import type {Key} from 'ink';

/** Everything a key can ask for. The app decides what each means in the focused pane. */
export const commands = [
	'moveDown',
	'moveUp',
	'pageDown',
	'pageUp',
	'first',
	'last',
	'back',
	'quit',
	'help',
	'tunnels',
	'warnings',
	'soak',
	'copyUrl',
	'restartStack',
	'up',
	'details',
	'logs',
	'shell',
	'start',
	'stop',
	'restart',
	'filter',
	'sort',
	'pauseLogs',
	'search',
	'nextMatch',
	'previousMatch',
	'toggleTimestamps',
	'toggleAllServices',
	'toggleWrap',
] as const;

export type Command = (typeof commands)[number];

/** Where a binding applies: `global` keys work in every pane, the others only in their pane. */
export type Scope = 'global' | 'table' | 'logs' | 'panel';

export const scopes: readonly Scope[] = ['global', 'table', 'logs', 'panel'];

export type Binding = {
	readonly command: Command;
	/** Key names as `keyName` returns them: `j`, `R`, `down`, `enter`, `space`, `ctrl+c`. */
	readonly keys: readonly string[];
	readonly scope: Scope;
	readonly description: string;
	/** Changes containers: disabled under --read-only and marked in help. */
	readonly isDangerous: boolean;
	/** Asks "are you sure?" before acting. */
	readonly needsConfirm: boolean;
};

export type Keymap = readonly Binding[];

function bind(command: Command, keys: readonly string[], scope: Scope, description: string, flags: {isDangerous?: boolean; needsConfirm?: boolean} = {}): Binding {
	return {command, keys, scope, description, isDangerous: flags.isDangerous ?? false, needsConfirm: flags.needsConfirm ?? false};
}

/** The default bindings: lazydocker and k9s conventions. One binding per command. */
export const defaultKeymap: Keymap = [
	bind('moveDown', ['j', 'down'], 'global', 'Move down'),
	bind('moveUp', ['k', 'up'], 'global', 'Move up'),
	bind('pageDown', ['pagedown', 'ctrl+d'], 'global', 'Page down'),
	bind('pageUp', ['pageup', 'ctrl+u'], 'global', 'Page up'),
	bind('first', ['g', 'home'], 'global', 'Go to the top'),
	bind('last', ['G', 'end'], 'global', 'Go to the bottom'),
	bind('back', ['escape'], 'global', 'Back, close the panel'),
	bind('quit', ['q', 'ctrl+c'], 'global', 'Quit'),
	bind('help', ['?'], 'global', 'Show or hide this help'),
	bind('tunnels', ['t'], 'global', 'Tunnels panel'),
	bind('warnings', ['w'], 'global', 'Budget warnings panel'),
	bind('soak', ['S'], 'global', 'Soak panel: phase, verdict so far, peaks, leaks, probes'),
	bind('copyUrl', ['c'], 'global', 'Copy the selected URL'),
	bind('restartStack', ['R'], 'global', 'Restart the whole stack', {isDangerous: true, needsConfirm: true}),
	bind('up', ['u'], 'global', 'Bring up missing services', {isDangerous: true}),
	bind('details', ['enter'], 'table', 'Details of the service'),
	bind('logs', ['l'], 'table', 'Logs of the service'),
	bind('shell', ['e'], 'table', 'Shell into the service'),
	bind('start', ['s'], 'table', 'Start the service', {isDangerous: true}),
	bind('stop', ['x'], 'table', 'Stop the service', {isDangerous: true, needsConfirm: true}),
	bind('restart', ['r'], 'table', 'Restart the service', {isDangerous: true}),
	bind('filter', ['/'], 'table', 'Filter services'),
	bind('sort', ['o'], 'table', 'Sort by name, CPU, memory, state'),
	bind('pauseLogs', ['space'], 'logs', 'Pause or resume'),
	bind('search', ['/'], 'logs', 'Search'),
	bind('nextMatch', ['n'], 'logs', 'Next match'),
	bind('previousMatch', ['N'], 'logs', 'Previous match'),
	bind('toggleTimestamps', ['T'], 'logs', 'Timestamps on or off'),
	bind('toggleAllServices', ['a'], 'logs', 'All services or the selected one'),
	bind('toggleWrap', ['W'], 'logs', 'Wrap long lines on or off'),
];

/** The part of ink's `Key` that names a key; tests may pass only the flags they set. */
export type KeyFlags = Readonly<Partial<Key>>;

/** The key name of one ink `useInput` call: `j`, `R`, `down`, `enter`, `ctrl+c`; undefined for pastes and meta chords. */
export function keyName(input: string, key: KeyFlags): string | undefined {
	const named = namedKey(key);
	if (named !== undefined) return named;
	if (key.meta) return undefined;
	if (key.ctrl) return /^[a-z]$/i.test(input) ? `ctrl+${input.toLowerCase()}` : undefined;
	if (input === ' ') return 'space';
	return [...input].length === 1 ? input : undefined;
}

/** The name of a key ink recognised (arrows, page keys, enter, esc, …); undefined for characters. */
export function namedKey(key: KeyFlags): string | undefined {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return 'tab';
	if (key.backspace) return 'backspace';
	if (key.delete) return 'delete';
	return undefined;
}

/** The binding a key press selects in a pane: the pane's own bindings, then the global ones. */
export function findBinding(input: string, key: KeyFlags, scope: Scope, keymap: Keymap = defaultKeymap): Binding | undefined {
	const name = keyName(input, key);
	if (name === undefined) return undefined;
	const matches = keymap.filter(binding => binding.keys.includes(name));
	return matches.find(binding => binding.scope === scope) ?? matches.find(binding => binding.scope === 'global');
}

export type ResolveOptions = {
	readonly isReadOnly: boolean;
	readonly keymap?: Keymap;
};

/** The command of a key press, or undefined; dangerous commands are refused under --read-only. */
export function resolveCommand(input: string, key: KeyFlags, scope: Scope, options: ResolveOptions): Command | undefined {
	const binding = findBinding(input, key, scope, options.keymap);
	if (binding === undefined || (binding.isDangerous && options.isReadOnly)) return undefined;
	return binding.command;
}
