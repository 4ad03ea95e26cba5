import type {RecordedRun} from '../recorded-run.js';
import type {BudgetVerdict, Verdict} from '../verdict-types.js';
import {escapeMarkdown as cell} from './escape.js';
import {budgetsByStatus, countBudgets, formatInUnit, formatMilliseconds, formatRatio, formatTime, statusWord} from './format-values.js';
import {reportFiles} from './report-files.js';

const icons = {held: '✅', breached: '❌', 'not-evaluated': '⚪'} as const;

/**
 * A summary for people and for a CI step summary (GitHub's limit is 1 MiB; this stays far
 * below): the verdict, breached budgets first with what was seen, held ones folded, then
 * services, probes and steps. Every value is escaped for table cells.
 */
export function renderMarkdown(run: RecordedRun): string {
	const {verdict} = run;
	const counts = countBudgets(verdict);
	const budgets = budgetsByStatus(verdict);
	const breached = budgets.filter(budget => budget.status === 'breached');
	const others = budgets.filter(budget => budget.status !== 'breached');
	const sections = [
		`## ${icons[verdict.status]} stacktui soak: ${statusWord(verdict.status)} — ${cell(verdict.run.profile)}`,
		summaryLine(run, counts),
		breached.length > 0 ? budgetTable(breached, run.lastAt) : '',
		breached.length > 0 && others.length > 0
			? `<details><summary>${others.length} other budget${others.length === 1 ? '' : 's'}</summary>\n\n${budgetTable(others, run.lastAt)}\n</details>`
			: others.length > 0
				? budgetTable(others, run.lastAt)
				: 'No budgets in the profile.',
		servicesTable(verdict),
		probesTable(verdict),
		stepsTable(verdict),
		`Files: ${Object.values(reportFiles).map(file => `\`${file}\``).join(' · ')} in \`${cell(run.directory)}\``,
	];
	return `${sections.filter(section => section !== '').join('\n\n')}\n`;
}

function summaryLine(run: RecordedRun, counts: ReturnType<typeof countBudgets>): string {
	const {run: facts} = run.verdict;
	const parts = [
		`${counts.breached} of ${counts.total} budgets breached${counts.notEvaluated > 0 ? `, ${counts.notEvaluated} not evaluated` : ''}`,
		`${formatMilliseconds(facts.observedMs)} observed${facts.plannedDurationMs === null ? '' : ` of ${formatMilliseconds(facts.plannedDurationMs)} planned`}`,
		`from ${formatTime(facts.startedAt)}${facts.endedAt === null ? ' (no end recorded)' : ` to ${formatTime(facts.endedAt)}, ${facts.endReason ?? 'ended'}`}`,
		facts.sessions > 1 ? `${facts.sessions - 1} resume${facts.sessions > 2 ? 's' : ''}, ${formatMilliseconds(facts.elapsedMs - facts.observedMs)} unobserved` : '',
		`project \`${cell(facts.project)}\``,
	];
	return parts.filter(part => part !== '').join(' · ');
}

function budgetTable(budgets: readonly BudgetVerdict[], lastAt: number): string {
	const rows = budgets.map(budget => {
		const breaches = budget.breaches.length === 0 ? '' : `(${budget.breaches.length}× from ${formatTime(budget.breaches[0]?.from ?? lastAt)})`;
		return `| ${icons[budget.status]} | ${cell(budget.description)} | ${cell(budget.written)} | ${cell(formatInUnit(budget.observed, budget.unit))} | ${cell(budget.phase ?? 'all')} | ${cell([budget.note, breaches].filter(part => part !== '').join(' '))} |`;
	});
	return ['| | Budget | Limit | Observed | Phase | Note |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function servicesTable(verdict: Verdict): string {
	if (verdict.services.length === 0) return '';
	const rows = verdict.services.map(service => {
		const leak = service.leak === null ? '–' : `${formatInUnit(service.leak.slopeBytesPerHour, 'bytes-per-hour')}${service.leak.isLeaking ? ' ⚠ leak' : ''}`;
		return `| ${cell(service.service)} | ${cell(service.health)} | ${formatInUnit(service.memory?.max ?? null, 'bytes')} | ${formatInUnit(service.memory?.mean ?? null, 'bytes')} | ${formatInUnit(service.cpu?.max ?? null, 'percent')} | ${service.restarts} | ${service.oomKills} | ${service.uptimeRatio === null ? '–' : formatRatio(service.uptimeRatio)} | ${cell(leak)} |`;
	});
	return ['### Services', '', '| Service | Health | Memory peak | Memory mean | CPU peak | Restarts | OOM kills | Uptime | Memory slope |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function probesTable(verdict: Verdict): string {
	if (verdict.probes.length === 0) return '';
	const rows = verdict.probes.map(
		probe =>
			`| ${cell(probe.probe)} | ${cell(probe.service)} | ${cell(`${probe.kind} ${probe.target}`)} | ${probe.successRatio === null ? '–' : `${formatRatio(probe.successRatio)} of ${probe.count}`} | ${probe.latencyMs === null ? '–' : `${formatMilliseconds(probe.latencyMs.p95)}`} | ${cell(probe.lastError ?? '')} |`,
	);
	return ['### Probes', '', '| Probe | Service | Check | Success | p95 latency | Last error |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function stepsTable(verdict: Verdict): string {
	if (verdict.steps.length === 0) return '';
	const rows = verdict.steps.map(
		step =>
			`| ${step.index} | ${cell(step.name)} | ${cell(`${step.action}${step.service === null ? '' : ` ${step.service}`}`)} | ${cell(step.status)} | ${step.recoveryMs === null ? '–' : formatMilliseconds(step.recoveryMs)} | ${cell(step.message)} |`,
	);
	return ['### Steps', '', '| # | Step | Action | Status | Recovery | Message |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}
