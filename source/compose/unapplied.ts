import {formatPath, isMapping, where, type Locate, type ValuePath} from './path.js';
import type {ComposeFileResource, Refusal} from './types.js';

/**
 * What stacktui applies, as data: `keys` lists the keys applied at a mapping (a nested rule
 * means "look inside too"), `each` is the rule for every entry of a mapping or list.
 * A key in `inert` has no effect on the containers (warned); any other key not listed is one
 * the Engine API cannot be given by stacktui: `up` refuses its service (see Refusal).
 */
type Rule = {readonly keys?: Readonly<Record<string, Rule | true>>; readonly each?: Rule; readonly inert?: Readonly<Record<string, string>>};

const nameAndLabels = {name: true, external: true, driver: true, labels: true} as const;
const mount = {keys: {source: true, target: true, uid: true, gid: true, mode: true}} as const;
const resources = {keys: {cpus: true, memory: true, pids: true}} as const;

const serviceRule: Rule = {
	keys: {
		image: true, command: true, entrypoint: true, environment: true, network_mode: true, restart: true, stop_grace_period: true, stop_signal: true,
		cpus: true, mem_limit: true, scale: true, labels: true, container_name: true, working_dir: true, user: true, profiles: true, tty: true,
		stdin_open: true, extra_hosts: true, cap_add: true, cap_drop: true, hostname: true, domainname: true, read_only: true, privileged: true,
		init: true, tmpfs: true, ulimits: true, sysctls: true, security_opt: true, devices: true, dns: true, dns_search: true, dns_opt: true,
		group_add: true, expose: true, ipc: true, pid: true, uts: true, userns_mode: true, cgroup: true, cgroup_parent: true, runtime: true,
		isolation: true, platform: true, mac_address: true, shm_size: true, mem_reservation: true, memswap_limit: true, mem_swappiness: true,
		oom_score_adj: true, oom_kill_disable: true, pids_limit: true, cpu_shares: true, cpu_quota: true, cpu_period: true, cpu_rt_period: true,
		cpu_rt_runtime: true, cpuset: true, storage_opt: true, logging: true, links: true, external_links: true, volumes_from: true, pull_policy: true,
		secrets: {each: mount},
		configs: {each: mount},
		blkio_config: {keys: {weight: true}},
		build: {keys: {context: true, dockerfile: true, args: true}},
		env_file: {each: {keys: {path: true, required: true, format: true}}},
		ports: {each: {keys: {target: true, published: true, host_ip: true, protocol: true, mode: true, name: true, app_protocol: true}}},
		volumes: {each: {keys: {type: true, source: true, target: true, read_only: true, bind: {keys: {create_host_path: true}}, volume: {keys: {nocopy: true}}, consistency: true}}},
		networks: {each: {keys: {aliases: true}}},
		healthcheck: {keys: {test: true, interval: true, timeout: true, retries: true, start_period: true, start_interval: true, disable: true}},
		depends_on: {each: {keys: {condition: true, required: true, restart: true}}},
		// Compose v2 gives the engine only a memory reservation (and devices) and drops a CPU reservation, a
		// swarm option, without a word: so does stacktui (FreshPoC and BI-Agent have one).
		deploy: {
			keys: {replicas: true, resources: {keys: {limits: resources, reservations: {keys: {memory: true, cpus: true}}}}},
			inert: {mode: 'swarm', placement: 'swarm', update_config: 'swarm', rollback_config: 'swarm', endpoint_mode: 'swarm', labels: 'swarm', restart_policy: 'swarm'},
		},
	},
	inert: {develop: 'docker compose watch', attach: 'docker compose up (log attach)', pull_refresh_after: 'pull', label_file: 'labels'},
};

const fileResource = {keys: {name: true, file: true, environment: true, content: true, external: true, labels: true}} as const;

const fileRule: Rule = {
	keys: {
		name: true,
		include: true,
		services: {each: serviceRule},
		networks: {each: {keys: {...nameAndLabels, internal: true}}},
		volumes: {each: {keys: nameAndLabels}},
		secrets: {each: fileResource},
		configs: {each: fileResource},
	},
	inert: {version: 'obsolete'},
};

export type Unapplied = {readonly warnings: string[]; readonly refusals: Record<string, Refusal[]>};

/**
 * Keys of the merged model that stacktui does not apply: warnings for those without effect on
 * containers, refusals (by service) for those the engine would need and does not get. External
 * secrets and configs are refused for the services that use them: they exist only in a swarm.
 */
export function unappliedKeys(value: unknown, locate: Locate, declared: {readonly secrets: Readonly<Record<string, ComposeFileResource>>; readonly configs: Readonly<Record<string, ComposeFileResource>>}): Unapplied {
	const warnings: string[] = [];
	const refusals: Record<string, Refusal[]> = {};
	const refuse = (keyPath: ValuePath, reason: string) => {
		const service = keyPath[0] === 'services' ? String(keyPath[1]) : '';
		const location = locate(keyPath, true);
		(refusals[service] ??= []).push({line: `${where(location)}: ${formatPath(keyPath)}: ${reason}`, location, reason: `${formatPath(keyPath)}: ${reason}`});
	};

	const visit = (node: unknown, rule: Rule, path: ValuePath) => {
		const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((item, index) => [index, item]) : isMapping(node) ? Object.entries(node) : [];
		for (const [key, item] of entries) {
			const keyPath = [...path, key];
			const child = rule.each ?? (typeof key === 'string' ? rule.keys?.[key] : undefined);
			const inert = typeof key === 'string' ? rule.inert?.[key] : undefined;
			if (typeof key === 'string' && key.startsWith('x-')) {
				continue;
			}

			if (inert !== undefined) {
				warnings.push(`${where(locate(keyPath, true))}: ${formatPath(keyPath)} ${inert === 'obsolete' ? 'is obsolete and ignored' : `has no effect on containers (used by ${inert === 'swarm' ? 'swarm mode' : inert})`}`);
			} else if (child === undefined && rule.keys !== undefined && !Array.isArray(node)) {
				refuse(keyPath, 'is not supported by stacktui through the Engine API');
			} else if (child !== undefined && child !== true) {
				visit(item, child, keyPath);
			}
		}
	};

	visit(value, fileRule, []);
	const services = isMapping(value) && isMapping(value['services']) ? value['services'] : {};
	for (const [name, service] of Object.entries(services)) {
		for (const section of ['secrets', 'configs'] as const) {
			const mounts = isMapping(service) && Array.isArray(service[section]) ? (service[section] as unknown[]) : [];
			for (const [index, entry] of mounts.entries()) {
				const source = isMapping(entry) ? entry['source'] : entry;
				if (declared[section][String(source)]?.source.kind === 'external') {
					refuse(['services', name, section, index], `${section === 'secrets' ? 'secret' : 'config'} "${String(source)}" is external: it exists only in a swarm`);
				}
			}
		}
	}

	return {warnings, refusals};
}
