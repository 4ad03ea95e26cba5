/** Resource limits a service or the whole stack should stay under. */
export type Budget = {
	/** Bytes, as `docker stats` counts memory (usage minus inactive file cache). */
	readonly memoryBytes?: number;
	/** The memory budget as written ("200MB"), shown instead of the bytes; absent for a bare number. */
	readonly memoryText?: string;
	/** Percent as `docker stats` shows it: 100 = one core. */
	readonly cpuPercent?: number;
};

export type ServiceBudget = Budget & {
	/** Healthy within this long after start, overriding budgets.startup. */
	readonly startupMs?: number;
};

export type Budgets = {
	/** How long a breach must last before it warns. */
	readonly sustainMs: number;
	/** Every service healthy within this long after start. */
	readonly startupMs: number | undefined;
	/** Sums over every running container of the stack. */
	readonly stack: Budget;
	readonly services: Readonly<Record<string, ServiceBudget>>;
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
	readonly budgets: Budgets;
	readonly tunnels: readonly Tunnel[];
	/** Service name → URL or connection string shown in its details. */
	readonly links: Readonly<Record<string, string>>;
};
