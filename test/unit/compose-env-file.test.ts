import test from 'ava';
import {parseEnvFile, readEnvFile} from '../../source/compose/env-file.js';

const parse = (source: string, lookup: (name: string) => string | undefined = () => undefined) => parseEnvFile(source, '.env', lookup);

test('KEY=value lines, export prefix, comments and blank lines', t => {
	const source = ['# database', '', 'DB_USER=shop', 'export DB_NAME=main', '  INDENTED = spaced  ', 'EMPTY=', 'URL=http://x/#anchor'].join('\n');
	t.deepEqual(parse(source), {DB_USER: 'shop', DB_NAME: 'main', INDENTED: 'spaced', EMPTY: '', URL: 'http://x/#anchor'});
});

test('an unquoted value ends at " #"; quoted values keep "#"', t => {
	t.deepEqual(parse('LEVEL=info # the default\nHASH="a #b"\nSINGLE=\'c #d\' # comment'), {LEVEL: 'info', HASH: 'a #b', SINGLE: 'c #d'});
});

test('single quotes are literal; double quotes take escapes', t => {
	t.deepEqual(parse(String.raw`RAW='a\nb $HOME'`), {RAW: String.raw`a\nb $HOME`});
	t.deepEqual(parse(String.raw`TEXT="line\none\ttab \"quoted\" back\\slash \$HOME"`), {TEXT: 'line\none\ttab "quoted" back\\slash $HOME'});
});

test('quoted values may span lines', t => {
	t.deepEqual(parse('KEY="first\nsecond"\nNEXT=1'), {KEY: 'first\nsecond', NEXT: '1'});
	t.deepEqual(parse("PEM='-----BEGIN-----\nabc\n-----END-----'"), {PEM: '-----BEGIN-----\nabc\n-----END-----'});
});

test('${VAR} in unquoted and double-quoted values: the environment first, then earlier lines', t => {
	const lookup = (name: string) => ({HOST: 'from-environment'})[name];
	t.deepEqual(parse('USER=shop\nHOST=local\nURL=pg://${USER}@${HOST}/db\nQUOTED="${USER:-x}"\nLITERAL=\'${USER}\'', lookup), {
		USER: 'shop',
		HOST: 'local',
		URL: 'pg://shop@from-environment/db',
		QUOTED: 'shop',
		LITERAL: '${USER}',
	});
});

test('a bare KEY takes its value from the environment, or is left out', t => {
	t.deepEqual(parse('HOME\nNOT_SET', name => (name === 'HOME' ? '/root' : undefined)), {HOME: '/root'});
});

test('problems are errors at line:column', t => {
	t.throws(() => parse('A=1\nthis is not valid'), {message: '.env:2:1: invalid line, expected KEY=value'});
	t.throws(() => parse('A=1\n  BAD KEY=1'), {message: '.env:2:3: invalid variable name "BAD KEY"'});
	t.throws(() => parse('1ST=x'), {message: '.env:1:1: invalid variable name "1ST"'});
	t.throws(() => parse('A=1\nB="never closed\nC=2'), {message: '.env:2:3: unterminated double-quoted value'});
	t.throws(() => parse("B='open"), {message: '.env:1:3: unterminated single-quoted value'});
	t.throws(() => parse('B="closed" trailing'), {message: '.env:1:12: unexpected text after the closing quote'});
	t.throws(() => parse('A=1\nTOKEN=${SECRET:?is required}'), {message: '.env:2:7: required variable SECRET is missing: is required'});
});

test('readEnvFile: a missing file is an error at its start', t => {
	t.throws(() => readEnvFile('/nonexistent/.env', 'stack/.env'), {message: 'stack/.env:1:1: file not found'});
});
