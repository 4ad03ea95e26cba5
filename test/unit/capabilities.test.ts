import {readFileSync} from 'node:fs';
import test from 'ava';
import {detectCapabilities, type EngineFacts, execCommandFor} from '../../source/engine/capabilities.js';

/** GET /version, /info and /libpod/info as Docker 20.10 and Podman 4.3.1 (rootful and rootless) answered them here. */
function fixture(name: string): never {
	return JSON.parse(readFileSync(new URL(`../fixtures/engine/${name}.json`, import.meta.url), 'utf8')) as never;
}

const docker: EngineFacts = {version: fixture('docker-version'), info: fixture('docker-info'), address: 'unix:///var/run/docker.sock'};
const podman: EngineFacts = {
	version: fixture('podman-version'),
	info: fixture('podman-info'),
	libpodInfo: fixture('podman-libpod-info'),
	address: 'unix:///run/podman/podman.sock',
};
const rootless: EngineFacts = {
	version: fixture('podman-rootless-version'),
	info: fixture('podman-rootless-info'),
	libpodInfo: fixture('podman-rootless-libpod-info'),
	address: 'unix:///run/user/1001/podman/podman.sock',
};

test('Docker: health events with their status, its own stats stream, cgroup files readable on a local socket', t => {
	const capabilities = detectCapabilities(docker);
	t.like(capabilities, {
		product: 'Docker',
		version: '20.10.24+dfsg1',
		apiVersion: '1.41',
		cgroupVersion: '1',
		isRootless: false,
		hasHealthEvents: true,
		statsSource: 'docker-stream',
		hasLibpodApi: false,
		canReadCgroupFiles: true,
	});
	t.deepEqual(capabilities.notes, []);
});

test('Podman 4.3 rootful: health polled, libpod stats, cgroup files readable', t => {
	t.like(detectCapabilities(podman), {
		product: 'Podman',
		version: '4.3.1',
		apiVersion: '1.41',
		isRootless: false,
		hasHealthEvents: false,
		statsSource: 'libpod-stream',
		hasLibpodApi: true,
		canReadCgroupFiles: true,
	});
});

test('Podman rootless on cgroup v1: no stats, no cgroup files; rootless read from libpod info (compat info omits it)', t => {
	const capabilities = detectCapabilities(rootless);
	t.like(capabilities, {isRootless: true, statsSource: 'none', canReadCgroupFiles: false, hasHealthEvents: false});
	t.true(capabilities.notes.some(note => note.includes('no CPU or memory')));
	t.regex(capabilities.noStatsReason ?? '', /^no CPU or memory: rootless Podman on cgroup v1/);
	t.is(detectCapabilities(podman).noStatsReason, undefined);
	// The same engine on cgroup v2 has stats.
	t.is(detectCapabilities({...rootless, info: {...rootless.info, CgroupVersion: '2'}}).statsSource, 'libpod-stream');
});

test('an engine on another host is never read through cgroup files; rootless Docker says so in SecurityOptions', t => {
	t.false(detectCapabilities({...docker, address: 'tcp://10.0.0.2:2376'}).canReadCgroupFiles);
	t.false(detectCapabilities({...podman, address: 'ssh://user@host'}).canReadCgroupFiles);
	const rootlessDocker = detectCapabilities({...docker, info: {...docker.info, SecurityOptions: ['name=seccomp,profile=default', 'name=rootless']}});
	t.like(rootlessDocker, {isRootless: true, canReadCgroupFiles: false, hasHealthEvents: true});
});

test('exec commands name the engine address: docker first, podman as the fallback on Podman', t => {
	const commands = detectCapabilities(podman).execCommands.map(template => execCommandFor(template, 'unix:///run/podman/podman.sock'));
	t.deepEqual(commands, [
		['docker', '--host', 'unix:///run/podman/podman.sock'],
		['podman', '--url', 'unix:///run/podman/podman.sock'],
	]);
	t.is(detectCapabilities(docker).execCommands.length, 1);
});
