import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {chooseStack} from '../../source/commands/resolve-stack.js';

const root = mkdtempSync(path.join(tmpdir(), 'stt-resolve-'));
test.after.always(() => rmSync(root, {recursive: true, force: true}));

function directory(files: Record<string, string>): string {
	const made = mkdtempSync(path.join(root, 'case-'));
	for (const [file, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(made, file)), {recursive: true});
		writeFileSync(path.join(made, file), content);
	}

	return made;
}

const compose = 'services:\n  web:\n    image: nginx\n';

test('the compose file of the directory with its override file, as compose finds them', t => {
	const cwd = directory({'compose.yaml': compose, 'compose.override.yaml': '', 'docker-compose.yml': compose});
	t.deepEqual(chooseStack({cwd, environment: {}}), {kind: 'compose', files: [path.join(cwd, 'compose.yaml'), path.join(cwd, 'compose.override.yaml')]});
});

test('a parent directory\'s compose file when the directory has none', t => {
	const cwd = directory({'docker-compose.yml': compose, 'a/b/notes.txt': ''});
	t.deepEqual(chooseStack({cwd: path.join(cwd, 'a/b'), environment: {}}), {kind: 'compose', files: [path.join(cwd, 'docker-compose.yml')]});
});

test('./stacktui.yaml before the compose files; -f replaces its compose files', t => {
	const cwd = directory({'compose.yaml': compose, 'stacktui.yaml': 'compose: compose.yaml\n', 'other.yml': compose});
	t.deepEqual(chooseStack({cwd, environment: {}}), {kind: 'profile', file: path.join(cwd, 'stacktui.yaml'), files: undefined});
	t.deepEqual(chooseStack({cwd, files: ['other.yml'], environment: {}}), {kind: 'profile', file: path.join(cwd, 'stacktui.yaml'), files: [path.join(cwd, 'other.yml')]});
});

test('a compose file given as PROFILE is read as a compose file, not a profile', t => {
	const cwd = directory({'stack.yml': compose});
	t.deepEqual(chooseStack({cwd, argument: 'stack.yml', environment: {}}), {kind: 'compose', files: [path.join(cwd, 'stack.yml')]});
});

test('COMPOSE_FILE over the directory\'s files', t => {
	const cwd = directory({'compose.yaml': compose, 'a.yml': compose, 'b.yml': compose});
	t.deepEqual(chooseStack({cwd, environment: {COMPOSE_FILE: 'a.yml:b.yml'}}), {kind: 'compose', files: [path.join(cwd, 'a.yml'), path.join(cwd, 'b.yml')]});
});

test('no files: -p NAME alone is the running project; nothing at all is nothing (never the demo)', t => {
	const cwd = directory({'notes.txt': ''});
	t.deepEqual(chooseStack({cwd, project: 'shop', environment: {}}), {kind: 'project', project: 'shop'});
	t.deepEqual(chooseStack({cwd, environment: {}}), {kind: 'nothing'});
});
