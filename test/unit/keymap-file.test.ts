import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {ConfigError} from '../../source/config/config-error.js';
import {defaultKeymap, resolveCommand} from '../../source/ui/keymap.js';
import {keymapFilePath, loadKeymap, normalizeKeyName, parseKeymap} from '../../source/ui/keymap-file.js';

function keysOf(keymap: ReturnType<typeof parseKeymap>, command: string): readonly string[] | undefined {
	return keymap.find(binding => binding.command === command)?.keys;
}

function parseError(source: string): string {
	const error = (() => {
		try {
			parseKeymap(source, 'keys.yaml');
		} catch (error) {
			return error;
		}

		return undefined;
	})();
	if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError for ${JSON.stringify(source)}`);
	return error.message;
}

test('the file lives in $XDG_CONFIG_HOME/stacktui, else ~/.config/stacktui; a relative XDG_CONFIG_HOME is ignored', t => {
	t.is(keymapFilePath({XDG_CONFIG_HOME: '/etc/xdg-user'}, '/home/ada'), '/etc/xdg-user/stacktui/keys.yaml');
	t.is(keymapFilePath({}, '/home/ada'), '/home/ada/.config/stacktui/keys.yaml');
	t.is(keymapFilePath({XDG_CONFIG_HOME: 'relative/dir'}, '/home/ada'), '/home/ada/.config/stacktui/keys.yaml');
});

test('without a file the defaults apply', t => {
	t.is(loadKeymap(path.join(tmpdir(), 'stacktui-no-such-dir', 'keys.yaml')), defaultKeymap);
});

test('an empty file keeps the defaults', t => {
	t.deepEqual(parseKeymap('# nothing yet\n', 'keys.yaml'), defaultKeymap);
});

test('`command: key` rebinds one command and leaves the others', t => {
	const keymap = parseKeymap('restart: ctrl+r\nquit: [q, ctrl+q]\nback: Esc\n', 'keys.yaml');
	t.deepEqual(keysOf(keymap, 'restart'), ['ctrl+r']);
	t.deepEqual(keysOf(keymap, 'quit'), ['q', 'ctrl+q']);
	t.deepEqual(keysOf(keymap, 'back'), ['escape']);
	t.deepEqual(keysOf(keymap, 'stop'), ['x']);
	t.is(resolveCommand('r', {ctrl: true}, 'table', {isReadOnly: false, keymap}), 'restart');
	t.is(resolveCommand('r', {}, 'table', {isReadOnly: false, keymap}), undefined);
});

test('two commands can swap keys', t => {
	const keymap = parseKeymap('restart: R\nrestartStack: ctrl+r\n', 'keys.yaml');
	t.is(resolveCommand('R', {shift: true}, 'table', {isReadOnly: false, keymap}), 'restart');
	t.is(resolveCommand('r', {ctrl: true}, 'table', {isReadOnly: false, keymap}), 'restartStack');
});

test('the same key may serve two panes', t => {
	const keymap = parseKeymap('filter: n\n', 'keys.yaml');
	t.is(resolveCommand('n', {}, 'table', {isReadOnly: false, keymap}), 'filter');
	t.is(resolveCommand('n', {}, 'logs', {isReadOnly: false, keymap}), 'nextMatch');
});

test('an unknown command is an error at its name, with a suggestion', t => {
	t.is(parseError('quit: q\nrestat: r\n'), 'keys.yaml:2:1: unknown command "restat" (did you mean "restart"?)');
});

test('a key already bound elsewhere is an error at the rebound command', t => {
	t.is(parseError('restart: R\n'), 'keys.yaml:1:10: key "R" of restart is already bound to restartStack');
	t.is(parseError('help: j\n'), 'keys.yaml:1:7: key "j" of help is already bound to moveDown');
});

test('a key that is not a key is an error at that key', t => {
	t.regex(parseError('restart: F13\n'), /^keys\.yaml:1:10: "F13" is not a key: use one character or up, down/);
	t.regex(parseError('quit: [q, nope]\n'), /^keys\.yaml:1:11: "nope" is not a key/);
	t.regex(parseError('quit:\n  - q\n  - {a: 1}\n'), /^keys\.yaml:3:5: \{"a":1\} is not a key/);
});

test('an empty key list and a file that is not a mapping are errors', t => {
	t.is(parseError('quit: []\n'), 'keys.yaml:1:7: quit needs at least one key');
	t.is(parseError('- restart\n'), 'keys.yaml:1:1: expected lines of `command: key`, e.g. `restart: R`');
});

test('a YAML syntax error is reported with its line and column', t => {
	t.regex(parseError('quit: q\nrestart: [r\n'), /^keys\.yaml:\d+:\d+: invalid YAML/);
});

test('a file on disk is read, and its errors name it', t => {
	const directory = mkdtempSync(path.join(tmpdir(), 'stacktui-keys-'));
	const file = path.join(directory, 'keys.yaml');
	writeFileSync(file, 'stop: X\n');
	t.deepEqual(keysOf(loadKeymap(file), 'stop'), ['X']);
	writeFileSync(file, 'stop: x\nstart: x\n');
	t.throws(() => loadKeymap(file), {instanceOf: ConfigError, message: `${file}:2:8: key "x" of start is already bound to stop`});
});

test('key names are normalized as the user may write them', t => {
	t.is(normalizeKeyName('PgUp'), 'pageup');
	t.is(normalizeKeyName('ctrl-R'), 'ctrl+r');
	t.is(normalizeKeyName('Return'), 'enter');
	t.is(normalizeKeyName('R'), 'R');
	t.is(normalizeKeyName('/'), '/');
	t.is(normalizeKeyName('ctrl+1'), undefined);
	t.is(normalizeKeyName(' '), undefined);
	t.is(normalizeKeyName('ab'), undefined);
});
