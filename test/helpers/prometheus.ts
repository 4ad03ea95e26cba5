import {type ChildProcess, spawn} from 'node:child_process';
import {once} from 'node:events';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

export type PrometheusSample = {readonly labels: Record<string, string>; readonly value: number};

export type Target = {readonly health: string; readonly lastError: string; readonly scrapeUrl: string; readonly lastScrape: string};

/**
 * A real Prometheus of the test's own: its own config, data directory and port on 127.0.0.1,
 * scraping one target every second. `stop` ends the process it started and removes the directory.
 */
export class PrometheusServer {
	readonly directory = mkdtempSync(path.join(tmpdir(), 'stt-prometheus-'));
	#process: ChildProcess | undefined;

	constructor(
		readonly binary: string,
		readonly port: number,
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async start(target: string): Promise<void> {
		const config = path.join(this.directory, 'prometheus.yml');
		writeFileSync(
			config,
			['global: {scrape_interval: 1s, scrape_timeout: 1s}', 'scrape_configs:', '  - job_name: stacktui', `    static_configs: [{targets: ['${target}']}]`, ''].join('\n'),
		);
		const log = path.join(this.directory, 'prometheus.log');
		writeFileSync(log, '');
		const child = spawn(
			this.binary,
			[`--config.file=${config}`, `--storage.tsdb.path=${path.join(this.directory, 'data')}`, `--web.listen-address=127.0.0.1:${this.port}`],
			{stdio: ['ignore', 'ignore', 'pipe']},
		);
		child.stderr?.on('data', (chunk: Buffer) => writeFileSync(log, chunk, {flag: 'a'}));
		this.#process = child;
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}:\n${this.log()}`);
			const ready = await fetch(`${this.url}/-/ready`).then(response => response.ok, () => false);
			if (ready) return;
			await new Promise(resolve => setTimeout(resolve, 200));
		}

		throw new Error(`prometheus not ready after 30 s:\n${this.log()}`);
	}

	log(): string {
		return readFileSync(path.join(this.directory, 'prometheus.log'), 'utf8').split('\n').slice(-20).join('\n');
	}

	async targets(): Promise<Target[]> {
		const body = (await (await fetch(`${this.url}/api/v1/targets`)).json()) as {data: {activeTargets: Target[]}};
		return body.data.activeTargets;
	}

	/** An instant query through the HTTP API. */
	async query(expression: string): Promise<PrometheusSample[]> {
		const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(expression)}`);
		const body = (await response.json()) as {status: string; error?: string; data: {result: Array<{metric: Record<string, string>; value: [number, string]}>}};
		if (body.status !== 'success') throw new Error(`query ${expression}: ${body.error ?? body.status}`);
		return body.data.result.map(result => ({labels: result.metric, value: Number(result.value[1])}));
	}

	/** Polls a query until `accept` takes its result; returns that result or throws with the last one. */
	async waitFor(expression: string, accept: (samples: PrometheusSample[]) => boolean, timeoutMs: number): Promise<PrometheusSample[]> {
		const deadline = Date.now() + timeoutMs;
		let samples: PrometheusSample[] = [];
		while (Date.now() < deadline) {
			samples = await this.query(expression);
			if (accept(samples)) return samples;
			await new Promise(resolve => setTimeout(resolve, 500));
		}

		throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}; last result: ${JSON.stringify(samples)}\ntargets: ${JSON.stringify(await this.targets())}`);
	}

	async stop(): Promise<void> {
		const child = this.#process;
		if (child !== undefined && child.exitCode === null && child.signalCode === null) {
			const exited = once(child, 'exit');
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}

		rmSync(this.directory, {recursive: true, force: true});
	}
}
