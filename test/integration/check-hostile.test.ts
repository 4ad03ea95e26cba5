import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {runCli} from '../helpers/cli.js';

/**
 * What a repository a user clones could put in a profile or a compose file to act on the
 * terminal running `stacktui check`: write its clipboard (OSC 52), retitle its window (OSC 0),
 * clear it through a C1 CSI, or reorder the text that follows (bidi override and isolate).
 */
const hostile = {
	clipboard: '\u001B]52;c;cHduZWQ=\u0007',
	title: '\u001B]0;pwned\u0007',
	c1: '\u009B2J\u009D0;pwned\u009C',
	bidi: '\u202Eevil\u2066',
};
const all = Object.values(hostile).join('');
/** Bytes a terminal would act on: ESC and BEL, the C1 controls, the bidi controls. */
const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const directory = mkdtempSync(path.join(tmpdir(), 'stt-check-hostile-'));
test.after.always(() => rmSync(directory, {recursive: true, force: true}));

const compose = `services:\n  web:\n    image: stacktui-test/busybox:1\n`;
writeFileSync(path.join(directory, 'docker-compose.yml'), compose);

/** A profile file in the test's directory; `body` is YAML, with the hostile text in JSON-escaped strings. */
function profile(name: string, body: string): string {
	const file = path.join(directory, name);
	writeFileSync(file, body);
	return file;
}

const quoted = (text: string) => JSON.stringify(text);

function assertClean(t: import('ava').ExecutionContext, output: string, what: string) {
	const match = unsafe.exec(output);
	t.is(match, null, `${what}: U+${match?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} at ${match?.index} in ${JSON.stringify(output)}`);
}

const cases: ReadonlyArray<readonly [string, string, number]> = [
	['name', `name: ${quoted(`shop${all}`)}\nproject: shop\ncompose: docker-compose.yml\n`, 0],
	['description', `name: shop\ndescription: ${quoted(all)}\ncompose: docker-compose.yml\n`, 0],
	['a link', `name: shop\ncompose: docker-compose.yml\nlinks:\n  web: ${quoted(`http://x/${all}`)}\n`, 0],
	['an unknown key', `name: shop\ncompose: docker-compose.yml\n${quoted(`refresh${all}`)}: 1s\n`, 2],
	['the compose: path', `name: shop\ncompose: ${quoted(`missing${all}.yml`)}\n`, 2],
	['a service name in budgets', `name: shop\ncompose: docker-compose.yml\nbudgets:\n  services:\n    ${quoted(`web${all}`)}: {memory: 1GiB}\n`, 2],
	['a bad value', `name: shop\ncompose: docker-compose.yml\nrefresh: ${quoted(`1s${all}`)}\n`, 2],
];

for (const [what, body, code] of cases) {
	test.serial(`check prints ${what} holding terminal escapes without a byte a terminal acts on`, async t => {
		const file = profile(`${what.replaceAll(/\W/g, '-')}.yaml`, body);
		const result = await runCli(['check', file]);
		t.is(result.code, code, result.stdout + result.stderr);
		t.true(result.stdout.length + result.stderr.length > 0);
		assertClean(t, result.stdout, 'stdout');
		assertClean(t, result.stderr, 'stderr');
		t.false((result.stdout + result.stderr).includes('pwned\u0007'));
	});
}

test.serial('check with a hostile name shows the name\'s text, each bidi control as a visible U+FFFD', async t => {
	const result = await runCli(['check', profile('visible.yaml', `name: ${quoted(`shop${hostile.bidi}`)}\nproject: shop\ncompose: docker-compose.yml\n`)]);
	t.is(result.code, 0, result.stderr);
	t.regex(result.stdout, /^profile {3}shop\uFFFDevil\uFFFD \(/m);
});

test.serial('a compose file in a directory named with escapes: the summary prints its path clean', async t => {
	const named = path.join(directory, `stack${hostile.title}`);
	const {mkdirSync} = await import('node:fs');
	mkdirSync(named);
	writeFileSync(path.join(named, 'docker-compose.yml'), compose);
	const result = await runCli(['check', profile('path.yaml', `name: shop\ncompose: ${quoted(`stack${hostile.title}/docker-compose.yml`)}\n`)]);
	t.is(result.code, 0, result.stderr);
	assertClean(t, result.stdout, 'stdout');
	t.regex(result.stdout, /^compose {3}.*stack\/docker-compose\.yml$/m, 'the title sequence is gone, the rest of the path stays');
});

test.serial('check --json keeps the data exactly, every unsafe character written as a \\u escape', async t => {
	const name = `shop${all}`;
	const result = await runCli(['check', '--json', profile('json.yaml', `name: ${quoted(name)}\nproject: shop\ncompose: docker-compose.yml\ndescription: ${quoted(all)}\n`)]);
	t.is(result.code, 0, result.stderr);
	assertClean(t, result.stdout.replaceAll('\n', ' '), 'stdout');
	const report = JSON.parse(result.stdout) as {name: string; description: string};
	t.is(report.name, name);
	t.is(report.description, all);

	const failed = await runCli(['check', '--json', profile('json-bad.yaml', `name: shop\ncompose: docker-compose.yml\n${quoted(`refresh${all}`)}: 1s\n`)]);
	t.is(failed.code, 2);
	assertClean(t, failed.stdout.replaceAll('\n', ' '), 'stdout of a failed check');
	assertClean(t, failed.stderr, 'stderr of a failed check');
});
