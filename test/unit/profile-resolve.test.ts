import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {UsageError} from '../../source/commands/usage-error.js';
import {packageProfilesDirectory, resolveProfilePath} from '../../source/profile/resolve-profile-path.js';

const fixtures = path.resolve('test/fixtures/profiles');
const profilesDirectory = path.join(fixtures, 'good');
const root = path.resolve('.');

test('a path is taken relative to the working directory', t => {
	t.is(resolveProfilePath({argument: 'good/full.yaml', cwd: fixtures, profilesDirectory}), path.join(profilesDirectory, 'full.yaml'));
	t.is(resolveProfilePath({flag: 'good/minimal.yaml', cwd: fixtures, profilesDirectory}), path.join(profilesDirectory, 'minimal.yaml'));
});

test('a bare name is looked up in the profiles directory', t => {
	t.is(resolveProfilePath({argument: 'minimal', cwd: root, profilesDirectory}), path.join(profilesDirectory, 'minimal.yaml'));
});

test('a name that matches nothing lists the available profiles', t => {
	const error = t.throws(() => resolveProfilePath({argument: 'minimel', cwd: root, profilesDirectory}), {instanceOf: UsageError});
	t.is(error?.message, 'no profile "minimel" (did you mean "minimal"?); available: full, minimal (or give a path to a profile file)');
});

test('a path that does not exist is named', t => {
	const error = t.throws(() => resolveProfilePath({argument: 'nowhere/stack.yaml', cwd: root, profilesDirectory}), {instanceOf: UsageError});
	t.is(error?.message, 'profile nowhere/stack.yaml: file not found');
});

test('PROFILE and --profile together are refused', t => {
	t.throws(() => resolveProfilePath({argument: 'full', flag: 'minimal', cwd: root, profilesDirectory}), {instanceOf: UsageError});
});

test('without a profile, ./stacktui.yaml is used when present', t => {
	const cwd = path.join(fixtures, 'local-stack');
	t.is(resolveProfilePath({cwd, profilesDirectory}), path.join(cwd, 'stacktui.yaml'));
});

test('without a profile, ./stacktui.yml counts too', t => {
	const cwd = mkdtempSync(path.join(tmpdir(), 'stacktui-resolve-'));
	t.teardown(() => rmSync(cwd, {recursive: true, force: true}));
	writeFileSync(path.join(cwd, 'stacktui.yml'), 'compose: compose.yaml\n');
	t.is(resolveProfilePath({cwd, profilesDirectory}), path.join(cwd, 'stacktui.yml'));
});

test('without a profile or a local stacktui.yaml, the demo profile of the package is used', t => {
	t.is(resolveProfilePath({cwd: profilesDirectory}), path.join(root, 'profiles/demo.yaml'));
	t.is(packageProfilesDirectory, path.join(root, 'profiles'));
});
