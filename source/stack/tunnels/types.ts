import type {Tunnel, TunnelProvider} from '../../profile/types.js';

/** What the tunnel panel shows for one tunnel of the profile. */
export type TunnelStatus = {
	readonly provider: TunnelProvider;
	readonly service: string;
	readonly publicUrl: string | undefined;
	/** The local address the tunnel forwards to: from the agent when it says, else from the profile. */
	readonly upstream: string | undefined;
	/** waiting: the service is not running or the agent not up yet; error: something to fix. */
	readonly status: 'online' | 'waiting' | 'error';
	/** One line, for waiting and error. */
	readonly reason: string | undefined;
};

/** What one look at a provider found, before the tunnel's own fields are added. */
export type TunnelReading =
	| {readonly status: 'online'; readonly publicUrl: string; readonly upstream?: string}
	| {readonly status: 'waiting' | 'error'; readonly reason: string};

/** The current run of the tunnel's service, as the stack model knows it. */
export type ServiceRun = {
	readonly isRunning: boolean;
	/** StartedAt of the run; a change means a new run. */
	readonly startedAt: string | undefined;
	/** The run's container: URLs another container printed do not count. undefined: any. */
	readonly containerId?: string;
	/**
	 * Log lines up to this time belong to earlier runs: the previous run's FinishedAt (not
	 * StartedAt: the engine stamps a run's first lines before its StartedAt). undefined: all count.
	 */
	readonly logsAfter?: string;
};

/** The status shown before the first look. */
export function initialTunnelStatus(tunnel: Tunnel): TunnelStatus {
	return toTunnelStatus(tunnel, {status: 'waiting', reason: 'not checked yet'});
}

export function toTunnelStatus(tunnel: Tunnel, reading: TunnelReading): TunnelStatus {
	const isOnline = reading.status === 'online';
	return {
		provider: tunnel.provider,
		service: tunnel.service,
		publicUrl: isOnline ? reading.publicUrl : undefined,
		upstream: (isOnline ? reading.upstream : undefined) ?? tunnel.upstream,
		status: reading.status,
		reason: isOnline ? undefined : reading.reason,
	};
}

export function isSameStatus(left: TunnelStatus | undefined, right: TunnelStatus): boolean {
	return (
		left !== undefined &&
		left.status === right.status &&
		left.publicUrl === right.publicUrl &&
		left.upstream === right.upstream &&
		left.reason === right.reason
	);
}
