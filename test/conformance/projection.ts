import path from 'node:path';
import {parseDuration} from '../../source/config/units.js';
import type {ComposeProject, ComposeService} from '../../source/compose/types.js';

/**
 * The normalised model both sides are compared on: what a user's containers get. Built from
 * `docker compose config --format json` and from stacktui's ComposeProject.
 */
export type Model = {
	readonly name: string;
	readonly services: Record<string, ServiceModel>;
	readonly networks: Record<string, string>;
	readonly volumes: Record<string, string>;
	readonly secrets: Record<string, string>;
	readonly configs: Record<string, string>;
};

export type ServiceModel = {
	image: string | null;
	command: string[] | null;
	entrypoint: string[] | null;
	environment: Record<string, string | null>;
	ports: string[];
	depends_on: Record<string, string>;
	healthcheck: string | null;
	networks: Record<string, string[]>;
	network_mode: string | null;
	volumes: string[];
	cpus: number | null;
	memory: number | null;
	secrets: string[];
	configs: string[];
	profiles: string[];
	restart: string | null;
	runtime: Record<string, unknown>;
};

type Json = Record<string, any>;

const sorted = <T>(values: T[]): T[] => [...values].sort();
const ns = (value: unknown) => (value === undefined ? '-' : String(Math.round((parseDuration(value) ?? Number.NaN) * 1e6)));
const portText = (hostIp: string | undefined, published: string | number | undefined, target: number, protocol: string) =>
	`${hostIp ?? ''}:${published ?? ''}:${target}/${protocol}`;

/** `config` writes every "$" as "$$" so its output reads back as a compose file: the value a container gets has one. */
function unescapeDollars(value: unknown): any {
	if (typeof value === 'string') {
		return value.replaceAll('$$', '$');
	}

	if (Array.isArray(value)) {
		return value.map(item => unescapeDollars(item));
	}

	return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key.replaceAll('$$', '$'), unescapeDollars(item)])) : value;
}

/** Compose's JSON (`docker compose config --format json`) as a Model. */
export function composeModel(escaped: Json): Model {
	const json = unescapeDollars(escaped) as Json;
	const services: Record<string, ServiceModel> = {};
	for (const [name, service] of Object.entries<Json>(json['services'] ?? {})) {
		const limits = service['deploy']?.resources?.limits ?? {};
		const health = service['healthcheck'];
		services[name] = {
			image: service['image'] ?? null,
			command: service['command'] ?? null,
			entrypoint: service['entrypoint'] ?? null,
			// A variable without a value is left out of the container's environment.
			environment: Object.fromEntries(Object.entries<string | null>(service['environment'] ?? {}).filter(([, value]) => value !== null)),
			ports: sorted((service['ports'] ?? []).map((port: Json) => portText(port['host_ip'], port['published'], port['target'], port['protocol'] ?? 'tcp'))),
			// An optional dependency on a service its profiles leave out has no effect: stacktui drops it (with a warning).
			depends_on: Object.fromEntries(Object.entries<Json>(service['depends_on'] ?? {}).filter(([key, value]) => value['required'] !== false || key in (json['services'] ?? {})).map(([key, value]) => [key, `${value['condition']}${value['required'] === false ? ' optional' : ''}`])),
			healthcheck: health === undefined ? null : health['disable'] ? 'NONE' : [JSON.stringify(health['test'] ?? []), ns(health['interval']), ns(health['timeout']), health['retries'] ?? '-', ns(health['start_period'])].join(' '),
			networks: service['network_mode'] === undefined ? Object.fromEntries(Object.entries<Json | null>(service['networks'] ?? {}).map(([key, value]) => [key, sorted(value?.['aliases'] ?? [])])) : {},
			network_mode: service['network_mode'] ?? null,
			volumes: (service['volumes'] ?? []).map((volume: Json) => `${volume['type']}:${volume['type'] === 'tmpfs' ? '' : (volume['source'] ?? '')}:${volume['target']}:${volume['read_only'] ? 'ro' : 'rw'}`),
			cpus: limits['cpus'] ?? service['cpus'] ?? null,
			memory: limits['memory'] === undefined ? (service['mem_limit'] === undefined ? null : Number(service['mem_limit'])) : Number(limits['memory']),
			secrets: (service['secrets'] ?? []).map((secret: Json) => `${secret['source']}:${path.posix.resolve('/run/secrets', secret['target'] ?? secret['source'])}:${secret['mode'] === undefined ? '-' : typeof secret['mode'] === 'string' ? Number.parseInt(secret['mode'], 8) : secret['mode']}`),
			configs: (service['configs'] ?? []).map((config: Json) => `${config['source']}:${path.posix.resolve('/', config['target'] ?? config['source'])}`),
			profiles: sorted(service['profiles'] ?? []),
			restart: service['restart'] ?? null,
			runtime: {
				cap_add: sorted(service['cap_add'] ?? []),
				cap_drop: sorted(service['cap_drop'] ?? []),
				hostname: service['hostname'] ?? null,
				read_only: service['read_only'] ?? false,
				init: service['init'] ?? null,
				tmpfs: sorted(service['tmpfs'] ?? []),
				ulimits: Object.fromEntries(Object.entries<any>(service['ulimits'] ?? {}).map(([key, value]) => [key, typeof value === 'number' ? `${value}:${value}` : `${value.soft}:${value.hard}`])),
				sysctls: {...service['sysctls']},
				extra_hosts: sorted((service['extra_hosts'] ?? []).map((entry: string) => entry.replace('=', ':'))),
				links: sorted(service['links'] ?? []),
				volumes_from: sorted(service['volumes_from'] ?? []),
				labels: {...service['labels']},
				user: service['user'] ?? null,
				working_dir: service['working_dir'] ?? null,
			},
		};
	}

	const named = (section: string, extra: (value: Json) => string = () => '') =>
		Object.fromEntries(Object.entries<Json>(json[section] ?? {}).map(([key, value]) => [key, `${value['name']}${extra(value)}`]));
	return {
		name: json['name'],
		services,
		networks: named('networks'),
		volumes: named('volumes'),
		secrets: named('secrets', value => fileSourceText(value)),
		configs: named('configs', value => fileSourceText(value)),
	};
}

