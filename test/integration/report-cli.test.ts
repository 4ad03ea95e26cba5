import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {writeSyntheticRecord} from '../helpers/synthetic-record.js';

const capturedRun = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/soak/demo-run');

const root = mkdtempSync(path.join(tmpdir(), 'stt-report-cli-'));

test.after.always(() => {
	rmSync(root, {recursive: true, force: true});
});

test('a breached run: the four reports beside the record, a verdict line, exit 1', async t => {
	const directory = path.join(root, 'breached');
	await writeSyntheticRecord(directory, {hours: 2, containers: 3});
	const result = await runCli(['report', directory]);
	t.is(result.code, 1, result.stderr);
	t.is(result.stderr, '');
	t.is(
		result.stdout,
		[`BREACHED: 1 of 3 budgets breached over 2h00m of synthetic`, ...['report.json', 'report.md', 'report.junit.xml', 'report.html'].map(file => `  ${path.join(directory, file)}`), ''].join('\n'),
	);
	const report = JSON.parse(readFileSync(path.join(directory, 'report.json'), 'utf8')) as {status: string; budgets: Array<{id: string; status: string}>};
	t.is(report.status, 'breached');
	t.deepEqual(report.budgets.map(budget => `${budget.id} ${budget.status}`), ['memory:service-00 breached', 'memory:service-01 held', 'memory:service-02 held']);
	t.regex(readFileSync(path.join(directory, 'report.junit.xml'), 'utf8'), /tests="3" failures="1"/);
});

test('a profile name with terminal escapes reaches the terminal without them', async t => {
	const directory = path.join(root, 'escapes');
	await writeSyntheticRecord(directory, {hours: 1, containers: 1, isBreached: false, profileName: 'evil\u001B]0;pwned\u0007\u001B[2J'});
	const result = await runCli(['report', directory]);
	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /^HELD: 0 of 1 budgets breached over 1h00m of evil/);
	t.false(result.stdout.includes('\u001B'), JSON.stringify(result.stdout));
	t.false(result.stdout.includes('\u0007'));
});

test('a run whose budgets all held exits 0', async t => {
	const directory = path.join(root, 'held');
	await writeSyntheticRecord(directory, {hours: 1, containers: 2, isBreached: false});
	const result = await runCli(['report', directory]);
	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /^HELD: 0 of 2 budgets breached over 1h00m of synthetic\n/);
	t.regex(readFileSync(path.join(directory, 'report.md'), 'utf8'), /^## ✅ stacktui soak: HELD — synthetic\n/);
});

test('no record, no directory, a file or no argument: one line, exit 2', async t => {
	const empty = path.join(root, 'empty');
	mkdirSync(empty);
	const file = path.join(root, 'file.txt');
	writeFileSync(file, 'x');
	const cases: Array<[string[], RegExp]> = [
		[['report', path.join(root, 'missing')], /^stacktui: report: \S+missing: no such directory\n$/],
		[['report', file], /^stacktui: report: \S+file\.txt: not a directory \(give the directory that holds record\.ndjson\)\n$/],
		[['report', empty], /^stacktui: report: \S+empty: no stacktui record here \(expected \S+record\.ndjson starting with a run line\)\n$/],
		[['report'], /^stacktui: report: which record\? stacktui report DIR \(the directory given to --record\)\n$/],
	];
	for (const [args, expected] of cases) {
		const result = await runCli(args);
		t.is(result.code, 2, args.join(' '));
		t.regex(result.stderr, expected);
		t.is(result.stdout, '');
	}
});

test('a record captured from a real soak (demo profile, cache pushed over 64MiB): exit 1, the breach named in every report', async t => {
	const directory = path.join(root, 'captured');
	cpSync(capturedRun, directory, {recursive: true});
	const result = await runCli(['report', directory]);
	t.is(result.code, 1, result.stderr);
	t.regex(result.stdout, /^BREACHED: 1 of 12 budgets breached over 2m00s of demo\n/);
	const read = (file: string) => readFileSync(path.join(directory, file), 'utf8');
	const report = JSON.parse(read('report.json')) as {budgets: Array<{id: string; status: string; observedText: string}>};
	t.deepEqual(report.budgets.filter(budget => budget.status === 'breached').map(budget => budget.id), ['memory:cache']);
	t.regex(read('report.junit.xml'), /<testcase classname="stacktui soak demo\.memory" name="memory:cache: cache memory at most 64MiB" time="[\d.]+">\n {6}<failure message="cache memory at most 64MiB: observed 96\.\d+MiB, limit 64MiB"/);
	t.regex(read('report.md'), /\| ❌ \| cache memory at most 64MiB \| 64MiB \| 96\.\d+MiB \|/);
	t.regex(read('report.html'), /<div id="verdict" class="verdict verdict-breached">BREACHED: 1 of 12 budgets breached<\/div>/);
});
