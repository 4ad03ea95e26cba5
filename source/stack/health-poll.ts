import type Docker from 'dockerode';
import {sleep} from '../engine/backoff.js';
import {listHealth} from '../engine/health-list.js';
import type {ContainerInfo} from '../engine/types.js';

export type HealthPollOptions = {
	readonly docker: Docker;
	readonly project: string;
	readonly hasLibpodApi: boolean;
	/** A change shows within this: the listing runs twice per interval. */
	readonly refreshMs: number;
	readonly signal: AbortSignal;
	/** The containers as stacktui shows them now. */
	readonly known: () => ReadonlyMap<string, ContainerInfo>;
	/** Containers whose health differs from what stacktui shows: inspect them. */
	readonly onChanged: (ids: readonly string[]) => void;
};

/**
 * For engines that send no health events: lists the project's running containers at half the
 * refresh interval (one request) and reports those whose health changed, so a check's result
 * shows within one refresh interval. Never two listings at once; stops when the signal aborts.
 */
export async function pollHealth(options: HealthPollOptions): Promise<void> {
	const {signal} = options;
	const periodMs = Math.max(50, Math.floor(options.refreshMs / 2));
	while (!signal.aborted) {
		const started = Date.now();
		try {
			const listed = await listHealth(options.docker, options.project, options.hasLibpodApi, signal);
			const known = options.known();
			const changed = [...listed].filter(([id, health]) => {
				const container = known.get(id);
				return container !== undefined && container.health !== health;
			});
			if (changed.length > 0) options.onChanged(changed.map(([id]) => id));
		} catch {
			// A lost engine is the events stream's news; keep trying at the same pace.
		}

		await sleep(Math.max(0, periodMs - (Date.now() - started)), signal);
	}
}
