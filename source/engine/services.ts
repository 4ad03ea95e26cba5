import type {ContainerInfo} from './types.js';

/** A compose service and its containers (several when scaled), ordered by replica number. */
export type ServiceGroup = {
	readonly service: string;
	readonly containers: readonly ContainerInfo[];
};

/** Groups containers by their compose service label, services sorted by name. */
export function groupServices(containers: Iterable<ContainerInfo>): ServiceGroup[] {
	const byService = new Map<string, ContainerInfo[]>();
	for (const container of containers) {
		const group = byService.get(container.service) ?? [];
		group.push(container);
		byService.set(container.service, group);
	}

	return [...byService.entries()]
		.sort(([left], [right]) => left.localeCompare(right))
		.map(([service, group]) => ({
			service,
			containers: group.sort((left, right) => left.number - right.number || left.name.localeCompare(right.name)),
		}));
}
