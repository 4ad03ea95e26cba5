import {findCycle, prerequisites} from './dependencies.js';
import type {FieldReader} from './field-reader.js';
import type {ComposeService} from './types.js';

export type CheckedServices = {readonly active: ComposeService[]; readonly disabled: ComposeService[]};

/**
 * Project-wide checks once every service is read: no dependency cycle, and no active service
 * that requires a service its profiles leave out (an optional one is dropped with a warning).
 * Splits the services into active and disabled by profiles.
 */
export function checkServices(
	services: readonly ComposeService[],
	readerOf: (name: string) => FieldReader,
	activeProfiles: readonly string[],
	warn: (line: string) => void,
): CheckedServices {
	const cycle = findCycle(services);
	if (cycle !== undefined) {
		const [first = '', second = ''] = cycle;
		const viaNetworkMode = !(second in (services.find(service => service.name === first)?.dependsOn ?? {}));
		readerOf(first).fail(viaNetworkMode ? ['network_mode'] : ['depends_on', second], `dependency cycle: ${cycle.join(' → ')}`, !viaNetworkMode);
	}

	const isActive = (service: ComposeService) =>
		service.profiles.length === 0 || activeProfiles.includes('*') || service.profiles.some(profile => activeProfiles.includes(profile));
	const disabled = new Map(services.filter(service => !isActive(service)).map(service => [service.name, service]));
	const active = services.filter(service => isActive(service)).map(service => {
		const dependsOn = {...service.dependsOn};
		for (const name of prerequisites(service)) {
			const missing = disabled.get(name);
			if (missing === undefined) {
				continue;
			}

			const reason = `service "${name}" is disabled: its profiles (${missing.profiles.join(', ')}) are not active`;
			if (dependsOn[name]?.isRequired === false) {
				warn(readerOf(service.name).warning(['depends_on', name], `is ignored: ${reason}`));
				delete dependsOn[name];
			} else {
				readerOf(service.name).fail(name in dependsOn ? ['depends_on', name] : ['network_mode'], reason, name in dependsOn);
			}
		}

		return {...service, dependsOn};
	});
	return {active, disabled: [...disabled.values()]};
}