function fileSourceText(value: Json): string {
	return value['file'] === undefined ? (value['environment'] === undefined ? (value['content'] === undefined ? ' external' : ` content ${value['content']}`) : ` env ${value['environment']}`) : ` file ${value['file']}`;
}

/** stacktui's loaded project as a Model. */
export function stacktuiModel(project: ComposeProject): Model {
	const services = Object.fromEntries(project.services.map(service => [service.name, serviceModel(service)]));
	// Compose's config (and up) leaves out the networks, volumes, secrets and configs no active service uses.
	const used = {
		networks: new Set(project.services.flatMap(service => Object.keys(service.networks))),
		volumes: new Set(project.services.flatMap(service => service.volumes.map(volume => volume.source ?? ''))),
		secrets: new Set(project.services.flatMap(service => service.secrets.map(secret => secret.source))),
		configs: new Set(project.services.flatMap(service => service.configs.map(config => config.source))),
	};
	const pick = <T>(section: keyof typeof used, values: Readonly<Record<string, T>>, text: (value: T) => string) =>
		Object.fromEntries(Object.entries(values).filter(([key]) => used[section].has(key)).map(([key, value]) => [key, text(value)]));
	return {
		name: project.name,
		services,
		networks: pick('networks', project.networks, network => network.name),
		volumes: pick('volumes', project.volumes, volume => volume.name),
		secrets: pick('secrets', project.secrets, secret => `${secret.name}${sourceText(secret.source)}`),
		configs: pick('configs', project.configs, config => `${config.name}${sourceText(config.source)}`),
	};
}

function sourceText(source: ComposeProject['secrets'][string]['source']): string {
	switch (source.kind) {
		case 'file': return ` file ${source.path}`;
		case 'environment': return ` env ${source.variable}`;
		case 'content': return ` content ${source.text}`;
		case 'external': return ' external';
	}
}

function serviceModel(service: ComposeService): ServiceModel {
	const health = service.healthcheck;
	const text = (value: number | undefined) => (value === undefined ? '-' : String(value));
	const {runtime} = service;
	return {
		image: service.image ?? null,
		command: service.command === undefined ? null : [...service.command],
		entrypoint: service.entrypoint === undefined ? null : [...service.entrypoint],
		environment: {...service.environment},
		ports: sorted(service.ports.map(port => portText(port.hostIp, port.hostPort, port.containerPort, port.protocol))),
		depends_on: Object.fromEntries(Object.entries(service.dependsOn).map(([key, value]) => [key, `${value.condition}${value.isRequired ? '' : ' optional'}`])),
		healthcheck: health === undefined ? null : health.test[0] === 'NONE' && health.intervalNs === undefined ? 'NONE' : [JSON.stringify(health.test), text(health.intervalNs), text(health.timeoutNs), health.retries ?? '-', text(health.startPeriodNs)].join(' '),
		networks: Object.fromEntries(Object.entries(service.networks).map(([key, value]) => [key, sorted([...value.aliases])])),
		network_mode: service.networkMode ?? null,
		volumes: service.volumes.map(volume => `${volume.type}:${volume.source ?? ''}:${volume.target}:${volume.isReadOnly ? 'ro' : 'rw'}`),
		cpus: service.cpus ?? null,
		memory: service.memoryBytes ?? null,
		secrets: service.secrets.map(secret => `${secret.source}:${secret.target}:${secret.mode ?? '-'}`),
		configs: service.configs.map(config => `${config.source}:${config.target}`),
		profiles: sorted([...service.profiles]),
		restart: service.restart ?? null,
		runtime: {
			cap_add: sorted([...runtime.capAdd]),
			cap_drop: sorted([...runtime.capDrop]),
			hostname: runtime.hostname ?? null,
			read_only: runtime.isReadOnly,
			init: runtime.hasInit ?? null,
			tmpfs: sorted(Object.entries(runtime.tmpfs).map(([target, options]) => (options === '' ? target : `${target}:${options}`))),
			ulimits: Object.fromEntries(runtime.ulimits.map(limit => [limit.name, `${limit.soft}:${limit.hard}`])),
			sysctls: {...runtime.sysctls},
			extra_hosts: sorted([...service.extraHosts]),
			links: sorted(runtime.links.map(link => (link.alias === link.service ? link.service : `${link.service}:${link.alias}`))),
			volumes_from: sorted([...runtime.volumesFrom]),
			labels: {...service.labels},
			user: service.user ?? null,
			working_dir: service.workingDir ?? null,
		},
	};
}

