import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {runCli} from '../helpers/cli.js';
import {DemoStack} from '../helpers/demo-stack.js';
import {connectForTests, dockerCli} from '../helpers/engine.js';
import {PrometheusServer, type PrometheusSample} from '../helpers/prometheus.js';
import {reportTools} from '../helpers/report-tools.js';
import {TmuxTerminal} from '../helpers/tmux.js';

// Ports of this test's own: the demo stack 24480-24483, stacktui's metrics 24490, Prometheus 24491.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mib = 1024 * 1024;
const {docker} = await connectForTests();
const tools = await reportTools();
const demo = new DemoStack(24_480);
const terminal = new TmuxTerminal(120, 40);
const metricsAddress = '127.0.0.1:24490';
const prometheus = new PrometheusServer(tools.prometheus, 24_491);
const stacktui = `cd ${root} && node --import=tsx source/bin.ts --profile ${demo.profile} --project ${demo.project}`;

test.before(async () => {
	const up = await runCli(['up', '--profile', demo.profile, '--project', demo.project], demo.environment);
	if (up.code !== 0) throw new Error(`stacktui up failed:\n${up.stdout}\n${up.stderr}`);
	await terminal.start({...demo.environment, TERM: 'xterm-256color'});
	await terminal.type(`${stacktui} --metrics ${metricsAddress}`);
	await terminal.enter();
	await terminal.waitFor(text => text.includes(`metrics at http://${metricsAddress}/metrics`), 30_000, 'the metrics address in the status line');
	await prometheus.start(metricsAddress);
});

test.after.always(async () => {
	await prometheus.stop();
	await terminal.stop();
	await demo.remove(docker);
});

const value = (samples: PrometheusSample[]) => samples[0]?.value;
const of = (service: string) => `service="${service}"`;

