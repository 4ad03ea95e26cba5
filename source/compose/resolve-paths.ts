import path from 'node:path';
import {isMapping} from './path.js';
import {buildList, buildMapping, entriesOf, itemsOf, type Tracked} from './tracked.js';

export type PathBase = {readonly directory: string; readonly home: string};

/** A path in a file made absolute: `~` is the home directory, a relative one is under `directory`. */
export function absolutePath(file: string, base: PathBase): string {
	if (file === '~' || file.startsWith('~/')) {
		return path.join(base.home, file.slice(1));
	}

	return path.resolve(base.directory, file);
}

/** A build context that is a URL or a git reference stays as it is. */
export function isRemoteContext(context: string): boolean {
	return /^[a-z][a-z\d+.-]*:\/\//i.test(context) || context.startsWith('git@') || context.startsWith('github.com/');
}

/**
 * The file's relative paths made absolute against `base.directory`, as compose-go's
 * paths.ResolveRelativePaths does: build contexts, env_file, bind mount sources, extends.file,
 * and the files of top-level secrets and configs. Compose resolves the main files against the
 * project directory, an extended file against its own directory, an included one against its
 * project_directory: so each is resolved when it is read. Expects a canonical file.
 */
export function resolveRelativePaths(file: Tracked, base: PathBase): Tracked {
	const absolute = (tracked: Tracked): Tracked => (typeof tracked.value === 'string' && tracked.value !== '' ? {...tracked, value: absolutePath(tracked.value, base)} : tracked);
	const service = (tracked: Tracked) =>
		reshape(tracked, {
			build: build => reshape(build, {context: context => (typeof context.value === 'string' && isRemoteContext(context.value) ? context : absolute(context))}),
			env_file: list => mapItems(list, item => (isMapping(item.value) ? reshape(item, {path: absolute}) : absolute(item))),
			volumes: list => mapItems(list, item => volume(item, base)),
			extends: extendsValue => reshape(extendsValue, {file: absolute}),
		});
	const fileOf = (section: Tracked) => reshape(section, Object.fromEntries(entriesOf(section).map(([name]) => [name, (entry: Tracked) => reshape(entry, {file: absolute})])));
	return reshape(file, {
		services: services => reshape(services, Object.fromEntries(entriesOf(services).map(([name]) => [name, service]))),
		secrets: fileOf,
		configs: fileOf,
	});
}

/** A bind mount's source made absolute: short syntax "./dir:/x:ro", or long syntax of type bind. */
function volume(item: Tracked, base: PathBase): Tracked {
	if (isMapping(item.value)) {
		return item.value['type'] === 'bind' ? reshape(item, {source: source => (typeof source.value === 'string' ? {...source, value: absolutePath(source.value, base)} : source)}) : item;
	}

	if (typeof item.value !== 'string') {
		return item;
	}

	const [source = '', ...rest] = item.value.split(':');
	const isHostPath = source.startsWith('.') || source.startsWith('~') || source.startsWith('/');
	// A bad container path is left as written, for the error that names it.
	return rest.length > 0 && isHostPath && rest[0]?.startsWith('/') ? {...item, value: [absolutePath(source, base), ...rest].join(':')} : item;
}

function reshape(tracked: Tracked, byKey: Readonly<Record<string, (value: Tracked) => Tracked>>): Tracked {
	if (!isMapping(tracked.value)) {
		return tracked;
	}

	return buildMapping(tracked.origin, entriesOf(tracked).map(([key, value]) => [key, byKey[key]?.(value) ?? value] as const));
}

function mapItems(tracked: Tracked, change: (item: Tracked) => Tracked): Tracked {
	return Array.isArray(tracked.value) ? buildList(tracked.origin, itemsOf(tracked).map(item => change(item))) : tracked;
}

