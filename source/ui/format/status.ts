import type {Health} from '../../engine/types.js';
import type {RowState} from '../../stack/snapshot.js';

import type {PendingAction} from '../../stack/session.js';

export type {PendingAction};

/** Where a row stands against its budget; evaluated elsewhere, shown here. `none` when it has no budget. */
export type BudgetStatus = 'none' | 'ok' | 'near' | 'over';

const healthGlyphs: Readonly<Record<Health, string>> = {none: '-', starting: '↻', healthy: '✓', unhealthy: '✗'};

/** The health glyph: ✓ healthy, ✗ unhealthy, ↻ starting, - without a healthcheck. */
export function healthGlyph(health: Health): string {
	return healthGlyphs[health];
}

/** Glyph and word, `✓ healthy`; `-` without a healthcheck. */
export function formatHealth(health: Health): string {
	return health === 'none' ? healthGlyphs.none : `${healthGlyphs[health]} ${health}`;
}

export type StateFacts = {
	readonly state: RowState;
	readonly exitCode: number | null;
	readonly isOomKilled: boolean;
	/** A process of the running container was OOM-killed. */
	readonly hasOomKill?: boolean;
	readonly pendingAction?: PendingAction | undefined;
};

/**
 * The state word: the pending action (`restarting…`) until events confirm it; `OOM killed` or
 * `exited (137)`; a restart loop says why it restarts, `restarting (OOM)`, `restarting (1)`; a
 * container whose child was OOM-killed, or that runs again after its last run was, `running (OOM)`.
 */
export function formatState(facts: StateFacts): string {
	if (facts.pendingAction !== undefined) return `${facts.pendingAction}…`;
	if (facts.state === 'exited' || facts.state === 'dead') {
		if (facts.isOomKilled) return 'OOM killed';
		if (facts.exitCode !== null) return `${facts.state} (${facts.exitCode})`;
	}

	if (facts.state === 'restarting' && (facts.isOomKilled || facts.exitCode !== null)) {
		return `restarting (${facts.isOomKilled ? 'OOM' : facts.exitCode})`;
	}

	// Running again after an OOM kill: of a process inside, or of the last run (a restart policy keeps OOMKilled).
	return facts.state === 'running' && (facts.hasOomKill || facts.isOomKilled) ? 'running (OOM)' : facts.state;
}

/**
 * The health a row shows, or undefined for `-`. A health check speaks for a running container:
 * a stopped one's last probe (often `unhealthy`, from the stop itself) is no news. While an
 * action sent on purpose is under way (restarting…, starting…) a failing probe is part of it:
 * the row says starting, never unhealthy.
 */
export function shownHealth(facts: {readonly state: RowState; readonly health: Health; readonly pendingAction?: PendingAction | undefined}): Health | undefined {
	if (facts.pendingAction === 'stopping') return undefined;
	if (facts.pendingAction !== undefined) return facts.health === 'none' ? 'none' : facts.health === 'healthy' ? 'healthy' : 'starting';
	return facts.state === 'running' || facts.state === 'paused' || facts.state === 'restarting' ? facts.health : undefined;
}

/** A container that stopped with exit code 0 (a stop asked for, a job done): not a failure. */
export function isCleanExit(facts: Pick<StateFacts, 'state' | 'exitCode' | 'isOomKilled'>): boolean {
	return (facts.state === 'exited' || facts.state === 'dead') && facts.exitCode === 0 && !facts.isOomKilled;
}

/** The budget column: `ok`, `near`, `over`, or `-` without a budget. */
export function formatBudgetStatus(status: BudgetStatus): string {
	return status === 'none' ? '-' : status;
}
