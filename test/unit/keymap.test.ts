import test from 'ava';
import {commands, defaultKeymap, keyName, resolveCommand, scopes, type Command, type KeyFlags, type Scope} from '../../source/ui/keymap.js';
import {findKeyClash} from '../../source/ui/keymap-file.js';

/** The (input, key) ink's useInput passes for a key name, written independently of keyName. */
function press(name: string): [string, KeyFlags] {
	const flags: Record<string, KeyFlags> = {
		up: {upArrow: true},
		down: {downArrow: true},
		pageup: {pageUp: true},
		pagedown: {pageDown: true},
		home: {home: true},
		end: {end: true},
		enter: {return: true},
		escape: {escape: true, meta: true},
	};
	const named = flags[name];
	if (named !== undefined) return ['', named];
	if (name.startsWith('ctrl+')) return [name.slice(5), {ctrl: true}];
	if (name === 'space') return [' ', {}];
	return [name, /[A-Z]/.test(name) ? {shift: true} : {}];
}

/** The keys the issue asks for, as the user knows them. */
const expected: ReadonlyArray<[Command, Scope, readonly string[]]> = [
	['moveDown', 'global', ['j', 'down']],
	['moveUp', 'global', ['k', 'up']],
	['details', 'table', ['enter']],
	['back', 'global', ['escape']],
	['quit', 'global', ['q', 'ctrl+c']],
	['start', 'table', ['s']],
	['stop', 'table', ['x']],
	['restart', 'table', ['r']],
	['restartStack', 'global', ['R']],
	['up', 'global', ['u']],
	['logs', 'table', ['l']],
	['shell', 'table', ['e']],
	['tunnels', 'global', ['t']],
	['warnings', 'global', ['w']],
	['copyUrl', 'global', ['c']],
	['help', 'global', ['?']],
	['filter', 'table', ['/']],
	['sort', 'table', ['o']],
	['pauseLogs', 'logs', ['space']],
	['search', 'logs', ['/']],
	['nextMatch', 'logs', ['n']],
	['previousMatch', 'logs', ['N']],
	['toggleTimestamps', 'logs', ['T']],
	['toggleWrap', 'logs', ['W']],
	['pageDown', 'global', ['pagedown']],
	['pageUp', 'global', ['pageup']],
];

for (const [command, scope, keys] of expected) {
	test(`${keys.join(', ')} in the ${scope} scope → ${command}`, t => {
		for (const key of keys) {
			t.is(resolveCommand(...press(key), scope === 'global' ? 'table' : scope, {isReadOnly: false}), command, key);
		}
	});
}

test('every binding of the keymap routes to its command in its scope, and global ones in every scope', t => {
	for (const binding of defaultKeymap) {
		const where = binding.scope === 'global' ? scopes : [binding.scope];
		for (const scope of where) {
			for (const key of binding.keys) {
				t.is(resolveCommand(...press(key), scope, {isReadOnly: false}), binding.command, `${key} in ${scope}`);
			}
		}
	}
});

test('every command has exactly one binding with a description', t => {
	t.deepEqual(defaultKeymap.map(binding => binding.command).sort(), [...commands].sort());
	t.true(defaultKeymap.every(binding => binding.description.length > 0 && binding.keys.length > 0));
});

test('the default keymap has no clashing keys', t => {
	t.is(findKeyClash(defaultKeymap), undefined);
});

test('scoped keys do nothing outside their pane; "/" filters the table and searches logs', t => {
	t.is(resolveCommand('x', {}, 'logs', {isReadOnly: false}), undefined);
	t.is(resolveCommand(' ', {}, 'table', {isReadOnly: false}), undefined);
	t.is(resolveCommand('n', {}, 'panel', {isReadOnly: false}), undefined);
	t.is(resolveCommand('/', {}, 'table', {isReadOnly: false}), 'filter');
	t.is(resolveCommand('/', {}, 'logs', {isReadOnly: false}), 'search');
});

test('read-only refuses exactly the lifecycle keys', t => {
	const dangerous = defaultKeymap.filter(binding => binding.isDangerous).map(binding => binding.command).sort();
	t.deepEqual(dangerous, ['restart', 'restartStack', 'start', 'stop', 'up']);
	for (const binding of defaultKeymap) {
		const scope = binding.scope === 'global' ? 'table' : binding.scope;
		const resolved = resolveCommand(...press(binding.keys[0] ?? ''), scope, {isReadOnly: true});
		t.is(resolved, binding.isDangerous ? undefined : binding.command, binding.command);
	}
});

test('stop and restartStack ask first; restart does not', t => {
	const confirming = defaultKeymap.filter(binding => binding.needsConfirm).map(binding => binding.command).sort();
	t.deepEqual(confirming, ['restartStack', 'stop']);
});

test('key names follow ink: shift letters stay upper case, ctrl letters are lower case', t => {
	t.is(keyName('R', {shift: true}), 'R');
	t.is(keyName('c', {ctrl: true}), 'ctrl+c');
	t.is(keyName('', {downArrow: true}), 'down');
	t.is(keyName('', {escape: true, meta: true}), 'escape');
	t.is(keyName(' ', {}), 'space');
});

test('alt chords and pastes are not commands', t => {
	t.is(resolveCommand('j', {meta: true}, 'table', {isReadOnly: false}), undefined);
	t.is(resolveCommand('jjj', {}, 'table', {isReadOnly: false}), undefined);
	t.is(resolveCommand('z', {}, 'table', {isReadOnly: false}), undefined);
});

test('a custom keymap replaces the defaults', t => {
	const keymap = defaultKeymap.map(binding => (binding.command === 'restart' ? {...binding, keys: ['ctrl+r']} : binding));
	t.is(resolveCommand('r', {ctrl: true}, 'table', {isReadOnly: false, keymap}), 'restart');
	t.is(resolveCommand('r', {}, 'table', {isReadOnly: false, keymap}), undefined);
});
