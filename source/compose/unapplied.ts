import {formatPath, isMapping, where, type Locate, type ValuePath} from './path.js';

/**
 * What stacktui applies, as data: `keys` lists the keys applied at a mapping (a nested rule
 * means "look inside too"), `each` is the rule for every entry of a mapping or list.
 * A key not listed is reported, so nothing is dropped silently.
 */
type Rule = {readonly keys?: Readonly<Record<string, Rule | true>>; readonly each?: Rule};

const nameAndLabels = {name: true, external: true, driver: true, labels: true} as const;

const serviceRule: Rule = {
	keys: {
		image: true,
		build: {keys: {context: true, dockerfile: true, args: true}},
		command: true,
		entrypoint: true,
		environment: true,
		env_file: {each: {keys: {path: true, required: true}}},
		ports: {each: {keys: {target: true, published: true, host_ip: true, protocol: true, mode: true}}},
		volumes: {each: {keys: {type: true, source: true, target: true, read_only: true}}},
		networks: {each: {keys: {aliases: true}}},
		network_mode: true,
		healthcheck: {keys: {test: true, interval: true, timeout: true, retries: true, start_period: true, disable: true}},
		depends_on: {each: {keys: {condition: true, required: true}}},
		restart: true,
		stop_grace_period: true,
		stop_signal: true,
		deploy: {keys: {replicas: true, resources: {keys: {limits: {keys: {cpus: true, memory: true}}}}}},
		cpus: true,
		mem_limit: true,
		scale: true,
		labels: true,
		container_name: true,
		working_dir: true,
		user: true,
		profiles: true,
		tty: true,
		stdin_open: true,
		extra_hosts: true,
	},
};

const fileRule: Rule = {
	keys: {
		name: true,
		services: {each: serviceRule},
		networks: {each: {keys: {...nameAndLabels, internal: true}}},
		volumes: {each: {keys: nameAndLabels}},
	},
};

/** One warning line per key in a compose file that stacktui does not apply. */
export function unappliedKeys(value: unknown, locate: Locate): string[] {
	const warnings: string[] = [];
	const visit = (node: unknown, rule: Rule, path: ValuePath) => {
		const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((item, index) => [index, item]) : isMapping(node) ? Object.entries(node) : [];
		for (const [key, item] of entries) {
			const keyPath = [...path, key];
			const child = rule.each ?? (typeof key === 'string' ? rule.keys?.[key] : undefined);
			if (typeof key === 'string' && key.startsWith('x-')) {
				continue;
			}

			if (child === undefined && rule.keys !== undefined && !Array.isArray(node)) {
				warnings.push(`${where(locate(keyPath, true))}: ${message(keyPath)}`);
			} else if (child !== undefined && child !== true) {
				visit(item, child, keyPath);
			}
		}
	};

	visit(value, fileRule, []);
	return warnings;
}

function message(path: ValuePath): string {
	return path.length === 1 && path[0] === 'version'
		? 'version is obsolete and ignored'
		: `${formatPath(path)} is not applied by stacktui`;
}
