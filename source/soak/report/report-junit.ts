import type {RecordedRun} from '../recorded-run.js';
import type {BudgetVerdict} from '../verdict-types.js';
import {escapeXml} from './escape.js';
import {countBudgets, formatInUnit, formatMilliseconds, formatTime} from './format-values.js';

/**
 * JUnit XML as CI systems read it (GitLab, Jenkins, GitHub test reporters): one test case per
 * budget, a breach as a failure whose message says what, when, peak and limit; a budget that
 * could not be evaluated as skipped.
 */
export function renderJunit(run: RecordedRun): string {
	const {verdict} = run;
	const counts = countBudgets(verdict);
	const suite = `stacktui soak ${verdict.run.profile}`;
	const seconds = (verdict.run.observedMs / 1000).toFixed(3);
	const attributes = (pairs: Record<string, string | number>) =>
		Object.entries(pairs)
			.map(([name, value]) => `${name}="${escapeXml(String(value))}"`)
			.join(' ');
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuites ${attributes({name: suite, tests: counts.total, failures: counts.breached, errors: 0, skipped: counts.notEvaluated, time: seconds})}>`,
		`  <testsuite ${attributes({name: suite, tests: counts.total, failures: counts.breached, errors: 0, skipped: counts.notEvaluated, time: seconds, timestamp: formatTime(verdict.run.startedAt)})}>`,
		'    <properties>',
		...Object.entries({
			runId: verdict.run.runId,
			project: verdict.run.project,
			status: verdict.status,
			sessions: verdict.run.sessions,
			endReason: verdict.run.endReason ?? 'none recorded',
		}).map(([name, value]) => `      <property ${attributes({name, value})}/>`),
		'    </properties>',
		...verdict.budgets.flatMap(budget => testCase(budget, suite, run.lastAt, attributes)),
		'  </testsuite>',
		'</testsuites>',
		'',
	];
	return lines.join('\n');
}

function testCase(budget: BudgetVerdict, suite: string, lastAt: number, attributes: (pairs: Record<string, string | number>) => string): string[] {
	const open = `    <testcase ${attributes({classname: `${suite}.${budget.kind}`, name: `${budget.id}: ${budget.description}`, time: (budget.evaluatedMs / 1000).toFixed(3)})}`;
	if (budget.status === 'held') return [`${open}/>`];
	if (budget.status === 'not-evaluated') return [`${open}>`, `      <skipped ${attributes({message: budget.note || 'not evaluated'})}/>`, '    </testcase>'];
	const message = `${budget.description}: observed ${formatInUnit(budget.observed, budget.unit)}, limit ${budget.written}`;
	const details = [
		budget.note,
		...budget.breaches.map(
			span =>
				`breached from ${formatTime(span.from)} ${span.to === null ? 'until the end' : `to ${formatTime(span.to)}`} (${formatMilliseconds((span.to ?? lastAt) - span.from)}), worst ${formatInUnit(span.peak, budget.unit)}`,
		),
	].filter(line => line !== '');
	return [`${open}>`, `      <failure ${attributes({message, type: 'budget-breached'})}>${escapeXml(details.join('\n'))}</failure>`, '    </testcase>'];
}
