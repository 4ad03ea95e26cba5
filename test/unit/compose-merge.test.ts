import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {loadComposeProject} from '../../source/compose/load.js';

const directory = fileURLToPath(new URL('../fixtures/compose/merge/', import.meta.url));
const load = (...files: string[]) =>
	loadComposeProject({files: files.map(file => path.join(directory, file)), environment: {}, display: file => path.relative(directory, file)});

test('two files merge like compose -f a -f b', t => {
	const project = loadComposeProject({files: [path.join(directory, 'compose.yml'), path.join(directory, 'compose.override.yml')], environment: {}});
	t.deepEqual(project.services.map(service => service.name), ['web', 'cache', 'worker'], 'new services come after the base ones');
	t.deepEqual(project.configFiles, [path.join(directory, 'compose.yml'), path.join(directory, 'compose.override.yml')]);
	const web = project.services[0]!;
	t.is(web.image, 'shop/web:dev', 'scalars are replaced');
	t.deepEqual(web.command, ['npm', 'run', 'dev'], 'command is replaced, not appended');
	t.deepEqual(web.environment, {MODE: 'development', KEEP: 'base', EXTRA: '1'}, 'environment merges by key, list and mapping alike');
	t.deepEqual(web.labels, {tier: 'web', debug: 'true'});
	t.deepEqual(
		web.ports.map(port => `${port.hostPort}:${port.containerPort}`),
		['8080:80', '9229:9229'],
		'ports are appended, a repeated one once',
	);
	t.deepEqual(
		web.volumes.map(volume => `${volume.type}:${volume.source}:${volume.target}`),
		[`bind:${path.join(directory, 'src')}:/var/data`, `bind:${path.join(directory, 'logs')}:/var/log/web`],
		'a volume on the same container path is replaced in its place (as docker compose config shows)',
	);
	t.deepEqual(web.dependsOn, {cache: {condition: 'service_healthy', isRequired: true}, worker: {condition: 'service_started', isRequired: true}});
	t.deepEqual(web.healthcheck, {test: ['CMD', 'curl', '-f', 'http://localhost/'], intervalNs: 5e9, timeoutNs: undefined, retries: 3, startPeriodNs: undefined});
	t.deepEqual(web.networks, {backend: {aliases: []}, frontend: {aliases: ['www']}});
	t.deepEqual(Object.values(project.networks).map(network => network.name), ['merge_backend', 'public', 'merge_default']);
	t.deepEqual(project.volumes['data']?.name, 'merge_data', 'the volume no service mounts any more is still declared');
});

test('the base file alone does not know the worker the override adds', t => {
	const project = load('compose.yml');
	t.deepEqual(Object.keys(project.services[0]!.dependsOn), ['cache']);
	t.deepEqual(project.services[0]!.command, ['npm', 'start']);
});

test('an error after merging points into the file that wrote the value', t => {
	t.throws(() => load('compose.yml', 'compose.override.yml', 'bad-port.override.yml'), {
		message: 'bad-port.override.yml:5:9: services.web.ports[3]: invalid port "80:abc": "abc" is not a container port',
	});
});
