import type {RecordedRun} from '../recorded-run.js';
import type {BudgetVerdict, ServiceVerdict, Verdict} from '../verdict-types.js';
import {escapeHtml as html} from './escape.js';
import {breachedMs, budgetsByStatus, formatInUnit, formatMilliseconds, formatRatio, formatTime} from './format-values.js';

/** Events listed in the page's timeline at most (the newest); the record holds them all. */
export const maximumListedEvents = 500;

const statusText = {held: '✔ held', breached: '✘ breached', 'not-evaluated': '– not evaluated'} as const;

function table(headers: readonly string[], rows: readonly string[]): string {
	return `<table><thead><tr>${headers.map(header => `<th>${html(header)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** Budgets listed open at most; past this the held ones fold away under the breached ones. */
export const maximumOpenBudgets = 12;

/** Every budget, breached first: status, what, limit as written, observed, phase, time in breach, note. */
export function budgetsTable(run: RecordedRun): string {
	const end = run.verdict.run.endedAt ?? run.lastAt;
	const row = (budget: BudgetVerdict) => {
		const inBreach = budget.breaches.length === 0 ? '' : `${formatMilliseconds(breachedMs(budget, end))} in ${budget.breaches.length} span${budget.breaches.length === 1 ? '' : 's'}, from ${formatTime(budget.breaches[0]?.from ?? end)}`;
		return `<tr class="${budget.status}"><td>${statusText[budget.status]}</td><td>${html(budget.description)}<br><small>${html(budget.id)}</small></td><td class="number">${html(budget.written)}</td><td class="number">${html(formatInUnit(budget.observed, budget.unit))}</td><td>${html(budget.phase ?? 'all')}</td><td>${html(inBreach)}</td><td>${html(budget.note)}</td></tr>`;
	};

	const headers = ['Status', 'Budget', 'Limit', 'Observed', 'Phase', 'In breach', 'Note'];
	const budgets = budgetsByStatus(run.verdict);
	if (budgets.length === 0) return '<p>No budgets in the profile.</p>';
	const held = budgets.filter(budget => budget.status === 'held');
	if (budgets.length <= maximumOpenBudgets || held.length === 0) return table(headers, budgets.map(row));
	const others = budgets.filter(budget => budget.status !== 'held');
	const folded = `<details><summary>${held.length} budget${held.length === 1 ? '' : 's'} held</summary>${table(headers, held.map(row))}</details>`;
	return others.length === 0 ? folded : `${table(headers, others.map(row))}\n${folded}`;
}

/** One line under a service's name: health, peaks, restarts, OOM kills, uptime, slope. */
export function serviceFacts(service: ServiceVerdict | undefined): string {
	if (service === undefined) return '';
	const parts = [
		`${service.health}, ${service.running} of ${service.containers} running`,
		`memory peak ${formatInUnit(service.memory?.max ?? null, 'bytes')}, mean ${formatInUnit(service.memory?.mean ?? null, 'bytes')}`,
		`CPU peak ${formatInUnit(service.cpu?.max ?? null, 'percent')}, mean ${formatInUnit(service.cpu?.mean ?? null, 'percent')}`,
		`${service.restarts} restart${service.restarts === 1 ? '' : 's'} (${service.unexpectedExits} unexpected)`,
		`${service.oomKills} OOM kill${service.oomKills === 1 ? '' : 's'}`,
		service.uptimeRatio === null ? '' : `healthy ${formatRatio(service.uptimeRatio)} of the time`,
		service.startupMs === null ? '' : `healthy ${formatMilliseconds(service.startupMs)} after its last start`,
	];
	const leak = service.leak;
	const slope =
		leak === null
			? ''
			: `<span class="${leak.isLeaking ? 'warning' : ''}">memory slope ${html(formatInUnit(leak.slopeBytesPerHour, 'bytes-per-hour'))} (95 % interval ${html(formatInUnit(leak.lowerBytesPerHour, 'bytes-per-hour'))} to ${html(formatInUnit(leak.upperBytesPerHour, 'bytes-per-hour'))}, growth confidence ${html(formatRatio(leak.confidence))}${leak.isLeaking ? ', leaking' : ''})</span>`;
	return `<p class="service-facts">${html(parts.filter(part => part !== '').join(' · '))}${slope === '' ? '' : ` · ${slope}`}</p>`;
}

export function probesTable(verdict: Verdict): string {
	if (verdict.probes.length === 0) return '';
	const rows = verdict.probes.map(probe => {
		const latency = probe.latencyMs === null ? '–' : `p50 ${formatMilliseconds(probe.latencyMs.p50)}, p95 ${formatMilliseconds(probe.latencyMs.p95)}, p99 ${formatMilliseconds(probe.latencyMs.p99)}`;
		const success = probe.successRatio === null ? '–' : `${formatRatio(probe.successRatio)} (${probe.successes} of ${probe.count})`;
		return `<tr><td>${html(probe.probe)}</td><td>${html(probe.service)}</td><td>${html(`${probe.kind} ${probe.target}`)}</td><td class="number">${html(success)}</td><td class="number">${html(latency)}</td><td>${html(probe.lastError ?? '')}</td></tr>`;
	});
	return `<h2 id="probes">Probes</h2>${table(['Probe', 'Service', 'Check', 'Success', 'Latency', 'Last error'], rows)}`;
}

export function stepsTable(verdict: Verdict): string {
	if (verdict.steps.length === 0) return '';
	const rows = verdict.steps.map(step => {
		const when = step.startedAt === null ? `planned at +${formatMilliseconds(step.atMs)}` : formatTime(step.startedAt);
		return `<tr class="${step.status === 'failed' ? 'breached' : step.status === 'passed' ? 'held' : 'not-evaluated'}"><td>${step.index}</td><td>${html(step.name)}</td><td>${html(`${step.action}${step.service === null ? '' : ` ${step.service}`}`)}</td><td>${html(when)}</td><td>${html(step.status)}</td><td class="number">${step.recoveryMs === null ? '–' : html(formatMilliseconds(step.recoveryMs))}</td><td>${html(step.message)}</td></tr>`;
	});
	return `<h2 id="steps">Scripted steps</h2>${table(['#', 'Step', 'Action', 'When', 'Status', 'Recovery', 'Message'], rows)}`;
}

/** The newest events, folded: what happened when, in words. */
export function timeline(run: RecordedRun): string {
	const events = run.events.slice(-maximumListedEvents);
	if (events.length === 0) return '';
	const omitted = run.events.length - events.length + run.droppedEvents;
	const rows = events.map(event => `<tr><td class="number">${formatTime(event.at)}</td><td>${html(event.kind)}</td><td>${html(event.subject)}</td><td>${html(event.text)}</td></tr>`);
	return `<h2 id="timeline">Timeline</h2><details><summary>${events.length} events${omitted > 0 ? ` (the newest; ${omitted} earlier ones are in record.ndjson)` : ''}</summary>${table(['Time (UTC)', 'Kind', 'Subject', 'What'], rows)}</details>`;
}
