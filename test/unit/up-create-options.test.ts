import test from 'ava';
import {containerSpec, restartPolicy} from '../../source/engine/create.js';
import {composeProject, composeService, fileHealthcheck} from '../helpers/compose-project.js';

const base = {image: 'stacktui-test/busybox:1', containerName: 'shop_web_1'};

test('image, command, entrypoint, environment (sorted), user, working_dir, tty and stdin_open', t => {
	const service = composeService('web', {
		command: ['httpd', '-f', '-p', '8080'],
		entrypoint: ['/bin/sh', '-c'],
		environment: {ZED: 'last', APP_MODE: 'prod', EMPTY: ''},
		user: '1000:1000',
		workingDir: '/srv',
		isTty: true,
		isStdinOpen: true,
	});
	const {options} = containerSpec(service, {project: composeProject('shop', [service]), ...base});
	t.is(options.name, 'shop_web_1');
	t.is(options.Image, 'stacktui-test/busybox:1');
	t.deepEqual(options.Cmd, ['httpd', '-f', '-p', '8080']);
	t.deepEqual(options.Entrypoint, ['/bin/sh', '-c']);
	t.deepEqual(options.Env, ['APP_MODE=prod', 'EMPTY=', 'ZED=last']);
	t.is(options.User, '1000:1000');
	t.is(options.WorkingDir, '/srv');
	t.true(options.Tty);
	t.true(options.OpenStdin);
});

test('no command or entrypoint keeps the image\'s: the keys are left out', t => {
	const service = composeService('web', {command: undefined});
	const {options} = containerSpec(service, {project: composeProject('shop', [service]), ...base});
	t.false('Cmd' in options);
	t.false('Entrypoint' in options);
	t.false('Healthcheck' in options);
	t.false('StopTimeout' in options);
});

