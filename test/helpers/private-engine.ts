import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {dockerCli, testImage} from './engine.js';

/**
 * A dockerd of the test's own, on its own socket and data root, so a test can stop and
 * start an engine without disturbing the shared one that other tests run against.
 */
export class PrivateEngine {
	readonly directory = mkdtempSync(path.join(tmpdir(), 'stt-dockerd-'));
	readonly host = `unix://${this.directory}/docker.sock`;
	#process: ChildProcess | undefined;

	async start(): Promise<void> {
		const directory = this.directory;
		this.#process = spawn(
			'dockerd',
			[
				'--iptables=false',
				'--ip-forward=false',
				'--bridge=none',
				'--storage-driver=overlay2',
				`--host=${this.host}`,
				`--data-root=${directory}/data`,
				`--exec-root=${directory}/exec`,
				`--pidfile=${directory}/docker.pid`,
			],
			{stdio: 'ignore'},
		);
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			try {
				await dockerCli(['version', '--format', '{{.Server.Version}}'], this.host);
				return;
			} catch {
				await new Promise(resolve => setTimeout(resolve, 200));
			}
		}

		throw new Error(`the private dockerd at ${this.host} did not answer within 30 s`);
	}

	/** Copies the shared engine's test image into this engine. */
	async loadTestImage(): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			const save = spawn('docker', ['save', testImage], {stdio: ['ignore', 'pipe', 'inherit']});
			const load = spawn('docker', ['load', '-q'], {
				stdio: ['pipe', 'ignore', 'inherit'],
				env: {...process.env, DOCKER_HOST: this.host},
			});
			save.stdout.pipe(load.stdin);
			load.on('exit', code => (code === 0 ? resolve() : reject(new Error(`docker load exited ${code}`))));
		});
	}

	/** Stops the daemon the way an init system does (SIGTERM) and waits for it to exit. */
	async stop(): Promise<void> {
		const child = this.#process;
		if (child === undefined || child.exitCode !== null) {
			return;
		}

		await new Promise(resolve => {
			child.once('exit', resolve);
			child.kill('SIGTERM');
		});
		this.#process = undefined;
	}

	/** Removes everything this engine made, then the daemon and its files. */
	async destroy(): Promise<void> {
		if (this.#process !== undefined) {
			const ids = (await dockerCli(['ps', '-aq'], this.host).catch(() => '')).split('\n').filter(Boolean);
			if (ids.length > 0) {
				await dockerCli(['rm', '-f', ...ids], this.host).catch(() => undefined);
			}
		}

		await this.stop();
		rmSync(this.directory, {recursive: true, force: true});
	}
}
