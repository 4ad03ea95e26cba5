import test from 'ava';
import {renderReports} from '../../source/soak/report/index.js';
import {recordedRun, start, verdict} from '../fixtures/soak-report/recorded-run.js';

const secret = 'S3cr3t-Value-42';
const run = recordedRun({verdict: {...verdict, steps: verdict.steps.map(step => ({...step, message: `${step.message}; token ${secret}`}))}});
const reports = renderReports(run, {secretValues: [secret]});

test('JSON: the verdict per budget with its limit and observed value, machine- and people-readable', t => {
	const report = JSON.parse(reports.json) as {
		status: string;
		exitCode: number;
		counts: {total: number; breached: number; held: number; notEvaluated: number};
		budgets: Array<{id: string; status: string; limit: number; limitText: string; observedText: string; breachedMs: number; breaches: unknown[]}>;
	};
	t.is(report.status, 'breached');
	t.is(report.exitCode, 1);
	t.deepEqual(report.counts, {total: 7, held: 4, breached: 2, notEvaluated: 1});
	const idle = report.budgets.find(budget => budget.id === 'memory:postgres@idle');
	t.like(idle, {status: 'breached', limit: 200 * 1024 * 1024, limitText: '200MiB', observedText: '240MiB', breachedMs: 8 * 60_000});
	// An open breach counts up to the end of the run.
	t.is(report.budgets.find(budget => budget.id === 'leak:redis')?.breachedMs, 25 * 60_000);
	t.is(report.budgets.find(budget => budget.id === 'uptime:web')?.observedText, '100%');
});

test('every report masks secrets: .env values and passwords in URLs and key=value pairs', t => {
	for (const [kind, text] of Object.entries(reports)) {
		t.false(text.includes(secret), `${kind} shows the .env secret`);
		t.false(text.includes('hunter2-secret'), `${kind} shows a password= value`);
	}

	t.true(reports.markdown.includes('token ••••••'));
	t.true(reports.html.includes('password=••••••'));
});

test('JUnit: one test case per budget, breaches as failures with what, when and the limit, unevaluated ones skipped', t => {
	const {junit} = reports;
	t.true(junit.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="stacktui soak triton" tests="7" failures="2" errors="0" skipped="1" time="3300.000">'));
	t.is(junit.match(/<testcase /g)?.length, 7);
	t.is(junit.match(/<failure /g)?.length, 2);
	t.is(junit.match(/<skipped /g)?.length, 1);
	t.regex(junit, /<testcase classname="stacktui soak triton\.memory" name="memory:postgres@idle: postgres memory while idle at most 200MiB" time="1800\.000">\n {6}<failure message="postgres memory while idle at most 200MiB: observed 240MiB, limit 200MiB" type="budget-breached">over 200MiB for 8m00s, peak 240MiB &lt;b&gt;bold&lt;\/b&gt; &amp; &quot;quoted&quot;\nbreached from 2026-12-01T09:10:00Z to 2026-12-01T09:18:00Z \(8m00s\), worst 240MiB<\/failure>/);
	t.regex(junit, /<skipped message="no check ran: the probe &lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; never started"\/>/);
	t.regex(junit, /<testcase classname="stacktui soak triton\.cpu" name="cpu:postgres: postgres CPU at most 50%" time="3300\.000"\/>/);
});

test('Markdown: the verdict first, breached budgets in the open, the rest folded, cells that cannot break the table', t => {
	const lines = reports.markdown.split('\n');
	t.is(lines[0], '## ❌ stacktui soak: BREACHED — triton');
	t.regex(lines[2] ?? '', /^2 of 7 budgets breached, 1 not evaluated · 55m00s observed of 1h00m planned · from 2026-12-01T09:00:00Z to 2026-12-01T10:00:00Z, completed · 1 resume, 5m00s unobserved/);
	const breachedRows = lines.filter(line => line.startsWith('| ❌ |'));
	t.is(breachedRows.length, 2);
	t.true(lines.indexOf(breachedRows[1] ?? '') < lines.findIndex(line => line.startsWith('<details>')), 'breached before the folded ones');
	t.true(reports.markdown.includes('\\<b\\>bold\\</b\\>'), 'HTML in a note is shown, not rendered');
	for (const row of lines.filter(line => line.startsWith('| ') && !line.startsWith('| ---'))) {
		const header = lines.find(line => line.startsWith('| ') && line.split(/(?<!\\)\|/).length === row.split(/(?<!\\)\|/).length);
		t.truthy(header, `a row with as many cells as a header: ${row}`);
	}

	t.true(Buffer.byteLength(reports.markdown) < 64 * 1024);
});

test('a pipe or a line break in a value stays inside its Markdown cell', t => {
	const tricky = recordedRun({verdict: {...verdict, budgets: verdict.budgets.map(budget => ({...budget, note: 'a | b\nc'}))}});
	const markdown = renderReports(tricky, {secretValues: []}).markdown;
	t.true(markdown.includes('a \\| b c'));
});

test('HTML: one page, no outside resources, text escaped, the chart data readable back', t => {
	const {html} = reports;
	t.is(html.match(/<script\b/g)?.length, 3, 'the data, uPlot and the page script: no injected script');
	t.false(/<(?:script|img|link|iframe)[^>]*\s(?:src|href)=/i.test(html), 'nothing loaded from elsewhere');
	t.true(html.includes('no check ran: the probe &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; never started'));
	t.regex(html, /<div id="verdict" class="verdict verdict-breached">BREACHED: 2 of 7 budgets breached, 1 not evaluated<\/div>/);
	const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
	const data = JSON.parse(json) as {times: number[]; start: number; services: Array<{name: string}>};
	t.is(data.start, start / 1000);
	t.deepEqual(data.services.map(service => service.name), ['postgres', 'redis', 'web']);
	t.true(html.includes('uPlot 1.6.32, MIT License'));
});

test('the same run gives the same reports (a pure function of the record)', t => {
	t.deepEqual(renderReports(run, {secretValues: [secret]}), reports);
});

test('a run killed before it could write its end still reports, saying so', t => {
	const killed = recordedRun({end: null, verdict: {...verdict, run: {...verdict.run, endedAt: null, endReason: null}}});
	const texts = renderReports(killed, {secretValues: []});
	t.regex(texts.markdown, /from 2026-12-01T09:00:00Z \(no end recorded\)/);
	t.true(texts.html.includes('no end recorded (killed, or still running)'));
	t.regex(texts.junit, /<property name="endReason" value="none recorded"\/>/);
});
