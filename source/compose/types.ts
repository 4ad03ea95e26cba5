import type {ComposeFileResource, FileMount} from './secrets.js';
import type {ServiceRuntime} from './service-runtime.js';

export type {ComposeFileResource, FileMount, FileSource} from './secrets.js';
export type {ServiceRuntime} from './service-runtime.js';

/** A compose file set, interpolated, merged, validated and normalized: what `up` creates. */
export type ComposeProject = {
	readonly name: string;
	/** Directory relative paths resolve against (the first compose file's). */
	readonly workingDir: string;
	/** Absolute paths of the compose files, in merge order. */
	readonly configFiles: readonly string[];
	/** Active services in file order: no profiles, or one of the active profiles. */
	readonly services: readonly ComposeService[];
	/** Services left out by profiles, normalized and validated too (`up NAME` may start them, as compose does). */
	readonly disabledServices: readonly ComposeService[];
	/** Networks by their key in the file; has `default` when any service joins it (lists neither networks nor network_mode). */
	readonly networks: Readonly<Record<string, ComposeNetwork>>;
	readonly volumes: Readonly<Record<string, ComposeVolume>>;
	readonly secrets: Readonly<Record<string, ComposeFileResource>>;
	readonly configs: Readonly<Record<string, ComposeFileResource>>;
	/** One line each, with file:line:col: unset variables, keys that have no effect on containers. */
	readonly warnings: readonly string[];
	/** Keys the engine cannot apply, by service: `up` refuses those services unless told to go on. */
	readonly refusals: Readonly<Record<string, readonly Refusal[]>>;
};

/** A key of a service that stacktui cannot apply through the Engine API, where it is written. */
export type Refusal = {readonly line: string; readonly location: {readonly file: string; readonly line: number; readonly column: number}; readonly reason: string};

export type DependsOnCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export type PortMapping = {
	readonly hostIp: string | undefined;
	/** undefined publishes on a random host port. */
	readonly hostPort: number | undefined;
	readonly containerPort: number;
	readonly protocol: 'tcp' | 'udp' | 'sctp';
};

export type VolumeMount = {
	readonly type: 'volume' | 'bind' | 'tmpfs';
	/** Volume key in the file (type volume), absolute host path (bind), undefined (anonymous/tmpfs). */
	readonly source: string | undefined;
	readonly target: string;
	readonly isReadOnly: boolean;
};

export type Healthcheck = {
	/** Engine form: ["CMD", ...], ["CMD-SHELL", "..."], ["NONE"] when disabled, [] to keep the image's test. */
	readonly test: readonly string[];
	readonly intervalNs: number | undefined;
	readonly timeoutNs: number | undefined;
	readonly retries: number | undefined;
	readonly startPeriodNs: number | undefined;
};

export type ComposeService = {
	readonly name: string;
	readonly image: string | undefined;
	readonly build: {readonly context: string; readonly dockerfile: string; readonly args: Readonly<Record<string, string>>} | undefined;
	/** Already split like a shell would; undefined keeps the image's. */
	readonly command: readonly string[] | undefined;
	readonly entrypoint: readonly string[] | undefined;
	/** From env_file and environment, environment winning; values interpolated. */
	readonly environment: Readonly<Record<string, string>>;
	readonly ports: readonly PortMapping[];
	readonly volumes: readonly VolumeMount[];
	/** Network key → aliases given in the file (`default` when the service lists none). Empty when networkMode is set. */
	readonly networks: Readonly<Record<string, {readonly aliases: readonly string[]}>>;
	/** network_mode (host, none, service:x, container:x), when set. */
	readonly networkMode: string | undefined;
	readonly healthcheck: Healthcheck | undefined;
	readonly dependsOn: Readonly<Record<string, {readonly condition: DependsOnCondition; readonly isRequired: boolean}>>;
	/** no, always, on-failure[:N], unless-stopped */
	readonly restart: string | undefined;
	readonly stopGracePeriodMs: number | undefined;
	readonly stopSignal: string | undefined;
	/** deploy.resources.limits (or the legacy cpus / mem_limit keys). */
	readonly cpus: number | undefined;
	readonly memoryBytes: number | undefined;
	readonly labels: Readonly<Record<string, string>>;
	readonly containerName: string | undefined;
	readonly workingDir: string | undefined;
	readonly user: string | undefined;
	readonly profiles: readonly string[];
	readonly isTty: boolean;
	readonly isStdinOpen: boolean;
	/** deploy.replicas or scale; 1 by default. */
	readonly replicas: number;
	/** Extra host:ip entries. */
	readonly extraHosts: readonly string[];
	readonly runtime: ServiceRuntime;
	readonly secrets: readonly FileMount[];
	readonly configs: readonly FileMount[];
	/** Pull policy: always, never, missing (the default), build. */
	readonly pullPolicy: 'always' | 'never' | 'missing' | 'build';
};

export type ComposeNetwork = {
	/** Engine name: `${project}_${key}` unless name: or external. */
	readonly name: string;
	readonly isExternal: boolean;
	readonly driver: string | undefined;
	readonly isInternal: boolean;
	readonly labels: Readonly<Record<string, string>>;
};

export type ComposeVolume = {
	readonly name: string;
	readonly isExternal: boolean;
	readonly driver: string | undefined;
	readonly labels: Readonly<Record<string, string>>;
};
