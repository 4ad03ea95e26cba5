import type {BudgetState} from '../stack/budget-types.js';
import {formatClock, formatDuration} from '../stack/format.js';
import type {MonitorEvent} from '../stack/monitor.js';
import type {StepLine} from './record-types.js';
import type {Verdict} from './verdict-types.js';

/** `soak triton  02:13 / 05:00  phase idle  budgets: 12 held, 1 breached, 3 not evaluated  warnings 1 active`. */
export function progressLine(profile: string, elapsedMs: number, durationMs: number, budgets: BudgetState | undefined): string {
	const tracks = budgets?.tracks ?? [];
	const count = (status: string) => tracks.filter(track => track.status === status).length;
	const active = budgets?.warnings.filter(warning => warning.endedAt === undefined).length ?? 0;
	return [
		`soak ${profile}`,
		`${clock(elapsedMs)} / ${clock(durationMs)}`,
		`phase ${budgets?.phase ?? '-'}`,
		`budgets: ${count('held')} held, ${count('breached')} breached, ${count('not-evaluated')} not evaluated`,
		`warnings ${active} active`,
	].join('  ');
}

function clock(milliseconds: number): string {
	const seconds = Math.max(0, Math.floor(milliseconds / 1000));
	const hours = Math.floor(seconds / 3600);
	const rest = `${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
	return hours > 0 ? `${hours}:${rest}` : rest;
}

/** One line of news from the monitor; undefined for what is not news (each probe check). */
export function newsOf(event: MonitorEvent): string | undefined {
	switch (event.type) {
		case 'phase': {
			return `${formatClock(event.at)} phase ${event.phase ?? '(none)'}${event.previous === null ? '' : ` (was ${event.previous})`}`;
		}

		case 'warning': {
			return `${formatClock(event.at)} ${event.change === 'ended' ? 'ended' : 'BREACH'} ${event.warning.message}`;
		}

		default: {
			return undefined;
		}
	}
}

export function stepNews(line: StepLine): string {
	return `${formatClock(line.at)} step ${line.name} ${line.state}: ${line.message}`;
}

/** The end of a soak for people: the verdict, each breached budget, and what was not evaluated. */
export function verdictSummary(verdict: Verdict): string[] {
	const lines = [`verdict: ${verdict.status.toUpperCase()} after ${formatDuration(verdict.run.elapsedMs / 1000)} (${verdict.budgets.length} budgets)`];
	for (const budget of verdict.budgets) {
		if (budget.status === 'breached') lines.push(`  breached  ${budget.id}: ${budget.description}${budget.note === '' ? '' : ` (${budget.note})`}`);
	}

	const notEvaluated = verdict.budgets.filter(budget => budget.status === 'not-evaluated');
	if (notEvaluated.length > 0) lines.push(`  not evaluated: ${notEvaluated.map(budget => budget.id).join(', ')}`);
	return lines;
}
