import path from 'node:path';
import {ConfigError} from '../config/config-error.js';
import {readComposeFile, type ReadContext} from './compose-file.js';
import {mergeService} from './merge.js';
import {formatPath, isMapping} from './path.js';
import {buildMapping, child, entriesOf, locateIn, type Tracked} from './tracked.js';

/**
 * Every service's `extends` applied, as compose-go's ApplyExtends: the base service (in this
 * file, or in `extends.file`, read with its paths relative to its own directory) under the
 * service, merged as `-f base -f service` would merge them; `extends` itself removed.
 * A missing service, file or a cycle is a ConfigError at the `extends` that names it.
 */
export function applyExtends(file: Tracked, fileName: string, context: ReadContext): Tracked {
	const services = child(file, 'services');
	if (!isMapping(services.value)) {
		return file;
	}

	const resolver = serviceResolver(services, fileName, context);
	const resolved = buildMapping(services.origin, entriesOf(services).map(([name]) => [name, resolver(name, [])] as const));
	return buildMapping(file.origin, entriesOf(file).map(([key, value]) => [key, key === 'services' ? resolved : value] as const));
}

type Resolver = (name: string, chain: readonly string[]) => Tracked;

function serviceResolver(services: Tracked, fileName: string, context: ReadContext): Resolver {
	const done = new Map<string, Tracked>();
	const resolve: Resolver = (name, chain) => {
		const service = child(services, name);
		const extendsValue = child(service, 'extends');
		const cached = done.get(name);
		if (cached !== undefined || !isMapping(service.value) || extendsValue.value === undefined || extendsValue.value === null) {
			return cached ?? service;
		}

		const fail = (key: string | undefined, reason: string): never => {
			const at = key === undefined ? ['extends'] : ['extends', key];
			throw new ConfigError(locateIn(service.origin, at), `${formatPath(['services', name, ...at])}: ${reason}`);
		};

		const reference = typeof extendsValue.value === 'string' ? extendsValue.value : isMapping(extendsValue.value) ? extendsValue.value['service'] : undefined;
		if (typeof reference !== 'string') {
			return fail(undefined, 'missing the service to extend (extends: NAME or extends: {service: NAME})');
		}

		const link = `${fileName}:${name}`;
		if (chain.includes(link)) {
			return fail(undefined, `extends cycle: ${[...chain, link].map(entry => entry.split(':').at(-1)).join(' → ')}`);
		}

		const otherFile = isMapping(extendsValue.value) ? extendsValue.value['file'] : undefined;
		let base: Tracked;
		if (typeof otherFile === 'string') {
			const other = readOther(otherFile, context, fail);
			const otherServices = child(other, 'services');
			if (!isMapping(otherServices.value) || !(reference in otherServices.value)) {
				return fail('service', `no service "${reference}" in ${context.display(otherFile)}`);
			}

			base = serviceResolver(otherServices, otherFile, context)(reference, [...chain, link]);
		} else {
			if (!isMapping(services.value) || !(reference in services.value)) {
				return fail(typeof extendsValue.value === 'string' ? undefined : 'service', `cannot extend service "${reference}": no such service in this file`);
			}

			base = resolve(reference, [...chain, link]);
		}

		const own = buildMapping(service.origin, entriesOf(service).filter(([key]) => key !== 'extends'));
		const merged = isMapping(base.value) ? mergeService(base, own, name) : own;
		done.set(name, merged);
		return merged;
	};

	return resolve;
}

function readOther(file: string, context: ReadContext, fail: (key: string, reason: string) => never): Tracked {
	try {
		return readComposeFile(file, path.dirname(file), context) ?? fail('file', `${context.display(file)} is empty`);
	} catch (error) {
		if (error instanceof ConfigError && error.location.line === 1 && error.location.column === 1 && !error.reason.startsWith('invalid')) {
			fail('file', `${context.display(file)}: ${error.reason}`);
		}

		throw error;
	}
}
