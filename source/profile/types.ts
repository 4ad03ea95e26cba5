import type {StatsReader} from '../engine/stats-source.js';

/** Resource limits a service or the whole stack should stay under. */
export type Budget = {
	/** Bytes, as `docker stats` counts memory (usage minus inactive file cache). */
	readonly memoryBytes?: number;
	/** Percent as `docker stats` shows it: 100 = one core. */
	readonly cpuPercent?: number;
	/** Each limit as the profile wrote it, by its key (`memory: "200MB"`), for display and reports. */
	readonly written?: Readonly<Record<string, string>>;
};

/** At most `max` unexpected exits within any `windowMs` (a crash loop). */
export type RestartLimit = {readonly max: number; readonly windowMs: number};

/** Memory growth above `bytesPerHour`, measured over `windowMs` after `warmupMs` from a start. */
export type LeakLimit = {readonly bytesPerHour: number; readonly windowMs: number; readonly warmupMs: number};

/** Health limits that can be set for every service (budgets:) and per service. */
export type HealthBudget = {
	/** Healthy within this long after start. */
	readonly startupMs?: number;
	/** Share (0..1) of container runs whose health checks pass on the first try. */
	readonly firstTryRatio?: number;
	/** Share (0..1) of observed time running and healthy. */
	readonly uptimeRatio?: number;
	readonly restarts?: RestartLimit;
	/** OOM kills allowed. */
	readonly oomKills?: number;
	readonly leak?: LeakLimit;
};

export type ServiceBudget = Budget & HealthBudget;

export type StackBudget = Budget & {
	/** Every service healthy within this long of up, of a stack restart, or of the stack's first start seen. */
	readonly startupMs?: number;
};

/** The host stacktui runs on: free memory and free disk at least. */
export type HostBudget = {
	readonly memoryFreeBytes?: number;
	readonly diskFreeBytes?: number;
	readonly written?: Readonly<Record<string, string>>;
};

/** Memory and CPU limits that hold only while a phase is active. */
export type PhaseBudgets = {
	readonly stack: Budget;
	readonly services: Readonly<Record<string, Budget>>;
};

export type Budgets = HealthBudget & {
	/** How long a breach must last before it warns. */
	readonly sustainMs: number;
	/** How long a breach must stay cleared (below the limit less the hysteresis) before it ends. */
	readonly clearMs: number;
	/** Fraction of a limit a value must fall below it to clear a breach (0.05: 5 % under). */
	readonly hysteresis: number;
	/** Fraction of a limit from which a meter is `near`. */
	readonly nearFraction: number;
	/** Sums over every running container of the stack. */
	readonly stack: StackBudget;
	readonly host: HostBudget;
	readonly services: Readonly<Record<string, ServiceBudget>>;
	/** Phase name → limits in force while it is active, on top of the ones above. */
	readonly phases: Readonly<Record<string, PhaseBudgets>>;
	/** Limits written at budgets: itself (startup, uptime, …), by key. */
	readonly written?: Readonly<Record<string, string>>;
};

/** A named span of a run: by time from the run's start, or while a step runs; the first that matches is the phase. */
export type PhaseDefinition = {
	readonly name: string;
	readonly fromMs: number | undefined;
	readonly untilMs: number | undefined;
	readonly whileStep: string | undefined;
};

export type ProbeKind = 'exec' | 'http' | 'tcp';

/** A periodic check of one service: a command in its container, an HTTP GET, or a TCP connect. */
export type ProbeDefinition = {
	readonly name: string;
	readonly service: string;
	readonly kind: ProbeKind;
	/** exec: argv in the container (a string is run by sh -c). */
	readonly command: readonly string[] | undefined;
	/** http: the URL. */
	readonly url: string | undefined;
	/** tcp: host and port. */
	readonly address: {readonly host: string; readonly port: number} | undefined;
	/** A check succeeds only when its output (exec) or body (http) contains this. */
	readonly expect: string | undefined;
	readonly intervalMs: number;
	readonly timeoutMs: number;
	/** Checks start once this step has passed (and once the service was first healthy). */
	readonly after: string | undefined;
	/** Budgets: share of checks that succeed, and latency percentiles in ms. */
	readonly successRatio: number | undefined;
	readonly latency: Readonly<Partial<Record<'p50' | 'p95' | 'p99', number>>>;
	readonly written: Readonly<Record<string, string>>;
};

export type StepAction = 'stop' | 'restart' | 'kill' | 'run' | 'exec';

/** Something a soak does at a time: take a service down and up again, or run a (load) command. */
export type StepDefinition = {
	/** 1-based, profile order. */
	readonly index: number;
	readonly name: string;
	readonly action: StepAction;
	/** stop / restart / kill / exec: the service. */
	readonly service: string | undefined;
	/** run: a host shell command (sh -c, in the profile's directory); exec: argv in the container. */
	readonly command: readonly string[] | undefined;
	readonly atMs: number;
	/** stop / kill: down this long before stacktui starts it again; run / exec: time limit. */
	readonly forMs: number | undefined;
};

export type SoakPlan = {
	/** Default for `stacktui soak` without --duration. */
	readonly durationMs: number | undefined;
	readonly steps: readonly StepDefinition[];
};

export type TunnelProvider = 'ngrok' | 'cloudflared' | 'log';

export type Tunnel = {
	readonly provider: TunnelProvider;
	/** The compose service that runs the tunnel agent. */
	readonly service: string;
	/** ngrok: agent API (default http://127.0.0.1:4040/api/tunnels); cloudflared: metrics URL. */
	readonly api: string | undefined;
	/** log: a regular expression whose first match (or first group) in the service's log is the URL. */
	readonly pattern: string | undefined;
	/** The local address the tunnel forwards to, when known. */
	readonly upstream: string | undefined;
};

/** A loaded, validated stack profile: what stacktui points at. */
export type Profile = {
	/** Absolute path of the profile file; undefined for a profile made from flags alone. */
	readonly file: string | undefined;
	readonly name: string;
	/** One line shown by `stacktui profiles`. */
	readonly description: string | undefined;
	/** Compose project name (labels com.docker.compose.project). */
	readonly project: string;
	/** Absolute paths, merged in order like `compose -f a -f b`. */
	readonly composeFiles: readonly string[];
	/** Compose profiles to activate (like COMPOSE_PROFILES); services in no profile always run. */
	readonly composeProfiles: readonly string[];
	/** Absolute path of the env file used for ${VAR} interpolation, when one exists. */
	readonly envFile: string | undefined;
	/** Engine address; undefined means DOCKER_HOST / context / autodetect. */
	readonly engine: string | undefined;
	readonly refreshMs: number;
	/** Where CPU and memory come from (`stats:`); absent means auto: cgroup files where the engine allows, else the API. */
	readonly statsReader?: StatsReader;
	readonly budgets: Budgets;
	readonly tunnels: readonly Tunnel[];
	/** Service name → URL or connection string shown in its details. */
	readonly links: Readonly<Record<string, string>>;
	readonly phases: readonly PhaseDefinition[];
	readonly probes: readonly ProbeDefinition[];
	readonly soak: SoakPlan;
};
