import type {RecordedRun} from '../recorded-run.js';
import {breachedMs, countBudgets, formatInUnit} from './format-values.js';

export const reportFormatVersion = 1;

/**
 * The machine-readable report: the verdict per budget (with its limit and observed value also
 * as people write them), the summaries of services, probes and steps, and the run's gaps.
 */
export function renderJson(run: RecordedRun): string {
	const {verdict} = run;
	const end = verdict.run.endedAt ?? run.lastAt;
	const report = {
		format: 'stacktui-soak-report',
		version: reportFormatVersion,
		status: verdict.status,
		exitCode: verdict.exitCode,
		counts: countBudgets(verdict),
		run: {...verdict.run, directory: run.directory, stacktuiVersion: run.header.stacktuiVersion, gaps: run.gaps},
		evaluatedAt: verdict.evaluatedAt,
		budgets: verdict.budgets.map(budget => ({
			...budget,
			limitText: formatInUnit(budget.limit, budget.unit),
			observedText: formatInUnit(budget.observed, budget.unit),
			breachedMs: breachedMs(budget, end),
		})),
		stack: verdict.stack,
		services: verdict.services,
		probes: verdict.probes,
		steps: verdict.steps,
		phases: verdict.phases,
	};
	return `${JSON.stringify(report, null, '\t')}\n`;
}
