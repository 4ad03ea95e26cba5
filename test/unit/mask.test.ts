import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test from 'ava';
import {isSecretKey, maskEnvironment, maskSecrets, maskText, noSecrets, readEnvSecrets} from '../../source/stack/mask.js';

const pairs = (entries: Record<string, string>) => Object.entries(entries).map(([key, value]) => ({key, value}));
const values = (masked: ReadonlyArray<{key: string; value: string}>) => Object.fromEntries(masked.map(pair => [pair.key, pair.value]));

test('keys that look secret, by word or name part; look-alikes are not', t => {
	for (const key of ['DB_PASSWORD', 'POSTGRES_PASSWD', 'CLIENT_SECRET', 'GITHUB_TOKEN', 'API_KEY', 'apiKey', 'AWS_SECRET_ACCESS_KEY', 'SSH_PRIVATE_KEY', 'GOOGLE_CREDENTIALS', 'BASIC_AUTH', 'SENTRY_DSN', 'dbPassword', 'ACCESSKEY']) {
		t.true(isSecretKey(key), key);
	}

	for (const key of ['PATH', 'PWD', 'HOME', 'AUTHOR', 'MONKEY_MODE', 'KEYBOARD', 'HOSTNAME', 'LOG_LEVEL', 'PASSENGER_COUNT']) {
		t.false(isSecretKey(key), key);
	}
});

test('a secret-looking key masks the whole value with a mask that hides the length', t => {
	const masked = maskEnvironment(pairs({DB_PASSWORD: 'x', API_KEY: 'a-much-longer-secret-value', LOG_LEVEL: 'debug', EMPTY_TOKEN: ''}), noSecrets);
	t.deepEqual(values(masked), {DB_PASSWORD: maskText, API_KEY: maskText, LOG_LEVEL: 'debug', EMPTY_TOKEN: ''});
	t.deepEqual(masked.map(pair => pair.isMasked), [true, true, false, false]);
});

test('keys and values from the .env file are secrets: whole values, and values inside other values', t => {
	const secrets = {secretKeys: ['SHOP_CODE'], secretValues: ['zebra-crossing-42']};
	const masked = maskEnvironment(pairs({SHOP_CODE: 'anything', COPY: 'zebra-crossing-42', OPTS: '-Dcode=zebra-crossing-42 -Xmx1g', OTHER: 'zebra'}), secrets);
	t.deepEqual(values(masked), {SHOP_CODE: maskText, COPY: maskText, OPTS: `-Dcode=${maskText} -Xmx1g`, OTHER: 'zebra'});
});

test('values shorter than six characters are masked under their own key only, not searched for elsewhere', t => {
	const masked = maskEnvironment(pairs({PORT: '8080', URL: 'http://localhost:8080/'}), {secretKeys: ['PORT'], secretValues: ['8080']});
	t.deepEqual(values(masked), {PORT: maskText, URL: 'http://localhost:8080/'});
});

test('URLs and DSNs with user:password@ keep all but the password', t => {
	t.is(maskSecrets('postgresql://user:pass@host:5432/db', []), `postgresql://user:${maskText}@host:5432/db`);
	t.is(maskSecrets('redis://:s3cr3t@cache:6379/0', []), `redis://:${maskText}@cache:6379/0`);
	t.is(maskSecrets('amqp://guest:p%40ss@rabbit', []), `amqp://guest:${maskText}@rabbit`);
	t.is(maskSecrets('see https://a:b@x and ftp://c:d@y', []), `see https://a:${maskText}@x and ftp://c:${maskText}@y`);
	t.is(maskSecrets('http://host:8080/path', []), 'http://host:8080/path', 'a port is not a password');
	t.is(maskSecrets('https://token@sentry.io/1', []), 'https://token@sentry.io/1', 'no password part, nothing to mask');
});

test('password= pairs in key=value connection strings', t => {
	t.is(maskSecrets('host=db user=app password=hunter2 dbname=shop', []), `host=db user=app password=${maskText} dbname=shop`);
	t.is(maskSecrets('Server=db;User Id=sa;Password=Str0ng!;', []), `Server=db;User Id=sa;Password=${maskText};`);
	t.is(maskSecrets('jdbc:mysql://db/shop?user=app&password=hunter2&ssl=true', []), `jdbc:mysql://db/shop?user=app&password=${maskText}&ssl=true`);
});

test('values of secret keys are searched for in the other values of the same environment', t => {
	const masked = maskEnvironment(pairs({POSTGRES_PASSWORD: 'correct-horse', JAVA_OPTS: '-Ddb.pass=correct-horse'}), noSecrets);
	t.is(values(masked)['JAVA_OPTS'], `-Ddb.pass=${maskText}`);
});

test('a longer secret containing a shorter one is masked whole', t => {
	t.is(maskSecrets('token=abcdef-123456 end', ['abcdef', 'abcdef-123456']), `token=${maskText} end`);
});

test('readEnvSecrets reads the .env file through the compose parser; the shell value counts too', t => {
	const directory = mkdtempSync(join(tmpdir(), 'stacktui-mask-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const file = join(directory, '.env');
	writeFileSync(file, '# secrets\nexport DB_PASS="quoted value"\nSHOP_CODE=zebra-crossing-42 # comment\nURL=pg://app:${DB_PASS}@db\nEMPTY=\n');
	const secrets = readEnvSecrets(file, {SHOP_CODE: 'from-the-shell'});
	t.deepEqual(secrets.secretKeys, ['DB_PASS', 'SHOP_CODE', 'URL', 'EMPTY']);
	t.deepEqual([...secrets.secretValues].sort(), ['from-the-shell', 'pg://app:quoted value@db', 'quoted value', 'zebra-crossing-42']);
});

test('a .env file the compose parser rejects is still read, so masking never fails open; no file gives none', t => {
	const directory = mkdtempSync(join(tmpdir(), 'stacktui-mask-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const file = join(directory, '.env');
	writeFileSync(file, 'TOKEN_A=\'abcdefgh\'\nthis line is not valid\nB=unterminated "quote\n');
	t.deepEqual(readEnvSecrets(file, {}), {secretKeys: ['TOKEN_A', 'B'], secretValues: ['abcdefgh', 'unterminated "quote']});
	t.deepEqual(readEnvSecrets(join(directory, 'missing.env'), {}), noSecrets);
	t.deepEqual(readEnvSecrets(undefined), noSecrets);
});
