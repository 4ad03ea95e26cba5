import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {chartColors} from '../../source/soak/report/page-style.js';
import {writeReports} from '../../source/soak/report/index.js';
import {type Box, countColour, distinctColours, HeadlessChromium} from '../helpers/chromium.js';
import {reportTools} from '../helpers/report-tools.js';
import {recordedRun} from '../fixtures/soak-report/recorded-run.js';

const directory = mkdtempSync(path.join(tmpdir(), 'stt-report-'));
const chromium = new HeadlessChromium((await reportTools()).chromium, 1280, 3200);
await writeReports(directory, recordedRun(), {secretValues: []});
const page = path.join(directory, 'report.html');

test.after.always(() => {
	rmSync(directory, {recursive: true, force: true});
});

type Layout = Array<Box & {subject: string; resource: string}>;

function hex(colour: string): [number, number, number] {
	return [1, 3, 5].map(start => Number.parseInt(colour.slice(start, start + 2), 16)) as [number, number, number];
}

/** An rgba() colour painted over white, as the screenshot shows it. */
function overWhite(rgba: string): [number, number, number] {
	const [red = 0, green = 0, blue = 0, alpha = 1] = (/rgba\(([^)]+)\)/.exec(rgba)?.[1] ?? '').split(',').map(Number);
	return [red, green, blue].map(channel => Math.round(255 - alpha * (255 - channel))) as [number, number, number];
}

test('the page runs its scripts in Chromium: the verdict shows, every chart is drawn, nothing logged an error', async t => {
	const {dom, log} = await chromium.dumpDom(page);
	t.regex(dom, /<div id="verdict" class="verdict verdict-breached">BREACHED: 2 of 7 budgets breached, 1 not evaluated<\/div>/);
	t.regex(dom, /<html lang="en" data-charts="8"/, 'the stack and three services, memory and CPU each');
	t.is(dom.match(/<canvas/g)?.length, 8);
	t.false(/Uncaught|CONSOLE\(\d+\).*Error/i.test(log), log.split('\n').filter(line => /console|uncaught/i.test(line)).join('\n'));
});

test('the screenshot shows the charts: data, the budget line in its colour, the breach shaded; none where there is no budget', async t => {
	const {dom} = await chromium.dumpDom(page);
	const layout = JSON.parse((/data-chart-layout="([^"]*)"/.exec(dom)?.[1] ?? '[]').replaceAll('&quot;', '"')) as Layout;
	const png = await chromium.screenshot(page, path.join(directory, 'report.png'));
	const box = (subject: string, resource: string) => {
		const found = layout.find(entry => entry.subject === subject && entry.resource === resource);
		if (found === undefined) throw new Error(`no ${subject} ${resource} chart in ${JSON.stringify(layout)}`);
		return found;
	};

	const postgresMemory = box('postgres', 'memory');
	t.true(postgresMemory.y + postgresMemory.height < png.height, 'the chart is inside the screenshot');
	t.true(distinctColours(png, postgresMemory) > 20, 'not blank');
	t.true(countColour(png, postgresMemory, hex(chartColors.budget), 8) > 300, 'the budget lines, idle and load');
	t.true(countColour(png, postgresMemory, hex(chartColors.memory.line), 8) > 300, 'the mean memory line');
	t.true(countColour(png, postgresMemory, overWhite(chartColors.breach), 3) > 2000, 'the breach from 09:10 to 09:18 shaded');
	t.true(countColour(png, box('redis', 'memory'), hex(chartColors.leak), 30) > 100, 'the leak slope');
	const postgresCpu = box('postgres', 'cpu');
	t.true(countColour(png, postgresCpu, hex(chartColors.cpu.line), 8) > 300, 'the CPU line');
	// web has no CPU budget and no breach: neither colour may appear, or the checks above prove nothing.
	const webCpu = box('web', 'cpu');
	t.true(distinctColours(png, webCpu) > 20);
	t.is(countColour(png, webCpu, hex(chartColors.budget), 8), 0);
	t.is(countColour(png, webCpu, overWhite(chartColors.breach), 1), 0);
});

test('the JUnit XML is well-formed: Chromium\'s XML parser reads it without an error', async t => {
	const {dom} = await chromium.dumpDom(path.join(directory, 'report.junit.xml'));
	t.false(dom.includes('parsererror'), dom.slice(0, 2000));
	t.true(dom.includes('memory:postgres@idle: postgres memory while idle at most 200MiB'));
	// The check can fail: a file with a broken tag is reported.
	const broken = path.join(directory, 'broken.xml');
	writeFileSync(broken, '<testsuites><testcase></testsuites>');
	t.true((await chromium.dumpDom(broken)).dom.includes('parsererror'));
});

test('a report of a real soak record (captured): every chart drawn, the cache breach shaded under its budget line', async t => {
	const captured = path.join(directory, 'captured');
	cpSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/soak/demo-run'), captured, {recursive: true});
	await writeReports(captured, undefined, {secretValues: []});
	const file = path.join(captured, 'report.html');
	const {dom, log} = await chromium.dumpDom(file);
	t.regex(dom, /data-charts="14"/, 'the stack and six services, memory and CPU each');
	t.false(/Uncaught/.test(log));
	const layout = JSON.parse((/data-chart-layout="([^"]*)"/.exec(dom)?.[1] ?? '[]').replaceAll('&quot;', '"')) as Layout;
	const cache = layout.find(entry => entry.subject === 'cache' && entry.resource === 'memory');
	if (cache === undefined) throw new Error('no cache memory chart');
	const png = await chromium.screenshot(file, path.join(captured, 'report.png'));
	t.true(countColour(png, cache, hex(chartColors.budget), 8) > 200, 'the 64MiB budget line');
	t.true(countColour(png, cache, overWhite(chartColors.breach), 3) > 2000, 'the breach shaded');
});
