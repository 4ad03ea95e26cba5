import path from 'node:path';
import {fieldReader, type FieldReader} from './field-reader.js';
import type {Lookup} from './interpolation.js';
import {isMapping} from './path.js';
import {child, type Tracked} from './tracked.js';

/** Where the content of a top-level secret or config comes from. */
export type FileSource =
	| {readonly kind: 'file'; readonly path: string}
	| {readonly kind: 'environment'; readonly variable: string; readonly value: string | undefined}
	| {readonly kind: 'content'; readonly text: string}
	| {readonly kind: 'external'};

export type ComposeFileResource = {readonly name: string; readonly source: FileSource};

/** A secret or config as a service mounts it. */
export type FileMount = {
	readonly source: string;
	/** Absolute path in the container. */
	readonly target: string;
	readonly uid: string | undefined;
	readonly gid: string | undefined;
	/** File mode; compose's default is 0444. */
	readonly mode: number | undefined;
};

/** Top-level secrets or configs: file (absolute), environment (its value now), content, or external. */
export function readFileResources(model: Tracked, section: 'secrets' | 'configs', project: string, lookup: Lookup): Record<string, ComposeFileResource> {
	const declared = child(model, section).value;
	const result: Record<string, ComposeFileResource> = {};
	for (const key of isMapping(declared) ? Object.keys(declared) : []) {
		const reader = fieldReader(child(child(model, section), key), [section, key]);
		const external = reader.value(['external']);
		const isExternal = external === true || external === 'true' || isMapping(external);
		const name = reader.string(['name']) ?? (isExternal ? key : `${project}_${key}`);
		const file = reader.string(['file']);
		const variable = reader.string(['environment']);
		const content = reader.string(['content']);
		const source: FileSource | undefined = isExternal
			? {kind: 'external'}
			: file !== undefined
				? {kind: 'file', path: file}
				: variable !== undefined
					? {kind: 'environment', variable, value: lookup(variable)}
					: content === undefined
						? undefined
						: {kind: 'content', text: content};
		result[key] = {name, source: source ?? reader.fail([], `needs file:, environment:${section === 'configs' ? ', content:' : ''} or external:`, true)};
	}

	return result;
}

/** A service's `secrets:` or `configs:` entries, each naming a declared one. */
export function readFileMounts(reader: FieldReader, section: 'secrets' | 'configs', declared: readonly string[]): FileMount[] {
	const entries = reader.value([section]);
	const directory = section === 'secrets' ? '/run/secrets' : '/';
	return (Array.isArray(entries) ? entries : []).map((entry: unknown, index) => {
		const source = isMapping(entry) ? reader.string([section, index, 'source']) : String(entry);
		if (source === undefined) {
			return reader.fail([section, index], 'missing source');
		}

		reader.reference(isMapping(entry) ? [section, index, 'source'] : [section, index], source, declared, `${section === 'secrets' ? 'secret' : 'config'} "${source}" is not declared in the top-level ${section}`);
		const written = isMapping(entry) ? reader.string([section, index, 'target']) : undefined;
		const mode = isMapping(entry) ? reader.value([section, index, 'mode']) : undefined;
		return {
			source,
			target: written === undefined ? path.posix.join(directory, source) : path.posix.resolve(directory, written),
			uid: isMapping(entry) ? reader.string([section, index, 'uid']) : undefined,
			gid: isMapping(entry) ? reader.string([section, index, 'gid']) : undefined,
			mode: mode === undefined || mode === null ? undefined : parseMode(mode) ?? reader.fail([section, index, 'mode'], `${JSON.stringify(mode)} is not a file mode (like 0440)`),
		};
	});
}

/** YAML reads 0440 as octal 288 already; a string "0440" is octal too. */
function parseMode(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isInteger(value) && value >= 0 && value <= 0o7777 ? value : undefined;
	}

	return /^0?[0-7]{1,4}$/.test(String(value)) ? Number.parseInt(String(value), 8) : undefined;
}
