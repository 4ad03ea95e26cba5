import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type Docker from 'dockerode';
import {removeComposeProject} from './compose-project.js';
import {newProjectName} from './engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The demo profile under a project name and host ports of the test's own, so it never meets
 * a user's demo stack or another test: a copy of profiles/demo.yaml pointing at the shipped
 * compose file, with the tunnel API on the test's port.
 */
export class DemoStack {
	readonly project = newProjectName('demo');
	readonly directory = mkdtempSync(path.join(tmpdir(), 'stt-demo-'));
	readonly profile = path.join(this.directory, 'demo.yaml');
	readonly ports: Readonly<Record<string, number>>;

	constructor(basePort: number) {
		this.ports = {web: basePort, db: basePort + 1, api: basePort + 2, ngrok: basePort + 3};
		const source = readFileSync(path.join(root, 'profiles/demo.yaml'), 'utf8')
			.replace('compose: demo/docker-compose.yml', `compose: ${path.join(root, 'profiles/demo/docker-compose.yml')}`)
			.replace('http://127.0.0.1:4040/api/tunnels', `http://127.0.0.1:${this.ports['ngrok']}/api/tunnels`);
		writeFileSync(this.profile, source);
	}

	/** What the stacktui process needs: the compose file reads its host ports from these. */
	get environment(): Record<string, string> {
		return {
			DEMO_WEB_PORT: String(this.ports['web']),
			DEMO_DB_PORT: String(this.ports['db']),
			DEMO_API_PORT: String(this.ports['api']),
			DEMO_NGROK_PORT: String(this.ports['ngrok']),
		};
	}

	/** The id of the service's first container. */
	async containerOf(docker: Docker, service: string): Promise<string> {
		const containers = await docker.listContainers({
			all: true,
			filters: {label: [`com.docker.compose.project=${this.project}`, `com.docker.compose.service=${service}`]},
		});
		const id = containers[0]?.Id;
		if (id === undefined) throw new Error(`no container of ${service} in ${this.project}`);
		return id;
	}

	/** Removes the project's containers, network and volumes, found by label. */
	async remove(docker: Docker): Promise<void> {
		await removeComposeProject(docker, this.project);
		rmSync(this.directory, {recursive: true, force: true});
	}
}
