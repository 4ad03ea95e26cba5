import type {RecordedRun} from '../recorded-run.js';
import {chartData, type ChartData} from './chart-data.js';
import {escapeHtml as html, inlineScript, inlineStyle, jsonForScript} from './escape.js';
import {countBudgets, formatMilliseconds, formatTime, statusWord} from './format-values.js';
import {budgetsTable, probesTable, serviceFacts, stepsTable, timeline} from './html-tables.js';
import {pageScript} from './page-script.js';
import {chartColors, pageStyle} from './page-style.js';
import {chartLibrary} from './uplot-assets.js';

/**
 * One self-contained page: the verdict, every budget, and per subject (the stack, then each
 * service) a memory and a CPU chart drawn by uPlot, inlined with the data, so it opens offline.
 * All text is escaped; series are the record's downsampled buckets, so days of run stay light.
 */
export function renderHtml(run: RecordedRun): string {
	const {verdict} = run;
	const library = chartLibrary();
	const data = chartData(run);
	const counts = countBudgets(verdict);
	const title = `stacktui soak report: ${verdict.run.profile}`;
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(`${statusWord(verdict.status)} · ${title}`)}</title>
<!-- ${html(library.license)} -->
<style>${inlineStyle(library.style)}</style>
<style>${inlineStyle(pageStyle)}</style>
</head>
<body>
<h1>${html(title)}</h1>
<div id="verdict" class="verdict verdict-${verdict.status}">${html(statusWord(verdict.status))}: ${counts.breached} of ${counts.total} budgets breached${counts.notEvaluated > 0 ? `, ${counts.notEvaluated} not evaluated` : ''}</div>
${facts(run)}
<h2 id="budgets">Budgets</h2>
${budgetsTable(run)}
<h2 id="charts">Memory and CPU</h2>
<noscript><p>The charts need JavaScript; the tables above and report.json hold the numbers.</p></noscript>
${marksLegend()}
${subjects(run, data)}
${probesTable(verdict)}
${stepsTable(verdict)}
${timeline(run)}
<footer>Made by stacktui ${html(run.header.stacktuiVersion)} from the record in ${html(run.directory)} (run ${html(verdict.run.runId)}); times in UTC; charts: ${html(library.license)}.</footer>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${inlineScript(library.script)}</script>
<script>${inlineScript(pageScript)}</script>
</body>
</html>
`;
}

function facts(run: RecordedRun): string {
	const {run: facts} = run.verdict;
	const parts = [
		`project ${facts.project}`,
		`${facts.command} from ${formatTime(facts.startedAt)}`,
		facts.endedAt === null ? 'no end recorded (killed, or still running)' : `to ${formatTime(facts.endedAt)} (${facts.endReason ?? 'ended'})`,
		`${formatMilliseconds(facts.observedMs)} observed${facts.plannedDurationMs === null ? '' : ` of ${formatMilliseconds(facts.plannedDurationMs)} planned`}`,
		facts.sessions > 1 ? `${facts.sessions - 1} resume${facts.sessions > 2 ? 's' : ''}, ${run.gaps.length} unobserved span${run.gaps.length === 1 ? '' : 's'} (hatched grey)` : '',
		`host ${run.header.host.hostname}, ${run.header.host.cpus} CPUs`,
		`engine ${run.header.engine.version}`,
	];
	return `<p class="facts">${html(parts.filter(part => part !== '').join(' · '))}</p>`;
}

function subjects(run: RecordedRun, data: ChartData): string {
	const sections = [data.stack, ...data.services].map((subject, index) => {
		const isStack = index === 0;
		const heading = isStack ? 'Stack (every running container)' : subject.name;
		const service = run.verdict.services.find(candidate => candidate.service === subject.name);
		const chart = (resource: 'memory' | 'cpu') =>
			`<div><p class="chart-title">${html(`${heading}: ${resource === 'memory' ? 'memory' : 'CPU'}`)}</p><div class="chart" data-subject="${index}" data-resource="${resource}"></div></div>`;
		return `<section class="subject" id="${html(`subject-${subject.name}`)}"><h3>${html(heading)}</h3>${isStack ? '' : serviceFacts(service)}<div class="charts">${chart('memory')}${chart('cpu')}</div></section>`;
	});
	return sections.join('\n');
}

function marksLegend(): string {
	const swatch = (color: string, label: string) => `<span><i class="swatch" style="background:${color}"></i>${html(label)}</span>`;
	const marks = chartColors.marks;
	return `<p class="legend-marks">${[
		swatch(chartColors.budget, 'budget line'),
		swatch(chartColors.breach, 'budget breached'),
		swatch(chartColors.leak, 'memory slope (leak estimate)'),
		swatch(chartColors.gap, 'not observed'),
		swatch(marks.start, 'container start'),
		swatch(marks.die, 'exit'),
		swatch(marks.oom, 'OOM kill'),
		swatch(marks.step, 'scripted step'),
		swatch(marks.action, 'key pressed'),
		swatch(marks.phase, 'phase change'),
		swatch(marks.resume, 'stacktui resumed'),
	].join('')} — band: lowest to highest in each interval; line: mean.</p>`;
}
