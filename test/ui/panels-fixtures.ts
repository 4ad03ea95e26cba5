import type {ContainerDetails} from '../../source/engine/details.js';
import type {BudgetState, BudgetWarning} from '../../source/stack/budget-types.js';
import type {TunnelStatus} from '../../source/stack/tunnels/types.js';

export const mebibyte = 1024 ** 2;

/** Secrets the frames must never show. */
export const secrets = {
	/** From the .env file, under a key that does not look secret. */
	envValue: 'zebra-crossing-42',
	/** Under a secret-looking key only. */
	password: 'hunter2hunter2',
	/** Only inside a URL. */
	urlPassword: 'swordfish',
	/** Only inside the profile's link. */
	linkPassword: 'linkpass99',
};

export const details: ContainerDetails = {
	id: 'db200e293829c95ae8b487700710b83096bf881774b3ead5a0928ce9dd2187da',
	name: 'shop-web-1',
	service: 'web',
	image: {name: 'nginx:1.25', id: '13ebcabe63a8'},
	command: ['nginx', '-g', 'daemon off;'],
	entrypoint: ['/docker-entrypoint.sh'],
	state: 'running',
	health: 'unhealthy',
	createdAt: '2026-01-01T09:59:00Z',
	startedAt: '2026-01-01T10:00:00Z',
	finishedAt: undefined,
	exitCode: undefined,
	isOomKilled: false,
	restartCount: 3,
	restartPolicy: 'on-failure:5',
	ports: ['127.0.0.1:8080→80/tcp', '443/tcp'],
	networks: [{name: 'shop_default', ipAddress: '172.18.0.3', aliases: ['web']}],
	mounts: [{type: 'volume', source: 'shop_data', destination: '/data', isReadOnly: true}],
	// Oldest first, as the engine keeps them; seven, of which the panel shows the last five.
	healthLog: [0, 1, 2, 3, 4, 5, 6].map(second => ({
		start: `2026-01-01T10:00:0${second}Z`,
		exitCode: second === 6 ? 1 : 0,
		output: second === 6 ? 'curl: (7) \u001B[31mconnection refused\u001B[0m' : `check ${second} ok`,
	})),
	limits: {memoryBytes: 256 * mebibyte, cpus: 0.5, pids: 100},
	environment: [
		{key: 'PATH', value: '/usr/local/bin:/usr/bin'},
		{key: 'SHOP_CODE', value: secrets.envValue},
		{key: 'DB_PASSWORD', value: secrets.password},
		{key: 'DATABASE_URL', value: `postgres://shop:${secrets.urlPassword}@db:5432/shop`},
		{key: 'JAVA_OPTS', value: `-Dshop.code=${secrets.envValue} -Xmx1g`},
		{key: 'GREETING', value: 'hello \u001B[1mworld\u001B[0m\u001B]0;title\u0007'},
	],
	labels: {'org.example.team': 'storefront'},
};

export const links = {web: `postgresql://shop:${secrets.linkPassword}@localhost:5432/shop`, db: 'http://other.example'};
export const envSecrets = {secretKeys: ['SHOP_CODE'], secretValues: [secrets.envValue]};

export const tunnels: TunnelStatus[] = [
	{provider: 'ngrok', service: 'ngrok', publicUrl: 'https://c0ffee.ngrok.app', upstream: 'http://web:80', status: 'online', reason: undefined},
	{provider: 'cloudflared', service: 'cloudflared', publicUrl: undefined, upstream: 'http://web:80', status: 'waiting', reason: 'the agent is not up yet'},
	{provider: 'log', service: 'web', publicUrl: undefined, upstream: undefined, status: 'error', reason: 'pattern did not match'},
];

const at = (time: string): number => Date.parse(`2026-01-01T${time}Z`);

export function warning(overrides: Partial<BudgetWarning> & Pick<BudgetWarning, 'id' | 'kind'>): BudgetWarning {
	const service = 'service' in overrides ? overrides.service : 'web';
	const unit = overrides.kind === 'memory' ? 'bytes' : overrides.kind === 'cpu' ? 'percent' : 'ms';
	return {
		budgetId: `${overrides.kind}:${service ?? 'stack'}`,
		unit,
		service,
		subject: service ?? 'stack',
		container: undefined,
		phase: null,
		budget: 256 * mebibyte,
		written: '256MiB',
		startedAt: at('10:00:00'),
		peak: 300 * mebibyte,
		current: undefined,
		durationMs: 60_000,
		endedAt: undefined,
		message: '',
		...overrides,
	};
}

export const now = at('10:10:00');

export const budgets: BudgetState = {
	meters: [
		{service: undefined, resource: 'memory', value: 900 * mebibyte, budget: 1024 * mebibyte, level: 'near'},
		{service: undefined, resource: 'cpu', value: 55, budget: 200, level: 'ok'},
		{service: 'web', resource: 'memory', value: 300 * mebibyte, budget: 256 * mebibyte, level: 'over'},
		{service: 'worker', resource: 'cpu', value: undefined, budget: undefined, level: 'ok'},
	],
	warnings: [
		warning({id: 1, kind: 'startup', service: 'db', budget: 30_000, written: '30s', peak: 45_000, durationMs: 45_000, startedAt: at('10:00:00'), endedAt: at('10:00:45')}),
		warning({id: 2, kind: 'memory', peak: 310 * mebibyte, startedAt: at('10:05:00'), durationMs: 60_000}),
		warning({id: 3, kind: 'cpu', service: undefined, budget: 200, written: '200%', peak: 250.5, startedAt: at('10:01:00'), durationMs: 30_000, endedAt: at('10:01:30')}),
		warning({id: 4, kind: 'memory', service: 'worker', budget: 128 * mebibyte, written: '128MiB', peak: 1.5 * 1024 * mebibyte, startedAt: at('10:08:00'), durationMs: 5_000}),
	],
	tracks: [],
	phase: null,
	stackStartup: undefined,
	evaluatedAt: at('10:10:00'),
};
