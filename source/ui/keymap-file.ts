import {existsSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {ConfigError, fileStart} from '../config/config-error.js';
import {didYouMean} from '../config/did-you-mean.js';
import {parseYaml, readYamlFile, type YamlFile} from '../config/yaml-file.js';
import {commands, defaultKeymap, type Binding, type Command, type Keymap} from './keymap.js';

const namedKeys = ['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'backspace', 'delete', 'space'];
const aliases: Readonly<Record<string, string>> = {esc: 'escape', return: 'enter', pgup: 'pageup', pgdn: 'pagedown', del: 'delete'};

/** `$XDG_CONFIG_HOME/stacktui/keys.yaml`, or `~/.config/stacktui/keys.yaml` (a relative XDG_CONFIG_HOME is ignored, per the spec). */
export function keymapFilePath(environment: Readonly<Record<string, string | undefined>> = process.env, home = homedir()): string {
	const configHome = environment['XDG_CONFIG_HOME'];
	const base = configHome !== undefined && path.isAbsolute(configHome) ? configHome : path.join(home, '.config');
	return path.join(base, 'stacktui', 'keys.yaml');
}

/** A key as written by a user (`Esc`, `ctrl-C`, `R`) → the name `keyName` returns, or undefined when not a key. */
export function normalizeKeyName(text: string): string | undefined {
	const lower = text.toLowerCase();
	if (namedKeys.includes(lower)) return lower;
	const alias = aliases[lower];
	if (alias !== undefined) return alias;
	const control = /^ctrl[+-]([a-z])$/.exec(lower);
	if (control) return `ctrl+${control[1] ?? ''}`;
	return [...text].length === 1 && /^\S$/u.test(text) ? text : undefined;
}

/** Two bindings that can see the same key press: same key, and the same pane or one of them global. */
export type KeyClash = {readonly key: string; readonly first: Binding; readonly second: Binding};

/** The first clash of a keymap, or undefined when every key press selects one binding. */
export function findKeyClash(keymap: Keymap): KeyClash | undefined {
	for (const [index, first] of keymap.entries()) {
		for (const second of keymap.slice(index + 1)) {
			const isOverlapping = first.scope === second.scope || first.scope === 'global' || second.scope === 'global';
			const key = isOverlapping ? first.keys.find(name => second.keys.includes(name)) : undefined;
			if (key !== undefined) return {key, first, second};
		}
	}

	return undefined;
}

/** The keymap with the user's file applied; the defaults when the file does not exist. */
export function loadKeymap(file = keymapFilePath()): Keymap {
	return existsSync(file) ? applyKeymapFile(readYamlFile(file)) : defaultKeymap;
}

/** Applies `command: key` or `command: [key, key]` lines to the defaults; any problem is a one-line ConfigError. */
export function parseKeymap(source: string, file: string): Keymap {
	return applyKeymapFile(parseYaml(source, file));
}

function applyKeymapFile(yaml: YamlFile): Keymap {
	const {value} = yaml;
	if (value === null || value === undefined) return defaultKeymap;
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw new ConfigError(fileStart(yaml.file), 'expected lines of `command: key`, e.g. `restart: R`');
	}

	const overrides = new Map<Command, readonly string[]>();
	for (const [name, keys] of Object.entries(value)) {
		if (!isCommand(name)) {
			throw new ConfigError(yaml.locate([name], true), `unknown command "${name}"${didYouMean(name, commands)}`);
		}

		overrides.set(name, parseKeys(keys, yaml, name));
	}

	const keymap = defaultKeymap.map(binding => {
		const keys = overrides.get(binding.command);
		return keys === undefined ? binding : {...binding, keys};
	});
	const clash = findKeyClash(keymap);
	if (clash !== undefined) {
		// Point at a line the user wrote: the later of the two in the file.
		const order = [...overrides.keys()];
		const blamed = order.indexOf(clash.second.command) > order.indexOf(clash.first.command) ? clash.second : clash.first;
		const other = blamed === clash.first ? clash.second : clash.first;
		throw new ConfigError(yaml.locate([blamed.command]), `key "${clash.key}" of ${blamed.command} is already bound to ${other.command}`);
	}

	return keymap;
}

function parseKeys(value: unknown, yaml: YamlFile, command: Command): readonly string[] {
	const list = Array.isArray(value) ? (value as unknown[]) : [value];
	if (list.length === 0) throw new ConfigError(yaml.locate([command]), `${command} needs at least one key`);
	const keys = list.map((item, index) => {
		const itemPath = Array.isArray(value) ? [command, index] : [command];
		const text = typeof item === 'number' && Number.isInteger(item) ? String(item) : item;
		const name = typeof text === 'string' ? normalizeKeyName(text) : undefined;
		if (name === undefined) {
			const shown = typeof text === 'string' ? `"${text}"` : JSON.stringify(text) ?? String(text);
			throw new ConfigError(yaml.locate(itemPath), `${shown} is not a key: use one character or ${namedKeys.join(', ')}, ctrl+letter`);
		}

		return name;
	});
	return [...new Set(keys)];
}

function isCommand(name: string): name is Command {
	return (commands as readonly string[]).includes(name);
}
