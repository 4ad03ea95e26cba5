import {readFileSync} from 'node:fs';
import {ConfigError, fileStart} from '../config/config-error.js';
import {interpolate, InterpolationError, type Lookup} from './interpolation.js';

const keyPattern = /^[A-Za-z_][\w.-]*$/;

/**
 * Parses a .env file as compose does: `KEY=value` and `export KEY=value` lines, `#` comments,
 * blank lines, 'single' (literal) and "double" quoted values (escapes, may span lines), and
 * `${VAR}` in unquoted and double-quoted values, looked up in `lookup` first, then in the
 * file's earlier lines. A bare `KEY` takes its value from `lookup` when set.
 * Every problem is a ConfigError at its line:column.
 */
export function parseEnvFile(source: string, file: string, lookup: Lookup = () => undefined): Record<string, string> {
	const values: Record<string, string> = {};
	const lines = source.replaceAll('\r\n', '\n').split('\n');
	const fail = (line: number, column: number, reason: string): never => {
		throw new ConfigError({file, line: line + 1, column: column + 1}, reason);
	};

	const expand = (text: string, line: number, column: number): string => {
		try {
			return interpolate(text, name => lookup(name) ?? values[name]).value;
		} catch (error) {
			if (error instanceof InterpolationError) {
				fail(line, column, error.message);
			}

			throw error;
		}
	};

	for (let line = 0; line < lines.length; line++) {
		const text = lines[line] ?? '';
		const start = text.length - text.trimStart().length;
		const body = text.slice(start).replace(/^export\s+/, '');
		if (body === '' || body.startsWith('#')) {
			continue;
		}

		const keyColumn = text.length - body.length;
		const equals = body.indexOf('=');
		const key = (equals === -1 ? body.replace(/\s+#.*$/, '') : body.slice(0, equals)).trim();
		if (!keyPattern.test(key)) {
			fail(line, keyColumn, equals === -1 ? 'invalid line, expected KEY=value' : `invalid variable name "${key}"`);
		}

		if (equals === -1) {
			const inherited = lookup(key);
			if (inherited !== undefined) {
				values[key] = inherited;
			}

			continue;
		}

		const afterEquals = body.slice(equals + 1);
		const valueColumn = keyColumn + equals + 1 + (afterEquals.length - afterEquals.trimStart().length);
		const raw = afterEquals.trimStart();
		const quote = raw[0];
		if (quote !== "'" && quote !== '"') {
			values[key] = expand(raw.replace(/\s+#.*$/, '').trimEnd(), line, valueColumn);
			continue;
		}

		const quoted = readQuoted(lines, line, valueColumn, quote) ?? fail(line, valueColumn, `unterminated ${quote === '"' ? 'double' : 'single'}-quoted value`);
		const after = lines[quoted.endLine]?.slice(quoted.endColumn + 1) ?? '';
		const trailing = after.trimStart();
		if (trailing !== '' && !trailing.startsWith('#')) {
			fail(quoted.endLine, quoted.endColumn + 1 + after.length - trailing.length, 'unexpected text after the closing quote');
		}

		values[key] = quote === "'" ? quoted.text : expand(unescape(quoted.text), line, valueColumn);
		line = quoted.endLine;
	}

	return values;
}

/** Reads and parses an env file; a missing file is a ConfigError at its start. */
export function readEnvFile(file: string, displayName: string, lookup?: Lookup): Record<string, string> {
	let source: string;
	try {
		source = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new ConfigError(fileStart(displayName), code === 'ENOENT' ? 'file not found' : `cannot read: ${code ?? String(error)}`);
	}

	return parseEnvFile(source, displayName, lookup);
}

type Quoted = {readonly text: string; readonly endLine: number; readonly endColumn: number};

/** The text between a quote at (line, column) and its closing quote, which may be lines later. */
function readQuoted(lines: readonly string[], line: number, column: number, quote: string): Quoted | undefined {
	let text = '';
	let from = column + 1;
	for (let current = line; current < lines.length; current++, from = 0) {
		const content = lines[current] ?? '';
		for (let index = from; index < content.length; index++) {
			const character = content[index];
			if (character === quote) {
				return {text, endLine: current, endColumn: index};
			}

			const isEscape = character === '\\' && quote === '"' && index + 1 < content.length;
			text += isEscape ? `\\${content[++index]}` : character;
		}

		text += '\n';
	}

	return undefined;
}

const escapes: Record<string, string> = {n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', $: '$$'};

/** Escapes of a double-quoted value; `\$` stays a literal dollar through interpolation. */
function unescape(text: string): string {
	return text.replaceAll(/\\(.)/g, (whole, character: string) => escapes[character] ?? whole);
}
