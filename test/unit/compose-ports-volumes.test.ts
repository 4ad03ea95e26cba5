import test from 'ava';
import {parsePortEntry} from '../../source/compose/ports.js';
import {parseVolumeEntry, volumeTarget} from '../../source/compose/volumes.js';

const port = (hostIp: string | undefined, hostPort: number | undefined, containerPort: number, protocol = 'tcp') => ({hostIp, hostPort, containerPort, protocol});

test('ports: short syntax forms', t => {
	t.deepEqual(parsePortEntry('80'), [port(undefined, undefined, 80)]);
	t.deepEqual(parsePortEntry(3000), [port(undefined, undefined, 3000)]);
	t.deepEqual(parsePortEntry('8080:80'), [port(undefined, 8080, 80)]);
	t.deepEqual(parsePortEntry('127.0.0.1:5432:5432'), [port('127.0.0.1', 5432, 5432)]);
	t.deepEqual(parsePortEntry('127.0.0.1::80'), [port('127.0.0.1', undefined, 80)]);
	t.deepEqual(parsePortEntry('[::1]:8080:80'), [port('::1', 8080, 80)]);
	t.deepEqual(parsePortEntry('53:53/udp'), [port(undefined, 53, 53, 'udp')]);
	t.deepEqual(parsePortEntry('9000-9001:9000-9001'), [port(undefined, 9000, 9000), port(undefined, 9001, 9001)]);
	t.deepEqual(parsePortEntry('7000-7002'), [port(undefined, undefined, 7000), port(undefined, undefined, 7001), port(undefined, undefined, 7002)]);
	t.deepEqual(parsePortEntry('10.0.0.1:6000-6001:7000-7001/udp'), [port('10.0.0.1', 6000, 7000, 'udp'), port('10.0.0.1', 6001, 7001, 'udp')]);
});

test('ports: long syntax', t => {
	t.deepEqual(parsePortEntry({target: 80, published: '8080', host_ip: '127.0.0.1', protocol: 'tcp', mode: 'host'}), [port('127.0.0.1', 8080, 80)]);
	t.deepEqual(parsePortEntry({target: 53, protocol: 'udp'}), [port(undefined, undefined, 53, 'udp')]);
	t.deepEqual(parsePortEntry({target: '9000-9001', published: '19000-19001'}), [port(undefined, 19_000, 9000), port(undefined, 19_001, 9001)]);
});

test('ports: invalid entries say why', t => {
	t.throws(() => parsePortEntry('8080:http'), {message: '"http" is not a container port'});
	t.throws(() => parsePortEntry('x:80'), {message: '"x" is not a host port'});
	t.throws(() => parsePortEntry('80:70000'), {message: 'container port 70000 is out of range (1-65535)'});
	t.throws(() => parsePortEntry('80/icmp'), {message: 'unknown protocol "icmp" (expected tcp, udp or sctp)'});
	t.throws(() => parsePortEntry('1:2:3:4'), {message: 'expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]'});
	t.throws(() => parsePortEntry('9000-9002:9000-9001'), {message: 'the host range has 3 ports and the container range 2'});
	t.throws(() => parsePortEntry('8000-8010:80'), {message: 'a host port range for one container port is not supported by stacktui'});
	t.throws(() => parsePortEntry('9001-9000'), {message: '"9001-9000" is an empty range'});
	t.throws(() => parsePortEntry('8080:'), {message: 'missing container port'});
	t.throws(() => parsePortEntry(true), {message: 'expected a port number, a "HOST:CONTAINER" string or a mapping'});
});

const volume = (entry: unknown) => parseVolumeEntry(entry, '/project', '/home/me');

test('volumes: short syntax forms, bind paths made absolute', t => {
	t.deepEqual(volume('data:/var/lib/x'), {mount: {type: 'volume', source: 'data', target: '/var/lib/x', isReadOnly: false}, ignoredOptions: []});
	t.deepEqual(volume('./dir:/x:ro'), {mount: {type: 'bind', source: '/project/dir', target: '/x', isReadOnly: true}, ignoredOptions: []});
	t.deepEqual(volume('../shared:/x:rw'), {mount: {type: 'bind', source: '/shared', target: '/x', isReadOnly: false}, ignoredOptions: []});
	t.deepEqual(volume('/abs:/x'), {mount: {type: 'bind', source: '/abs', target: '/x', isReadOnly: false}, ignoredOptions: []});
	t.deepEqual(volume('~/cache:/x'), {mount: {type: 'bind', source: '/home/me/cache', target: '/x', isReadOnly: false}, ignoredOptions: []});
	t.deepEqual(volume('/anonymous'), {mount: {type: 'volume', source: undefined, target: '/anonymous', isReadOnly: false}, ignoredOptions: []});
	t.deepEqual(volume('./src:/app:ro,z'), {mount: {type: 'bind', source: '/project/src', target: '/app', isReadOnly: true}, ignoredOptions: ['z']});
});

test('volumes: long syntax', t => {
	t.deepEqual(volume({type: 'bind', source: './conf', target: '/etc/app', read_only: true}).mount, {type: 'bind', source: '/project/conf', target: '/etc/app', isReadOnly: true});
	t.deepEqual(volume({type: 'volume', source: 'data', target: '/data'}).mount, {type: 'volume', source: 'data', target: '/data', isReadOnly: false});
	t.deepEqual(volume({type: 'volume', target: '/cache'}).mount, {type: 'volume', source: undefined, target: '/cache', isReadOnly: false});
	t.deepEqual(volume({type: 'tmpfs', target: '/run'}).mount, {type: 'tmpfs', source: undefined, target: '/run', isReadOnly: false});
});

test('volumes: invalid entries say why', t => {
	t.throws(() => volume('data:relative'), {message: 'the container path "relative" is not absolute'});
	t.throws(() => volume('a:/b:ro:extra'), {message: 'expected [SOURCE:]TARGET[:MODE]'});
	t.throws(() => volume('data/sub:/x'), {message: '"data/sub" is neither a volume name nor a path (write ./data/sub for a directory here)'});
	t.throws(() => volume({type: 'bind', target: '/x'}), {message: 'a bind mount needs a source'});
	t.throws(() => volume({type: 'npipe', source: 'x', target: '/x'}), {message: 'mount type "npipe" is not supported by stacktui (bind, volume or tmpfs)'});
});

test('volumeTarget finds the container path compose merges by', t => {
	t.is(volumeTarget('data:/var/data:ro'), '/var/data');
	t.is(volumeTarget('/anonymous'), '/anonymous');
	t.is(volumeTarget({type: 'bind', source: '.', target: '/app'}), '/app');
});
