import {fileURLToPath} from 'node:url';
import test from 'ava';
import {dependencyOrder} from '../../source/compose/dependencies.js';
import {loadComposeProject} from '../../source/compose/load.js';
import type {ComposeProject} from '../../source/compose/types.js';

const file = fileURLToPath(new URL('../fixtures/compose/profiles/compose.yml', import.meta.url));
const load = (activeProfiles?: string[], environment: Record<string, string> = {}) =>
	loadComposeProject({files: [file], environment, activeProfiles, display: () => 'compose.yml'});
const names = (project: ComposeProject) => ({
	active: project.services.map(service => service.name),
	disabled: project.disabledServices.map(service => service.name),
});

test('without profiles only services that have none are active', t => {
	const project = load();
	t.deepEqual(names(project), {active: ['app'], disabled: ['cache', 'debug', 'admin']});
	t.deepEqual(project.services[0]?.dependsOn, {}, 'the optional dependency on a disabled service is dropped');
	t.deepEqual(project.warnings, ['compose.yml:5:7: services.app.depends_on.cache is ignored: service "cache" is disabled: its profiles (cache) are not active']);
});

test('a profile activates every service that lists it', t => {
	t.deepEqual(names(load(['tools'])), {active: ['app', 'debug', 'admin'], disabled: ['cache']});
	t.deepEqual(names(load(['debug'])), {active: ['app', 'debug'], disabled: ['cache', 'admin']});
});

test('an active dependency is kept, and orders the start', t => {
	const project = load(['cache']);
	t.deepEqual(names(project), {active: ['app', 'cache'], disabled: ['debug', 'admin']});
	t.deepEqual(project.services[0]?.dependsOn, {cache: {condition: 'service_started', isRequired: false}});
	t.deepEqual(dependencyOrder(project).map(layer => layer.map(service => service.name)), [['cache'], ['app']]);
	t.deepEqual(project.warnings, []);
});

test('"*" activates every profile', t => {
	t.deepEqual(names(load(['*'])), {active: ['app', 'cache', 'debug', 'admin'], disabled: []});
});

test('COMPOSE_PROFILES applies when no profiles are given', t => {
	t.deepEqual(names(load(undefined, {COMPOSE_PROFILES: 'cache, debug'})), {active: ['app', 'cache', 'debug'], disabled: ['admin']});
	t.deepEqual(names(load([], {COMPOSE_PROFILES: 'cache'})), {active: ['app'], disabled: ['cache', 'debug', 'admin']}, 'given profiles win, even none');
});