test('ports become ExposedPorts and PortBindings; a port without host port gets a random one', t => {
	const service = composeService('web', {
		ports: [
			{hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp'},
			{hostIp: undefined, hostPort: 8443, containerPort: 80, protocol: 'tcp'},
			{hostIp: undefined, hostPort: undefined, containerPort: 53, protocol: 'udp'},
		],
	});
	const {options} = containerSpec(service, {project: composeProject('shop', [service]), ...base});
	t.deepEqual(options.ExposedPorts, {'80/tcp': {}, '53/udp': {}});
	t.deepEqual(options.HostConfig?.PortBindings, {
		'80/tcp': [
			{HostIp: '127.0.0.1', HostPort: '8080'},
			{HostIp: '', HostPort: '8443'},
		],
		'53/udp': [{HostIp: '', HostPort: ''}],
	});
});

test('named volumes get the project prefix, binds stay Binds, tmpfs and anonymous volumes are Mounts', t => {
	const service = composeService('db', {
		volumes: [
			{type: 'volume', source: 'data', target: '/var/lib/data', isReadOnly: false},
			{type: 'volume', source: 'shared', target: '/shared', isReadOnly: true},
			{type: 'bind', source: '/srv/config', target: '/config', isReadOnly: true},
			{type: 'tmpfs', source: undefined, target: '/run', isReadOnly: false},
			{type: 'volume', source: undefined, target: '/cache', isReadOnly: false},
		],
	});
	const project = composeProject('shop', [service], {
		volumes: {
			data: {name: 'shop_data', isExternal: false, driver: undefined, labels: {}},
			shared: {name: 'company-shared', isExternal: true, driver: undefined, labels: {}},
		},
	});
	const {options} = containerSpec(service, {project, ...base});
	t.deepEqual(options.HostConfig?.Binds, ['/srv/config:/config:ro']);
	t.deepEqual(options.HostConfig?.Mounts, [
		{Type: 'volume', Source: 'shop_data', Target: '/var/lib/data', ReadOnly: false},
		{Type: 'volume', Source: 'company-shared', Target: '/shared', ReadOnly: true},
		{Type: 'tmpfs', Source: '', Target: '/run', ReadOnly: false},
		{Type: 'volume', Source: '', Target: '/cache', ReadOnly: false},
	]);
});

test('the first network is joined at create with the service name as alias; the others are returned to connect', t => {
	const service = composeService('api', {networks: {front: {aliases: ['gateway']}, back: {aliases: []}}});
	const project = composeProject('shop', [service], {
		networks: {
			front: {name: 'shop_front', isExternal: false, driver: undefined, isInternal: false, labels: {}},
			back: {name: 'shop_back', isExternal: false, driver: undefined, isInternal: true, labels: {}},
		},
	});
	const spec = containerSpec(service, {project, ...base});
	t.is(spec.options.HostConfig?.NetworkMode, 'shop_front');
	t.deepEqual(spec.options.NetworkingConfig, {EndpointsConfig: {shop_front: {Aliases: ['api', 'gateway']}}});
	t.deepEqual(spec.extraNetworks, [{name: 'shop_back', aliases: ['api']}]);
});

test('a service without networks joins the default network', t => {
	const service = composeService('api', {networks: {}});
	const spec = containerSpec(service, {project: composeProject('shop', [service]), ...base});
	t.is(spec.options.HostConfig?.NetworkMode, 'shop_default');
	t.deepEqual(spec.options.NetworkingConfig?.EndpointsConfig?.['shop_default']?.Aliases, ['api']);
});

test('network_mode host passes through, service:NAME becomes container:ID, and no network is joined', t => {
	const host = composeService('agent', {networkMode: 'host', networks: {}});
	const hostSpec = containerSpec(host, {project: composeProject('shop', [host]), ...base});
	t.is(hostSpec.options.HostConfig?.NetworkMode, 'host');
	t.is(hostSpec.options.NetworkingConfig, undefined);
	t.deepEqual(hostSpec.extraNetworks, []);

	const sidecar = composeService('sidecar', {networkMode: 'service:agent', networks: {}});
	const sidecarSpec = containerSpec(sidecar, {project: composeProject('shop', [sidecar]), ...base, containerIdOf: name => (name === 'agent' ? 'abc123' : undefined)});
	t.is(sidecarSpec.options.HostConfig?.NetworkMode, 'container:abc123');
	t.throws(() => containerSpec(sidecar, {project: composeProject('shop', [sidecar]), ...base}), {message: /service agent has no container/});
});

test('healthcheck durations are nanoseconds; an empty test keeps the image\'s command', t => {
	const service = composeService('db', {healthcheck: {...fileHealthcheck, startPeriodNs: 5_000_000_000}});
	const {options} = containerSpec(service, {project: composeProject('shop', [service]), ...base});
	t.deepEqual(options.Healthcheck, {Test: ['CMD', 'healthy'], Interval: 200_000_000, Timeout: 2_000_000_000, Retries: 3, StartPeriod: 5_000_000_000});

	const inherit = composeService('db', {healthcheck: {test: [], intervalNs: 1_000_000_000, timeoutNs: undefined, retries: undefined, startPeriodNs: undefined}});
	t.deepEqual(containerSpec(inherit, {project: composeProject('shop', [inherit]), ...base}).options.Healthcheck, {Interval: 1_000_000_000});
});

test('restart, stop_grace_period, stop_signal, limits, labels and extra_hosts', t => {
	const service = composeService('worker', {
		restart: 'on-failure:3',
		stopGracePeriodMs: 1500,
		stopSignal: 'SIGINT',
		cpus: 0.5,
		memoryBytes: 256 * 1024 * 1024,
		labels: {'com.example.team': 'payments'},
		extraHosts: ['db.internal:10.0.0.5'],
	});
	const {options} = containerSpec(service, {project: composeProject('shop', [service]), ...base});
	t.deepEqual(options.HostConfig?.RestartPolicy, {Name: 'on-failure', MaximumRetryCount: 3});
	t.is(options.StopTimeout, 2);
	t.is(options.StopSignal, 'SIGINT');
	t.is(options.HostConfig?.NanoCpus, 500_000_000);
	t.is(options.HostConfig?.Memory, 268_435_456);
	t.deepEqual(options.Labels, {'com.example.team': 'payments'});
	t.deepEqual(options.HostConfig?.ExtraHosts, ['db.internal:10.0.0.5']);
});

test('restart policies as the engine names them', t => {
	t.deepEqual(restartPolicy('no'), {Name: ''});
	t.deepEqual(restartPolicy('always'), {Name: 'always'});
	t.deepEqual(restartPolicy('unless-stopped'), {Name: 'unless-stopped'});
	t.deepEqual(restartPolicy('on-failure'), {Name: 'on-failure'});
	t.deepEqual(restartPolicy('on-failure:5'), {Name: 'on-failure', MaximumRetryCount: 5});
});
