import {closestWord} from '../config/did-you-mean.js';
import type {YamlFile} from '../config/yaml-file.js';
import {FieldReader, type FieldPath} from './field-reader.js';
import type {Profile} from './types.js';

/**
 * Fails with a ConfigError at the profile's line:column when budgets, probes, steps, tunnels or links name a
 * service that the compose files do not define.
 */
export function checkProfileAgainstServices(profile: Profile, serviceNames: readonly string[], yamlFile: YamlFile): void {
	const reader = new FieldReader(yamlFile);
	const known = new Set(serviceNames);
	const check = (service: string, path: FieldPath, isKey: boolean) => {
		if (!known.has(service)) {
			const match = closestWord(service, serviceNames);
			const hint = match === undefined ? `; services: ${serviceNames.join(', ') || 'none'}` : ` (did you mean "${match}"?)`;
			reader.fail(path, `no service "${service}" in the compose file${profile.composeFiles.length > 1 ? 's' : ''}${hint}`, isKey);
		}
	};

	for (const service of Object.keys(profile.budgets.services)) {
		check(service, ['budgets', 'services', service], true);
	}

	for (const [phase, budgets] of Object.entries(profile.budgets.phases)) {
		for (const service of Object.keys(budgets.services)) check(service, ['budgets', 'phases', phase, 'services', service], true);
	}

	for (const probe of profile.probes) check(probe.service, ['probes', probe.name, 'service'], false);
	for (const step of profile.soak.steps) {
		if (step.service !== undefined) check(step.service, ['soak', 'steps', step.index - 1, step.action === 'exec' ? 'service' : step.action], false);
	}

	for (const [index, tunnel] of profile.tunnels.entries()) {
		check(tunnel.service, ['tunnels', index, 'service'], false);
	}

	for (const service of Object.keys(profile.links)) {
		check(service, ['links', service], true);
	}
}
