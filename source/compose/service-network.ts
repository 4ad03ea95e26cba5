import type {FieldReader} from './field-reader.js';
import {isMapping} from './path.js';
import {parsePortEntry} from './ports.js';
import type {ComposeService, PortMapping, VolumeMount} from './types.js';
import {parseVolumeEntry} from './volumes.js';

export type Declared = {
	readonly services: readonly string[];
	readonly networks: readonly string[];
	readonly volumes: readonly string[];
};

/** Every `ports:` entry, ranges expanded. */
export function readPorts(reader: FieldReader): PortMapping[] {
	const entries = reader.value(['ports']);
	return (Array.isArray(entries) ? entries : []).flatMap((entry: unknown, index) => {
		try {
			return parsePortEntry(entry);
		} catch (error) {
			const prefix = typeof entry === 'string' || typeof entry === 'number' ? `invalid port "${entry}": ` : 'invalid port: ';
			return reader.fail(['ports', index], prefix + (error as Error).message);
		}
	});
}

/** Every `volumes:` entry; a named volume must be declared at the top level. */
export function readVolumes(reader: FieldReader, declared: Declared, workingDir: string, home: string, warn: (line: string) => void): VolumeMount[] {
	const entries = reader.value(['volumes']);
	return (Array.isArray(entries) ? entries : []).map((entry: unknown, index) => {
		let parsed;
		try {
			parsed = parseVolumeEntry(entry, workingDir, home);
		} catch (error) {
			const prefix = typeof entry === 'string' ? `invalid volume "${entry}": ` : 'invalid volume: ';
			return reader.fail(['volumes', index], prefix + (error as Error).message);
		}

		const {mount, ignoredOptions} = parsed;
		if (mount.type === 'volume' && mount.source !== undefined) {
			reader.reference(['volumes', index], mount.source, declared.volumes, `volume "${mount.source}" is not declared in the top-level volumes`);
		}

		for (const option of ignoredOptions) {
			warn(reader.warning(['volumes', index], `mode "${option}" is not applied by stacktui`));
		}

		return mount;
	});
}

/**
 * The networks the service joins with their aliases, or its network_mode. A service that names
 * neither joins `default`, as in compose.
 */
export function readNetworking(reader: FieldReader, declared: Declared): Pick<ComposeService, 'networks' | 'networkMode'> {
	const networkMode = reader.string(['network_mode']);
	const listed = reader.value(['networks']);
	const names = isMapping(listed) ? Object.keys(listed) : [];
	if (networkMode !== undefined) {
		if (names.length > 0) {
			reader.fail(['network_mode'], 'cannot be combined with networks');
		}

		if (networkMode.startsWith('service:')) {
			const target = networkMode.slice('service:'.length);
			reader.reference(['network_mode'], target, declared.services, `unknown service "${target}"`);
		}

		return {networks: {}, networkMode};
	}

	const networks: Record<string, {aliases: string[]}> = {};
	for (const name of names) {
		if (name !== 'default') {
			reader.reference(['networks', name], name, declared.networks, `network "${name}" is not declared in the top-level networks`, true);
		}

		const aliases = reader.value(['networks', name, 'aliases']);
		networks[name] = {aliases: Array.isArray(aliases) ? aliases.map(String) : []};
	}

	return {networks: names.length === 0 ? {default: {aliases: []}} : networks, networkMode: undefined};
}

/** extra_hosts as "host:ip" entries. */
export function readExtraHosts(reader: FieldReader): string[] {
	const entries = reader.value(['extra_hosts']);
	return (Array.isArray(entries) ? entries : []).map((entry: unknown, index) => {
		const text = String(entry);
		return /^[^:]+:.+$/.test(text) ? text : reader.fail(['extra_hosts', index], `invalid host entry "${text}" (expected HOST:IP)`);
	});
}
