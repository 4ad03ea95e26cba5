import path from 'node:path';
import type {VolumeMount} from './types.js';
import {normalizeContainerPath} from './container-path.js';
import {isMapping} from './path.js';

export type ParsedVolume = {
	readonly mount: VolumeMount;
	/** Options given that stacktui does not apply (short-syntax modes other than ro/rw). */
	readonly ignoredOptions: readonly string[];
};

/**
 * One `volumes:` entry of a service: short syntax ("data:/var/lib/x", "./dir:/x:ro", "/abs:/x",
 * "~/dir:/x", "/anonymous") or long syntax ({type, source, target, read_only}). Relative and
 * `~` bind sources are made absolute against `baseDirectory` and `home`. Throws Error.
 */
export function parseVolumeEntry(entry: unknown, baseDirectory: string, home: string): ParsedVolume {
	const resolve = (source: string) => (source.startsWith('~') ? path.join(home, source.slice(1)) : path.resolve(baseDirectory, source));
	if (isMapping(entry)) {
		return {mount: parseLong(entry, resolve), ignoredOptions: []};
	}

	if (typeof entry !== 'string') {
		throw new Error('expected "SOURCE:TARGET[:MODE]" or a mapping');
	}

	const parts = entry.split(':');
	if (parts.length > 3 || parts.some(part => part === '')) {
		throw new Error('expected [SOURCE:]TARGET[:MODE]');
	}

	const [first = '', second, mode = ''] = parts;
	const options = mode === '' ? [] : mode.split(',');
	const target = normalizeContainerPath(second ?? first);
	checkTarget(target);
	const source = second === undefined ? undefined : first;
	const isBind = source !== undefined && isHostPath(source);
	if (source !== undefined && !isBind) {
		checkVolumeName(source);
	}

	return {
		mount: {type: isBind ? 'bind' : 'volume', source: source === undefined ? undefined : isBind ? resolve(source) : source, target, isReadOnly: options.includes('ro')},
		ignoredOptions: options.filter(option => option !== 'ro' && option !== 'rw'),
	};
}

/** The container path of an entry, by which compose merges `volumes:` across files. */
export function volumeTarget(entry: unknown): string | undefined {
	if (isMapping(entry)) {
		return typeof entry['target'] === 'string' ? entry['target'] : undefined;
	}

	const parts = typeof entry === 'string' ? entry.split(':') : [];
	return parts.length === 1 ? parts[0] : parts[1];
}

function parseLong(entry: Record<string, unknown>, resolve: (source: string) => string): VolumeMount {
	const type = entry['type'];
	const source = typeof entry['source'] === 'string' && entry['source'] !== '' ? entry['source'] : undefined;
	const target = typeof entry['target'] === 'string' ? normalizeContainerPath(entry['target']) : '';
	const readOnly = entry['read_only'];
	const isReadOnly = readOnly === true || readOnly === 'true';
	checkTarget(target);
	if (type === 'bind') {
		if (source === undefined) {
			throw new Error('a bind mount needs a source');
		}

		return {type, source: resolve(source), target, isReadOnly};
	}

	if (type === 'volume') {
		if (source !== undefined) {
			checkVolumeName(source);
		}

		return {type, source, target, isReadOnly};
	}

	if (type === 'tmpfs') {
		return {type, source: undefined, target, isReadOnly};
	}

	throw new Error(`mount type "${String(type)}" is not supported by stacktui (bind, volume or tmpfs)`);
}

/** Compose reads a source as a host path when it starts with ".", "/" or "~". */
function isHostPath(source: string): boolean {
	return source.startsWith('.') || source.startsWith('/') || source.startsWith('~');
}

function checkTarget(target: string): void {
	if (!target.startsWith('/')) {
		throw new Error(target === '' ? 'missing the container path' : `the container path "${target}" is not absolute`);
	}
}

function checkVolumeName(name: string): void {
	if (!/^[a-zA-Z\d][\w.-]*$/.test(name)) {
		throw new Error(`"${name}" is neither a volume name nor a path (write ./${name} for a directory here)`);
	}
}
