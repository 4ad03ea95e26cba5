import {fieldReader, stringValues, type FieldReader} from './field-reader.js';
import {isMapping} from './path.js';
import {child, type Tracked} from './tracked.js';
import type {ComposeNetwork, ComposeVolume} from './types.js';

/**
 * Top-level networks, engine-named `${project}_${key}` unless `name:` is given; an external one
 * keeps its own name. `default` is added when `needsDefault` and not declared.
 */
export function readNetworks(file: Tracked, project: string, needsDefault: boolean): Record<string, ComposeNetwork> {
	const networks: Record<string, ComposeNetwork> = {};
	for (const [key, reader] of declarations(file, 'networks')) {
		networks[key] = {...common(reader, key, project), isInternal: reader.boolean(['internal']) ?? false};
	}

	if (needsDefault && networks['default'] === undefined) {
		networks['default'] = {name: `${project}_default`, isExternal: false, driver: undefined, isInternal: false, labels: {}};
	}

	return networks;
}

/** Top-level volumes, named like networks. */
export function readVolumes(file: Tracked, project: string): Record<string, ComposeVolume> {
	return Object.fromEntries(declarations(file, 'volumes').map(([key, reader]) => [key, common(reader, key, project)]));
}

/** The keys declared under a top-level section. */
export function declaredKeys(file: Tracked, section: 'networks' | 'volumes'): string[] {
	const value = child(file, section).value;
	return isMapping(value) ? Object.keys(value) : [];
}

function declarations(file: Tracked, section: 'networks' | 'volumes'): Array<[string, FieldReader]> {
	return declaredKeys(file, section).map(key => [key, fieldReader(child(child(file, section), key), [section, key])]);
}

function common(reader: FieldReader, key: string, project: string): ComposeVolume {
	const external = reader.value(['external']);
	const isExternal = external === true || external === 'true' || isMapping(external);
	const externalName = isMapping(external) ? reader.string(['external', 'name']) : undefined;
	const name = externalName ?? reader.string(['name']) ?? (isExternal ? key : `${project}_${key}`);
	return {name, isExternal, driver: reader.string(['driver']), labels: labelsOf(reader.value(['labels']))};
}

/** Labels written as a mapping or as a KEY=VALUE list. */
function labelsOf(value: unknown): Record<string, string> {
	if (!Array.isArray(value)) {
		return stringValues(value, () => '');
	}

	return Object.fromEntries(value.map(String).map(entry => (entry.includes('=') ? [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] : [entry, ''])));
}
