import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

/**
 * dockerode loads gRPC and protobuf (for BuildKit sessions) and docker-modem loads ssh2 (for ssh://
 * engines) as soon as they are imported: about 25 MB of memory and a sixth of a second at start that
 * the dashboard never uses on a local socket. Their entry files are put in require's cache as thin
 * functions that load the real module on first call, so a BuildKit build or an ssh:// engine still
 * works exactly as before. Must run before dockerode is first imported.
 */
export function deferHeavyDependencies(): void {
	const dockerode = require.resolve('dockerode');
	const modem = createRequire(dockerode).resolve('docker-modem');
	defer(createRequire(dockerode).resolve('./session'));
	defer(createRequire(modem).resolve('./ssh'));
}

function defer(file: string): void {
	if (require.cache[file] !== undefined) return;
	let real: ((...args: unknown[]) => unknown) | undefined;
	const load = (): ((...args: unknown[]) => unknown) => {
		if (real === undefined) {
			delete require.cache[file];
			real = require(file) as (...args: unknown[]) => unknown;
		}

		return real;
	};

	const stand = function (this: unknown, ...args: unknown[]) {
		return load().apply(this, args);
	};

	const module = new (require('node:module') as {Module: new (id: string) => NodeJS.Module}).Module(file);
	module.filename = file;
	module.loaded = true;
	module.exports = stand;
	require.cache[file] = module;
}
