import type Docker from 'dockerode';
import type {ComposeProject, ComposeService} from '../compose/types.js';
import {tarArchive, type TarEntry} from '../engine/tar.js';

/**
 * Secrets and configs whose content is not a file (environment:, content:) are copied into the
 * created container before it starts, at their target with their mode (0444 by default) and
 * owner, as docker compose v2 does. File-based ones are bind mounts (see create-runtime.ts).
 */
export async function injectFiles(docker: Docker, containerId: string, service: ComposeService, project: ComposeProject): Promise<void> {
	const entries: TarEntry[] = [];
	for (const section of ['secrets', 'configs'] as const) {
		for (const mount of service[section]) {
			const source = project[section][mount.source]?.source;
			const text = source?.kind === 'environment' ? source.value : source?.kind === 'content' ? source.text : undefined;
			if (source?.kind === 'environment' && text === undefined) {
				throw new Error(`${section === 'secrets' ? 'secret' : 'config'} ${mount.source}: environment variable ${source.variable} is not set`);
			}

			if (text !== undefined) {
				entries.push({
					path: mount.target,
					content: Buffer.from(text),
					mode: mount.mode ?? 0o444,
					...(mount.uid === undefined ? {} : {uid: Number(mount.uid)}),
					...(mount.gid === undefined ? {} : {gid: Number(mount.gid)}),
				});
			}
		}
	}

	if (entries.length > 0 && service.runtime.isReadOnly) {
		throw new Error(`${entries.map(entry => entry.path).join(', ')}: cannot copy a secret or config into a read-only container (read_only: true); give it a file: instead`);
	}

	if (entries.length > 0) {
		await docker.getContainer(containerId).putArchive(tarArchive(entries), {path: '/'});
	}
}
