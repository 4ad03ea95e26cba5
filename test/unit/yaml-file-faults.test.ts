import {execFile} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {ConfigError} from '../../source/config/config-error.js';
import {readYamlFile} from '../../source/config/yaml-file.js';

const run = promisify(execFile);
const directory = mkdtempSync(path.join(tmpdir(), 'stt-yaml-faults-'));
test.after.always(() => {
	chmodSync(path.join(directory, 'locked'), 0o755);
	rmSync(directory, {recursive: true, force: true});
});

function failure(file: string): {message: string; milliseconds: number} {
	const started = Date.now();
	const error = (() => {
		try {
			readYamlFile(file, path.basename(file));
		} catch (error) {
			return error;
		}

		return undefined;
	})();
	if (!(error instanceof ConfigError)) {
		throw new Error(`expected a ConfigError, got ${String(error)}`);
	}

	return {message: error.message, milliseconds: Date.now() - started};
}

test('a loop of symbolic links is one line, not a crash', t => {
	symlinkSync(path.join(directory, 'loop-b'), path.join(directory, 'loop-a'));
	symlinkSync(path.join(directory, 'loop-a'), path.join(directory, 'loop-b'));
	t.is(failure(path.join(directory, 'loop-a')).message, 'loop-a:1:1: is a loop of symbolic links');
});

test('a 50 MB file is refused before it is read', t => {
	const file = path.join(directory, 'huge.yml');
	writeFileSync(file, `services:\n  web:\n    image: x\n    command: "${'a'.repeat(50 * 1024 * 1024)}"\n`);
	const {message, milliseconds} = failure(file);
	t.is(message, 'huge.yml:1:1: the file is 50 MiB, more than the 4 MiB a file may have');
	t.true(milliseconds < 1000, `${milliseconds} ms`);
});

test('200,000 aliases in a flow list stop at the 1,001st, before the file is parsed', t => {
	const file = path.join(directory, 'aliases.yml');
	writeFileSync(file, `x: &a [1]\ny: [${Array.from({length: 200_000}, () => '*a').join(', ')}]\n`);
	const {message, milliseconds} = failure(file);
	t.is(message, `aliases.yml:2:${4 + 1000 * 4 + 1}: invalid YAML: more than 1000 aliases`);
	t.true(milliseconds < 1000, `${milliseconds} ms`);
});

test('a complex key is one line at the key', t => {
	const file = path.join(directory, 'complex.yml');
	writeFileSync(file, 'services:\n  ? [a, b]\n  : {image: x}\n');
	t.is(failure(file).message, 'complex.yml:2:5: invalid YAML: a key must be a plain value, not a list or mapping');
});

// Root reads every directory, so the read runs as the nobody user in a child process.
test('a file in a directory without permission is one line naming the reason', async t => {
	mkdirSync(path.join(directory, 'locked'));
	writeFileSync(path.join(directory, 'locked', 'compose.yml'), 'services: {}\n');
	chmodSync(path.join(directory, 'locked'), 0o000);
	const dropPrivileges = process.getuid?.() === 0 ? 'process.setgroups([]); process.setgid(65534); process.setuid(65534);' : '';
	const script = [
		'const {readYamlFile} = await import("./source/config/yaml-file.ts");',
		dropPrivileges,
		`try { readYamlFile(${JSON.stringify(path.join(directory, 'locked', 'compose.yml'))}, "locked/compose.yml"); console.log("read"); }`,
		'catch (error) { console.log(error.name, error.message); }',
	].join('\n');
	const {stdout} = await run(process.execPath, ['--import=tsx', '--input-type=module', '--eval', script], {cwd: process.cwd()});
	t.is(stdout.trim(), 'ConfigError locked/compose.yml:1:1: permission denied');
});
