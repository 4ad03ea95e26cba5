import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {containerSpec} from '../../source/engine/create.js';
import {tarArchive} from '../../source/engine/tar.js';
import {composeProject, composeService, emptyRuntime} from '../helpers/compose-project.js';

const base = {image: 'stacktui-test/busybox:1', containerName: 'shop_web_1'};
const ids: Record<string, string> = {db: 'f00d', data: 'beef', vpn: 'cafe'};

test('runtime keys become the HostConfig docker compose v2 fills', t => {
	const service = composeService('web', {
		runtime: {
			...emptyRuntime,
			capAdd: ['net_admin'],
			capDrop: ['ALL'],
			hostname: 'web-host',
			isReadOnly: true,
			hasInit: true,
			tmpfs: {'/run': '', '/scratch': 'size=8m'},
			ulimits: [{name: 'nofile', soft: 1024, hard: 2048}],
			sysctls: {'net.core.somaxconn': '511'},
			devices: [{host: '/dev/fuse', container: '/dev/fuse', permissions: 'rwm'}],
			dns: ['10.0.0.2'],
			expose: ['3000', '4000/udp'],
			modes: {ipc: 'service:vpn', pid: 'host'},
			limits: {shmSize: 67_108_864, pidsLimit: 100},
			logging: {driver: 'json-file', options: {'max-size': '10m'}},
			volumesFrom: ['data:ro', 'container:other'],
		},
	});
	const {options} = containerSpec(service, {project: composeProject('shop', [service]), ...base, containerIdOf: name => ids[name]});
	const host = options.HostConfig as Record<string, unknown>;
	t.deepEqual(host['CapAdd'], ['CAP_NET_ADMIN'], 'capabilities as the Docker client sends them');
	t.deepEqual(host['CapDrop'], ['ALL']);
	t.is(options.Hostname, 'web-host');
	t.true(host['ReadonlyRootfs'] as boolean);
	t.true(host['Init'] as boolean);
	t.deepEqual(host['Tmpfs'], {'/run': '', '/scratch': 'size=8m'});
	t.deepEqual(host['Ulimits'], [{Name: 'nofile', Soft: 1024, Hard: 2048}]);
	t.deepEqual(host['Sysctls'], {'net.core.somaxconn': '511'});
	t.deepEqual(host['Devices'], [{PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm'}]);
	t.deepEqual(host['Dns'], ['10.0.0.2']);
	t.deepEqual(Object.keys(options.ExposedPorts ?? {}).sort(), ['3000/tcp', '4000/udp']);
	t.is(host['IpcMode'], 'container:cafe', 'service:NAME is that service\'s container');
	t.is(host['PidMode'], 'host');
	t.is(host['ShmSize'], 67_108_864);
	t.is(host['PidsLimit'], 100);
	t.deepEqual(host['LogConfig'], {Type: 'json-file', Config: {'max-size': '10m'}});
	t.deepEqual(host['VolumesFrom'], ['beef:ro', 'other']);
	t.false('Privileged' in host, 'a key the file does not set is left out');
});

test('links are endpoint links on the first network; file secrets and configs are read-only binds', t => {
	const service = composeService('web', {
		runtime: {...emptyRuntime, links: [{service: 'db', alias: 'database'}]},
		secrets: [{source: 'token', target: '/run/secrets/token', uid: undefined, gid: undefined, mode: undefined}, {source: 'key', target: '/run/secrets/key', uid: undefined, gid: undefined, mode: 0o400}],
		configs: [{source: 'site', target: '/site', uid: undefined, gid: undefined, mode: undefined}],
	});
	const project = composeProject('shop', [service], {
		secrets: {token: {name: 'shop_token', source: {kind: 'file', path: '/srv/token.txt'}}, key: {name: 'shop_key', source: {kind: 'environment', variable: 'KEY', value: 'k'}}},
		configs: {site: {name: 'shop_site', source: {kind: 'file', path: '/srv/site.conf'}}},
	});
	const {options} = containerSpec(service, {project, ...base, containerIdOf: name => ids[name]});
	t.deepEqual(options.NetworkingConfig?.EndpointsConfig?.['shop_default']?.Links, ['f00d:database']);
	t.false('Links' in (options.HostConfig ?? {}));
	t.deepEqual(options.HostConfig?.Mounts, [
		{Type: 'bind', Source: '/srv/token.txt', Target: '/run/secrets/token', ReadOnly: true},
		{Type: 'bind', Source: '/srv/site.conf', Target: '/site', ReadOnly: true},
	], 'the environment secret is copied in after create, not mounted');
});

test('the tar archive of injected files reads back with tar, with modes and long paths', t => {
	const directory = mkdtempSync(path.join(tmpdir(), 'stt-tar-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	const long = `/run/${'deep/'.repeat(25)}secret.txt`;
	writeFileSync(path.join(directory, 'archive.tar'), tarArchive([
		{path: '/run/secrets/api.key', content: Buffer.from('k-123'), mode: 0o400},
		{path: long, content: Buffer.from('x'.repeat(600)), mode: 0o444},
	]));
	execFileSync('tar', ['-xf', 'archive.tar'], {cwd: directory});
	t.is(readFileSync(path.join(directory, 'run/secrets/api.key'), 'utf8'), 'k-123');
	t.is(statSync(path.join(directory, 'run/secrets/api.key')).mode & 0o777, 0o400);
	t.is(readFileSync(path.join(directory, long.slice(1)), 'utf8'), 'x'.repeat(600));
});
