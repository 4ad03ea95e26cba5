import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {loadComposeProject} from '../../source/compose/index.js';
import {checkProfile} from '../../source/profile/check-profile.js';
import {knownSecretValues} from '../../source/stack/known-secrets.js';
import {maskText} from '../../source/stack/mask.js';
import {StackSession} from '../../source/stack/session.js';
import {runCli} from '../helpers/cli.js';
import {removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, eventually, newProjectName} from '../helpers/engine.js';

const {docker} = await connectForTests();
const directory = mkdtempSync(path.join(tmpdir(), 'stt-secrets-'));
const project = newProjectName('secrets');
/** In the profile's .env under a secret-looking key. */
const password = 's3cr3t-hunter2-xyz';
/** Only in the compose file's environment, under a secret-looking key. */
const token = 'tok-9f8e7d6c5b';
const profile = path.join(directory, 'stacktui.yaml');
writeFileSync(path.join(directory, '.env'), `DB_PASSWORD=${password}\nDB_USER=postgres\n`);
writeFileSync(profile, `name: ${project}\ncompose: docker-compose.yml\nlinks:\n  db: postgresql://app:${password}@localhost:5432/app\n`);
writeFileSync(
	path.join(directory, 'docker-compose.yml'),
	`services:
  db:
    image: stacktui-test/busybox:1
    environment:
      DB_PASSWORD: \${DB_PASSWORD}
      DB_USER: \${DB_USER}
      API_TOKEN: ${token}
    command: ["sh", "-c", "echo \\"login $$DB_USER with $$DB_PASSWORD and $$API_TOKEN\\"; echo \\"url postgres://app:$$DB_PASSWORD@db/app\\"; exec idle"]
`,
);

test.after.always(async () => {
	await removeComposeProject(docker, project);
	rmSync(directory, {recursive: true, force: true});
});

function assertNoSecret(t: import('ava').ExecutionContext, text: string, what: string) {
	t.false(text.includes(password), `${what} shows the .env password`);
	t.false(text.includes(token), `${what} shows the compose token`);
}

test.serial('a container that echoes its secret env values: up, the log pane, check and check --json never show them', async t => {
	const up = await runCli(['up', '--profile', profile]);
	t.is(up.code, 0, up.stdout + up.stderr);
	assertNoSecret(t, up.stdout + up.stderr, 'up');

	// What the dashboard does: the secrets of the profile's .env and the services' environment, masked in the log pane.
	const loaded = checkProfile(profile).profile;
	const compose = loadComposeProject({files: loaded.composeFiles, projectName: loaded.project, ...(loaded.envFile ? {envFile: loaded.envFile} : {})});
	const session = new StackSession(docker, loaded, {}, {secretValues: knownSecretValues(loaded.envFile, compose.services.map(service => service.environment))});
	session.start();
	const source = session.createLogSource();
	t.teardown(() => {
		source.close();
		session.stop();
	});
	await eventually(() => session.view.state.containers.size === 1, 10_000, 'the container listed');
	source.sync([...session.view.state.containers.values()]);
	await eventually(() => source.buffer.size('db') >= 2, 10_000, 'both lines in the pane');
	const lines = source.buffer.lines('db').map(line => line.text);
	t.deepEqual(lines, [`login postgres with ${maskText} and ${maskText}`, `url postgres://app:${maskText}@db/app`], 'the user name stays; both secrets are masked');

	const check = await runCli(['check', profile]);
	t.is(check.code, 0, check.stderr);
	t.regex(check.stdout, new RegExp(`db: postgresql://app:${maskText}@localhost:5432/app`));
	assertNoSecret(t, check.stdout, 'check');
	const json = await runCli(['check', '--json', profile]);
	t.is(json.code, 0, json.stderr);
	assertNoSecret(t, json.stdout, 'check --json');
	t.is((JSON.parse(json.stdout) as {links: Record<string, string>}).links['db'], `postgresql://app:${maskText}@localhost:5432/app`);

	const status = await runCli(['status', '--project', project, '--json']);
	t.is(status.code, 0, status.stderr);
	assertNoSecret(t, status.stdout, 'status');
});
