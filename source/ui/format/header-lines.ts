import {formatBudgetPercent} from '../../stack/format.js';
import {sanitize} from '../../stack/sanitize.js';
import type {Color, Theme} from '../theme.js';
import {formatElapsed, formatPercentCell, formatUsage} from './numbers.js';
import type {BudgetStatus} from './status.js';

export type EngineSummary = {
	/** The address connected to, e.g. unix:///var/run/docker.sock. */
	readonly host: string;
	readonly version?: string | undefined;
	readonly status: 'connecting' | 'connected' | 'lost';
	/** Why the engine was lost, one line. */
	readonly error?: string | undefined;
};

/** Host usage read from /proc; each value undefined until first read. */
export type HostUsage = {
	readonly cpuPercent?: number | undefined;
	readonly memoryUsedBytes?: number | undefined;
	readonly memoryTotalBytes?: number | undefined;
	readonly diskUsedBytes?: number | undefined;
	readonly diskTotalBytes?: number | undefined;
};

/** Sums over the stack's running containers, against the stack budget. */
export type StackTotals = {
	readonly cpuPercent: number | null;
	readonly memoryBytes: number | null;
	readonly cpuBudgetPercent?: number | undefined;
	readonly memoryBudgetBytes?: number | undefined;
	/** The stack's memory budget as the profile wrote it. */
	readonly memoryBudgetText?: string | undefined;
	readonly budgetStatus?: BudgetStatus | undefined;
};

export type HeaderFacts = {
	readonly profileName: string;
	readonly engine: EngineSummary;
	readonly host?: HostUsage | undefined;
	readonly stack: StackTotals;
	/** Milliseconds since the epoch when stacktui started, and now: the soak clock. */
	readonly startedAt: number;
	readonly now: number;
	readonly warningCount: number;
	/** Shown when the profile has exactly one tunnel and its URL is known. */
	readonly tunnelUrl?: string | undefined;
	readonly isReadOnly?: boolean | undefined;
	/** `--record DIR`: where the run is recorded. */
	readonly recordPath?: string | undefined;
	/** `stack healthy in 12 s / 60 s` once the stack's startup is timed. */
	readonly stackStartup?: string | undefined;
};

export type HeaderSegment = {readonly label?: string; readonly text: string; readonly color?: Color; readonly isBold?: boolean};

/** The header's three lines: profile, soak clock, warnings and engine; the stack's totals and tunnel; the host's usage. */
export function headerLines(facts: HeaderFacts, theme: Theme): HeaderSegment[][] {
	const {engine, stack, host = {}} = facts;
	const warnings = facts.warningCount === 1 ? '1 warning' : `${facts.warningCount} warnings`;
	const identity: HeaderSegment[] = [
		{text: 'stacktui', color: theme.accent, isBold: true},
		{text: facts.profileName, isBold: true},
		{label: 'soak', text: formatElapsed(facts.now - facts.startedAt)},
		{text: warnings, color: facts.warningCount > 0 ? theme.status.warning : theme.status.muted},
	];
	if (facts.isReadOnly) identity.push({text: 'read-only', color: theme.status.warning});
	if (facts.recordPath !== undefined) identity.push({label: 'rec', text: facts.recordPath, color: theme.status.error});
	// Last: an engine address can be long, and truncation should cut it rather than the warnings.
	identity.push({label: 'engine', ...engineText(engine, theme)});

	const cpuBudget = stack.cpuBudgetPercent === undefined ? '' : ` / ${formatBudgetPercent(stack.cpuBudgetPercent)}`;
	const totals: HeaderSegment[] = [
		{text: 'stack', isBold: true},
		{label: 'cpu', text: formatPercentCell(stack.cpuPercent) + cpuBudget},
		{label: 'mem', text: formatUsage(stack.memoryBytes, stack.memoryBudgetBytes, undefined, stack.memoryBudgetText), color: budgetColor(stack.budgetStatus, theme)},
	];
	if (facts.stackStartup !== undefined) totals.push({text: facts.stackStartup, color: theme.status.muted});
	if (facts.tunnelUrl !== undefined) totals.push({label: 'tunnel', text: facts.tunnelUrl, color: theme.accent});

	const hostLine: HeaderSegment[] = [
		{text: 'host ', isBold: true},
		{label: 'cpu', text: formatPercentCell(host.cpuPercent)},
		{label: 'mem', text: formatUsage(host.memoryUsedBytes, host.memoryTotalBytes)},
		{label: 'disk', text: formatUsage(host.diskUsedBytes, host.diskTotalBytes)},
	];
	// The profile's name, the engine's address and error, the tunnel URL come from files and the network.
	return [identity, totals, hostLine].map(line => line.map(segment => ({...segment, text: sanitize(segment.text)})));
}

function engineText(engine: EngineSummary, theme: Theme): {text: string; color: Color} {
	switch (engine.status) {
		case 'connecting': {
			return {text: `${engine.host} connecting…`, color: theme.status.warning};
		}

		case 'lost': {
			return {text: `${engine.host} lost${engine.error ? `: ${engine.error}` : ''}`, color: theme.status.error};
		}

		case 'connected': {
			return {text: engine.version ? `${engine.host} ${engine.version}` : engine.host, color: undefined};
		}
	}
}

function budgetColor(status: BudgetStatus | undefined, theme: Theme): Color {
	if (status === 'over') return theme.status.error;
	if (status === 'near') return theme.status.warning;
	return undefined;
}
