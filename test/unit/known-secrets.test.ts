import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {knownSecretValues, secretMasker} from '../../source/stack/known-secrets.js';
import {LogBuffer} from '../../source/stack/log-buffer.js';
import {maskText} from '../../source/stack/mask.js';

const directory = mkdtempSync(path.join(tmpdir(), 'stt-known-secrets-'));
test.after.always(() => rmSync(directory, {recursive: true, force: true}));
const envFile = path.join(directory, '.env');
writeFileSync(envFile, 'DB_PASSWORD=s3cr3t-hunter2\nDB_USER=postgres\nAPI_KEY=short\nGITHUB_TOKEN=ghp_abcdefgh\n');

test('the known secrets: values of secret-looking keys of the .env file and of the services\' environment, long enough to search for', t => {
	const values = knownSecretValues(envFile, [{SENTRY_DSN: 'https://k@sentry/1', LOG_LEVEL: 'debug-verbose'}], {});
	t.deepEqual(values.sort(), ['ghp_abcdefgh', 'https://k@sentry/1', 's3cr3t-hunter2']);
	t.false(values.includes('postgres'), 'a user name is no secret');
	t.false(values.includes('short'), 'too short to search for in free text');
	t.true(knownSecretValues(envFile, [], {DB_PASSWORD: 'from-the-shell-99'}).includes('from-the-shell-99'), 'the shell\'s value wins in interpolation, so it is known too');
	t.deepEqual(knownSecretValues(undefined, [], {}), []);
});

test('a log buffer with a masker stores lines with the secrets masked, after the escapes are stripped', t => {
	const buffer = new LogBuffer(undefined, secretMasker(['s3cr3t-hunter2']));
	buffer.push({service: 'db', label: 'db'}, {containerId: 'c', stream: 'stdout', time: '2024-05-01T10:00:00Z', text: 'pass s3cr3t-\u001B[31mhunter2 and postgres://u:pw@db'});
	t.is(buffer.lines('db')[0]?.text, `pass ${maskText} and postgres://u:${maskText}@db`);
});
