import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import type {UpEvent} from '../../source/up/model.js';
import {runUp} from '../../source/up/up.js';
import {composeProject, composeService, removeComposeProject} from '../helpers/compose-project.js';
import {connectForTests, dockerCli, newProjectName} from '../helpers/engine.js';

const {docker} = await connectForTests();
const projects: string[] = [];
const images: string[] = [];
const directories: string[] = [];

test.after.always(async () => {
	await Promise.all(projects.map(async name => removeComposeProject(docker, name)));
	await Promise.all(images.map(async image => docker.getImage(image).remove({force: true}).catch(() => undefined)));
	for (const directory of directories) {
		rmSync(directory, {recursive: true, force: true});
	}
});

function project(topic: string): string {
	const name = newProjectName(`up-${topic}`);
	projects.push(name);
	return name;
}

test('a service with build: is built from its context (.dockerignore honoured), with the steps as progress; the image\'s HEALTHCHECK is waited for', async t => {
	const name = project('build');
	images.push(`${name}_app`);
	const context = mkdtempSync(path.join(tmpdir(), 'stt-up-build-'));
	directories.push(context);
	writeFileSync(path.join(context, 'Dockerfile'), 'FROM stacktui-test/busybox:1\nCOPY . /context\nRUN test -e /context/app.txt && test ! -e /context/secret.txt\nHEALTHCHECK --interval=200ms CMD test -e /context/app.txt\nCMD ["idle"]\n');
	writeFileSync(path.join(context, 'app.txt'), 'app\n');
	writeFileSync(path.join(context, 'secret.txt'), 'do not send\n');
	writeFileSync(path.join(context, '.dockerignore'), '# not for the image\nsecret.txt\n');
	const stack = composeProject(name, [composeService('app', {image: undefined, build: {context, dockerfile: 'Dockerfile', args: {}}})]);

	const details: string[] = [];
	const started = Date.now();
	const result = await runUp(docker, stack, ['app'], {
		onChange: (_state, event: UpEvent) => event.type === 'detail' && details.push(event.detail),
	});
	t.log(`build + create + start: ${Date.now() - started} ms`);
	t.is(result.state.services['app']?.reason, undefined);
	t.true(result.isSuccess);
	t.truthy(result.state.services['app']?.phaseTimes.building);
	// Docker's builder: `Step 3/7 : RUN …`; Podman's (buildah): `STEP 3/7: RUN …` (the project and service labels add steps).
	t.true(details.some(line => /^(Step 3\/\d+ :|STEP 3\/\d+:) RUN test -e/.test(line)), details.join('\n'));
	t.is(result.state.services['app']?.target, 'healthy');
	t.is(result.state.services['app']?.phase, 'healthy');
	// Podman names the built image docker.io/library/NAME.
	t.regex((await dockerCli(['inspect', '--format', '{{.Config.Image}}', `${name}_app_1`])).trim(), new RegExp(`^(docker\\.io/library/)?${name}_app(:latest)?$`));
});

test('a failing build fails the service with the builder\'s message', async t => {
	const name = project('badbuild');
	images.push(`${name}_app`);
	const context = mkdtempSync(path.join(tmpdir(), 'stt-up-build-'));
	directories.push(context);
	writeFileSync(path.join(context, 'Dockerfile'), 'FROM stacktui-test/busybox:1\nRUN exit 7\n');
	const stack = composeProject(name, [composeService('app', {image: undefined, build: {context, dockerfile: 'Dockerfile', args: {}}})]);
	const result = await runUp(docker, stack, ['app']);
	t.false(result.isSuccess);
	t.regex(result.state.services['app']?.reason ?? '', /^build of stt-up-badbuild-\w+_app failed: .*(returned a non-zero code: 7|RUN exit 7.*exit status 7)/);
});

test('a missing image is pulled; with no registry one line names the image and dependents are blocked', async t => {
	const name = project('pull');
	const image = `stacktui-test/absent-${name}:1`;
	const stack = composeProject(name, [
		composeService('cache', {image}),
		composeService('app', {dependsOn: {cache: {condition: 'service_started', isRequired: true}}}),
	]);
	const started = Date.now();
	const result = await runUp(docker, stack, ['cache', 'app']);
	t.log(`failed pull reported after ${Date.now() - started} ms`);
	t.false(result.isSuccess);
	t.truthy(result.state.services['cache']?.phaseTimes.pulling);
	t.regex(result.state.services['cache']?.reason ?? '', new RegExp(`^image ${image} is not on this engine and no registry answered to pull it \\(`));
	t.false((result.state.services['cache']?.reason ?? '').includes('\n'));
	t.regex(result.state.services['app']?.reason ?? '', /^cache failed: image stacktui-test\/absent/);
});

test('a built image carries its project\'s label, so the cleanup that removes the project\'s containers removes it too', async t => {
	const name = newProjectName('up-built-label');
	const context = mkdtempSync(path.join(tmpdir(), 'stt-up-build-'));
	directories.push(context);
	writeFileSync(path.join(context, 'Dockerfile'), 'FROM stacktui-test/busybox:1\nCMD ["idle"]\n');
	const stack = composeProject(name, [composeService('app', {image: undefined, build: {context, dockerfile: 'Dockerfile', args: {}}})]);
	t.teardown(async () => {
		await removeComposeProject(docker, name);
		await docker.getImage(`${name}_app`).remove({force: true}).catch(() => undefined);
	});
	t.true((await runUp(docker, stack, ['app'])).isSuccess);
	const labels = (await dockerCli(['image', 'inspect', '--format', '{{json .Config.Labels}}', `${name}_app`])).trim();
	t.like(JSON.parse(labels) as Record<string, string>, {'com.docker.compose.project': name, 'com.docker.compose.service': 'app'});

	await removeComposeProject(docker, name);
	t.is((await dockerCli(['images', '--quiet', '--filter', `label=com.docker.compose.project=${name}`])).trim(), '', 'no image of the project is left');
	t.is((await dockerCli(['images', '--quiet', `${name}_app`])).trim(), '');
});
