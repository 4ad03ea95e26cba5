import {Lexer, LineCounter, parseDocument, isNode, isScalar, visit, type Document, type ScalarTag} from 'yaml';
import {ConfigError, fileStart, type Location} from './config-error.js';
import {markMergeTags} from './merge-tags.js';
import {readTextFile} from './read-text-file.js';

/** More aliases than this in one file is an error (a "billion laughs" file would expand forever). */
export const maximumAliasCount = 1000;

/** A parsed YAML file that can tell where any value of it came from. */
export type YamlFile = {
	readonly file: string;
	readonly value: unknown;
	/** Location of the value at `path` (or of its nearest existing parent). */
	locate(path: ReadonlyArray<string | number>, isKey?: boolean): Location;
};

/** Reads and parses a YAML file; a missing file or a syntax error is a ConfigError with line:column. */
export function readYamlFile(file: string, displayName = file, options: ParseOptions = {}): YamlFile {
	return parseYaml(readTextFile(file, displayName), displayName, options);
}

/**
 * Compose reads `0400` as octal, as YAML 1.1 and Go's yaml.v3 do (file modes of secrets and
 * configs are written so); YAML 1.2 would read it as 400.
 */
const octalInteger: ScalarTag = {
	identify: value => typeof value === 'number',
	default: true,
	tag: 'tag:yaml.org,2002:int',
	test: /^0[0-7]+$/,
	resolve: text => Number.parseInt(text, 8),
};

export type ParseOptions = {
	/** A compose file: `!reset` and `!override` become markers the merge acts on (merge-tags.ts), `0400` is octal. */
	readonly isComposeFile?: boolean;
};

export function parseYaml(source: string, file: string, options: ParseOptions = {}): YamlFile {
	const lineCounter = new LineCounter();
	checkAliasCount(source, file);
	const document = parseDocument(source, {lineCounter, prettyErrors: false, uniqueKeys: true, ...(options.isComposeFile === true ? {customTags: tags => [octalInteger, ...tags]} : {})});
	const [first] = document.errors;
	if (first !== undefined) {
		const position = lineCounter.linePos(first.pos[0]);
		const reason = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
		throw new ConfigError({file, line: position.line, column: position.col}, `invalid YAML: ${reason}`);
	}

	checkNodes(document, lineCounter, file);
	if (options.isComposeFile === true) {
		markMergeTags(document);
	}

	return {
		file,
		value: toValue(document, lineCounter, file),
		locate: (path, isKey = false) => locate(document, lineCounter, file, path, isKey),
	};
}

/**
 * Aliases are counted on the lexer's tokens, before anything is parsed: a file of many aliases
 * fails in milliseconds instead of being composed (and expanded) for seconds.
 */
function checkAliasCount(source: string, file: string): void {
	let aliases = 0;
	let offset = 0;
	for (const token of new Lexer().lex(source)) {
		if (token.startsWith('*') && ++aliases > maximumAliasCount) {
			const lines = source.slice(0, offset).split('\n');
			throw new ConfigError({file, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1}, `invalid YAML: more than ${maximumAliasCount} aliases`);
		}

		// The lexer also yields one-character markers (document start, scalar) that are not in the source.
		offset += /^[\u0000-\u0008\u000E-\u001F]$/.test(token) ? 0 : token.length;
	}
}

/** Keys must be scalars: `? [a, b]` names nothing. */
function checkNodes(document: Document, lineCounter: LineCounter, file: string): void {
	const fail = (offset: number, reason: string): never => {
		const position = lineCounter.linePos(offset);
		throw new ConfigError({file, line: position.line, column: position.col}, reason);
	};

	visit(document, {
		Pair(_key, pair) {
			if (pair.key !== null && isNode(pair.key) && !isScalar(pair.key)) {
				fail(pair.key.range?.[0] ?? 0, 'invalid YAML: a key must be a plain value, not a list or mapping');
			}
		},
	});
}

/** toJS, with an alias to an anchor not set before it (which toJS throws on) as a ConfigError at the alias. */
function toValue(document: Document, lineCounter: LineCounter, file: string): unknown {
	try {
		return document.toJS({maxAliasCount: maximumAliasCount}) as unknown;
	} catch (error) {
		let offset = 0;
		visit(document, {Alias(_key, node) {
			if (node.resolve(document) === undefined && node.range) {
				offset = node.range[0];
				return visit.BREAK;
			}

			return undefined;
		}});
		const position = lineCounter.linePos(offset);
		throw new ConfigError({file, line: position.line, column: position.col}, `invalid YAML: ${(error as Error).message}`);
	}
}

function locate(
	document: Document,
	lineCounter: LineCounter,
	file: string,
	path: ReadonlyArray<string | number>,
	isKey: boolean,
): Location {
	for (let length = path.length; length >= 0; length--) {
		const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
		if (isNode(node) && node.range) {
			const offset = isKey && length === path.length ? keyOffset(document, path) ?? node.range[0] : node.range[0];
			const position = lineCounter.linePos(offset);
			return {file, line: position.line, column: position.col};
		}
	}

	return fileStart(file);
}

/** Offset of the key of the last path element, so "unknown key" points at the key itself. */
function keyOffset(document: Document, path: ReadonlyArray<string | number>): number | undefined {
	const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
	const items = (parent as {items?: Array<{key?: unknown}>} | undefined)?.items;
	const pair = items?.find(item => isNode(item.key) && (item.key as {value?: unknown}).value === path.at(-1));
	const key = pair?.key;
	return isNode(key) ? key.range?.[0] : undefined;
}
