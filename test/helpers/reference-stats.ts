import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import type {EngineConnection} from '../../source/engine/connect.js';
import {dockerCli} from './engine.js';

const run = promisify(execFile);

/** What the engine's own CLI prints for one container: the numbers stacktui must agree with. */
export type ReferenceStats = {readonly cpuPercent: number; readonly memoryBytes: number; readonly memoryLimitBytes: number; readonly text: string};

const units: Record<string, number> = {
	B: 1,
	KiB: 1024,
	MiB: 1024 ** 2,
	GiB: 1024 ** 3,
	TiB: 1024 ** 4,
	kB: 1000,
	KB: 1000,
	MB: 1000 ** 2,
	GB: 1000 ** 3,
	TB: 1000 ** 4,
};

/** "64.2MiB / 256MiB" (docker) or "67.2MB / 268.4MB" (podman) → bytes. */
export function parseMemory(text: string): {usage: number; limit: number} {
	const [usage = 0, limit = 0] = text.split(' / ').map(part => {
		const match = /^([\d.]+)\s*([KMGT]?i?B|kB)$/.exec(part.trim());
		const factor = units[match?.[2] ?? ''];
		if (match === null || factor === undefined) throw new Error(`unexpected memory "${part}"`);
		return Number(match[1]) * factor;
	});
	return {usage, limit};
}

/**
 * `docker stats --no-stream` on Docker, `podman stats --no-stream` on Podman (the reference its
 * users read; its CPU % is the average since the container started), keyed by full container id.
 */
export async function referenceStats(connection: EngineConnection, ids: readonly string[]): Promise<Map<string, ReferenceStats>> {
	if (connection.capabilities.product === 'Podman') {
		const {stdout} = await run('podman', ['--url', connection.address, 'stats', '--no-stream', '--no-trunc', '--format', 'json', ...ids]);
		const lines = JSON.parse(stdout) as Array<{id: string; cpu_percent: string; mem_usage: string}>;
		return new Map(lines.map(line => [line.id, toReference(line.cpu_percent, line.mem_usage)]));
	}

	const output = await dockerCli(['stats', '--no-stream', '--no-trunc', '--format', '{{json .}}', ...ids]);
	const lines = output.trim().split('\n').map(line => JSON.parse(line) as {ID: string; CPUPerc: string; MemUsage: string});
	return new Map(lines.map(line => [line.ID, toReference(line.CPUPerc, line.MemUsage)]));
}

function toReference(cpu: string, memory: string): ReferenceStats {
	const {usage, limit} = parseMemory(memory);
	return {cpuPercent: Number.parseFloat(cpu), memoryBytes: usage, memoryLimitBytes: limit, text: `${cpu} ${memory}`};
}