test.serial('Prometheus scrapes the endpoint (OpenMetrics) without error', async t => {
	await prometheus.waitFor('up{job="stacktui"}', samples => value(samples) === 1, 60_000);
	const [target] = await prometheus.targets();
	t.is(target?.health, 'up');
	t.is(target?.lastError, '');
	t.is(target?.scrapeUrl, `http://${metricsAddress}/metrics`);
	// What Prometheus asked for, answered as OpenMetrics.
	const response = await fetch(`http://${metricsAddress}/metrics`, {headers: {accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'}});
	t.is(response.headers.get('content-type'), 'application/openmetrics-text; version=1.0.0; charset=utf-8');
	t.true((await response.text()).endsWith('# EOF\n'));
});

test.serial('the Prometheus text format on request passes promtool', async t => {
	const response = await fetch(`http://${metricsAddress}/metrics`, {headers: {accept: 'text/plain'}});
	t.is(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
	const text = await response.text();
	t.false(text.includes('# EOF'));
	const child = execFile(tools.promtool, ['check', 'metrics']);
	child.stdin?.end(text);
	const [code, output] = await new Promise<[number | null, string]>(resolve => {
		let all = '';
		child.stdout?.on('data', (chunk: Buffer) => (all += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (all += chunk.toString()));
		child.on('close', exit => resolve([exit, all]));
	});
	t.is(code, 0, output);
});

test.serial('state, health and memory in Prometheus match the engine', async t => {
	const running = await prometheus.waitFor('count(stacktui_container_state{state="running"} == 1)', samples => value(samples) === 6, 30_000);
	t.is(value(running), 6, 'all six demo services running');
	const db = await demo.containerOf(docker, 'db');
	t.is((await dockerCli(['inspect', '-f', '{{.State.Health.Status}}', db])).trim(), 'healthy');
	t.is(value(await prometheus.query(`stacktui_container_health{${of('db')},health="healthy"}`)), 1);
	t.is(value(await prometheus.query('stacktui_budget_limit_bytes{budget="memory:web"}')), 32 * mib);
	t.is(value(await prometheus.query('stacktui_budget_limit_percent{budget="cpu:web"}')), 10);
	t.is(value(await prometheus.query(`stacktui_engine_connected{project="${demo.project}"}`)), 1);
	// db's memory (PostgreSQL, steady at idle) against docker stats, read at about the same time.
	const stats = JSON.parse(await dockerCli(['stats', '--no-stream', '--format', '{{json .}}', db])) as {MemUsage: string};
	const fromDocker = parseSize(stats.MemUsage.split(' / ')[0] ?? '');
	const fromPrometheus = value(await prometheus.query(`stacktui_container_memory_bytes{${of('db')}}`)) ?? 0;
	t.true(Math.abs(fromPrometheus - fromDocker) / fromDocker < 0.1, `prometheus ${fromPrometheus} vs docker stats ${fromDocker}`);
});

test.serial('a restart by the restart policy and a memory budget breach reach Prometheus', async t => {
	const api = await demo.containerOf(docker, 'api');
	const pid = Number((await dockerCli(['inspect', '-f', '{{.State.Pid}}', api])).trim());
	process.kill(pid, 'SIGKILL'); // From outside, as a crash: restart: unless-stopped brings it back.
	const cache = await demo.containerOf(docker, 'cache');
	await dockerCli(['exec', cache, 'sh', '-c', 'echo 96 > /tmp/grow']);

	const restarts = await prometheus.waitFor(`stacktui_container_restarts_total{${of('api')}}`, samples => value(samples) === 1, 30_000);
	t.is(String(value(restarts)), (await dockerCli(['inspect', '-f', '{{.RestartCount}}', api])).trim());
	// The breach warns after the profile's sustain time (5 s).
	await prometheus.waitFor('stacktui_budget_level{budget="memory:cache",level="breach"}', samples => value(samples) === 1, 40_000);
	t.is(value(await prometheus.query('stacktui_budget_status{budget="memory:cache",status="breached"}')), 1);
	t.is(value(await prometheus.query('stacktui_budget_breaches_total{budget="memory:cache"}')), 1);
	const current = value(await prometheus.query('stacktui_budget_current_bytes{budget="memory:cache"}')) ?? 0;
	const stats = JSON.parse(await dockerCli(['stats', '--no-stream', '--format', '{{json .}}', cache])) as {MemUsage: string};
	const live = parseSize(stats.MemUsage.split(' / ')[0] ?? '');
	t.true(current > 64 * mib && Math.abs(current - live) / live < 0.1, `prometheus ${current}, docker stats ${live}`);
	await dockerCli(['exec', cache, 'rm', '-f', '/tmp/grow']);
});

test.serial('a second stacktui on the same address gets a one-line error and exit code 2', async t => {
	const second = new TmuxTerminal(120, 10);
	try {
		await second.start({...demo.environment, TERM: 'xterm-256color'});
		await second.type(`${stacktui} --metrics ${metricsAddress}; echo EXIT=$?`);
		await second.enter();
		const screen = await second.waitFor(/EXIT=\d/, 30_000, 'the second stacktui to exit');
		t.regex(screen, /stacktui: --metrics: cannot listen on 127\.0\.0\.1:24490: the address is in use\nEXIT=2/);
	} finally {
		await second.stop();
	}
});

test.serial('quitting closes the endpoint', async t => {
	await terminal.keys('q');
	await terminal.waitFor(text => !text.includes('SERVICE'), 10_000, 'the dashboard to close');
	const error = await t.throwsAsync(fetch(`http://${metricsAddress}/metrics`));
	t.regex(String((error?.cause as Error | undefined)?.message ?? error?.message), /ECONNREFUSED/);
});

test.serial('stacktui soak --metrics serves the soak while it runs and closes with it', async t => {
	const record = mkdtempSync(path.join(tmpdir(), 'stt-soak-metrics-'));
	try {
		const soakStarted = Date.now() / 1000;
		const soak = runCli(['soak', '--profile', demo.profile, '--project', demo.project, '--duration', '40s', '--record', record, '--metrics', metricsAddress], demo.environment, 120_000);
		// The soak's own series: started after it was launched, and its budgets with a verdict so far.
		const start = await prometheus.waitFor('stacktui_start_time_seconds', samples => (value(samples) ?? 0) >= soakStarted - 1, 60_000);
		t.true((value(start) ?? 0) >= soakStarted - 1);
		await prometheus.waitFor('stacktui_budget_status{budget="memory:cache",status="held"}', samples => value(samples) === 1, 30_000);
		await prometheus.waitFor('count(stacktui_container_state{state="running"} == 1)', samples => value(samples) === 6, 30_000);
		const result = await soak;
		t.not(result.code, 2, result.stderr);
		t.regex(result.stdout, /report: .*report\.html/);
		await t.throwsAsync(fetch(`http://${metricsAddress}/metrics`), undefined, 'closed when the soak ended');
	} finally {
		rmSync(record, {recursive: true, force: true});
	}
});

test('a bad --metrics address is refused before anything starts', async t => {
	const result = await runCli(['--profile', demo.profile, '--metrics', ':9464']);
	t.is(result.code, 2);
	t.is(result.stderr, 'stacktui: --metrics: ":9464" names no host; give the address to listen on (e.g. 127.0.0.1:9464, or 0.0.0.0:9464 for every interface)\n');
});

/** `docker stats` sizes: 12.5MiB, 1.2GiB, 800KiB, 512B. */
function parseSize(text: string): number {
	const match = /^([\d.]+)\s*([KMGT]?i?B)$/.exec(text.trim());
	if (!match) throw new Error(`not a size: ${text}`);
	const units: Record<string, number> = {B: 1, KiB: 1024, MiB: mib, GiB: 1024 * mib, TiB: 1024 * 1024 * mib, kB: 1000, KB: 1000, MB: 1e6, GB: 1e9};
	return Number(match[1]) * (units[match[2] ?? 'B'] ?? 1);
}
