import {readDependsOn} from './dependencies.js';
import type {FieldReader} from './field-reader.js';
import {readHealthcheck} from './healthcheck.js';
import type {Lookup} from './interpolation.js';
import {readBuild, readEnvironment, readLabels} from './service-environment.js';
import {readExtraHosts, readNetworking, readPorts, readVolumes, type Declared} from './service-network.js';
import {readFileMounts} from './secrets.js';
import {readRuntime} from './service-runtime.js';
import {splitShellWords} from './shell-words.js';
import type {ComposeService} from './types.js';

export type ServiceContext = {
	readonly name: string;
	/** Keys of the top-level secrets and configs. */
	readonly fileResources: {readonly secrets: readonly string[]; readonly configs: readonly string[]};
	/** Reads the merged, canonical service (see canonical.ts). */
	readonly reader: FieldReader;
	readonly declared: Declared;
	/** The project directory: relative paths of every file resolve against it, as in compose. */
	readonly workingDir: string;
	readonly home: string;
	readonly lookup: Lookup;
	readonly display: (file: string) => string;
	readonly warn: (line: string) => void;
};

const restartPattern = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;

/** One service of the merged compose files as stacktui creates it. */
export function normalizeService(context: ServiceContext): ComposeService {
	const {name, reader, declared, workingDir} = context;
	const image = reader.string(['image']);
	const build = readBuild(reader, workingDir, context.lookup);
	if (image === undefined && build === undefined) {
		reader.fail([], 'has neither image nor build', true);
	}

	const restart = reader.string(['restart']);
	if (restart !== undefined && !restartPattern.test(restart)) {
		reader.fail(['restart'], `"${restart}" is not a restart policy (no, always, on-failure[:N], unless-stopped)`);
	}

	const profiles = reader.value(['profiles']);
	return {
		name,
		image,
		build,
		command: commandOf(reader, 'command'),
		entrypoint: commandOf(reader, 'entrypoint'),
		environment: readEnvironment(context),
		ports: readPorts(reader),
		volumes: readVolumes(reader, declared, workingDir, context.home, context.warn),
		...readNetworking(reader, declared),
		healthcheck: readHealthcheck(reader),
		dependsOn: readDependsOn(reader, declared.services),
		restart,
		stopGracePeriodMs: reader.durationMs(['stop_grace_period']),
		stopSignal: reader.string(['stop_signal']),
		cpus: cpusOf(reader),
		memoryBytes: reader.value(['deploy', 'resources', 'limits', 'memory']) === undefined ? reader.sizeBytes(['mem_limit']) : reader.sizeBytes(['deploy', 'resources', 'limits', 'memory']),
		labels: readLabels(reader),
		containerName: reader.string(['container_name']),
		workingDir: reader.string(['working_dir']),
		user: reader.string(['user']),
		profiles: Array.isArray(profiles) ? profiles.map(String) : [],
		isTty: reader.boolean(['tty']) ?? false,
		isStdinOpen: reader.boolean(['stdin_open']) ?? false,
		replicas: reader.count(['deploy', 'replicas']) ?? reader.count(['scale']) ?? 1,
		extraHosts: readExtraHosts(reader),
		runtime: readRuntime(reader),
		secrets: readFileMounts(reader, 'secrets', context.fileResources.secrets),
		configs: readFileMounts(reader, 'configs', context.fileResources.configs),
		pullPolicy: pullPolicyOf(reader),
	};
}

const pullPolicies: Readonly<Record<string, ComposeService['pullPolicy']>> = {always: 'always', never: 'never', missing: 'missing', if_not_present: 'missing', build: 'build'};

/** pull_policy; daily, weekly and every_N (pull when older) pull when missing, like missing. */
function pullPolicyOf(reader: FieldReader): ComposeService['pullPolicy'] {
	const value = reader.string(['pull_policy']);
	if (value === undefined || /^(daily|weekly|every_\w+|refresh)$/.test(value)) {
		return value === 'refresh' ? 'always' : 'missing';
	}

	return pullPolicies[value] ?? reader.fail(['pull_policy'], `"${value}" is not a pull policy (always, never, missing, build)`);
}

/** command / entrypoint: a string is split like a shell would; a list is used as written. */
function commandOf(reader: FieldReader, key: 'command' | 'entrypoint'): string[] | undefined {
	const value = reader.value([key]);
	if (Array.isArray(value)) {
		return value.map(String);
	}

	if (typeof value !== 'string') {
		return undefined;
	}

	try {
		return splitShellWords(value);
	} catch (error) {
		return reader.fail([key], (error as Error).message);
	}
}

function cpusOf(reader: FieldReader): number | undefined {
	const path = reader.value(['deploy', 'resources', 'limits', 'cpus']) === undefined ? ['cpus'] : ['deploy', 'resources', 'limits', 'cpus'];
	const value = reader.value(path);
	if (value === undefined || value === null) {
		return undefined;
	}

	const cpus = Number(value);
	return Number.isFinite(cpus) && cpus >= 0 && String(value).trim() !== '' ? cpus : reader.fail(path, `${JSON.stringify(value)} is not a number of CPUs`);
}
