import type Docker from 'dockerode';

type HealthLog = {Log?: Array<{End?: string; ExitCode?: number}> | null};

/**
 * Watches a project's health from outside stacktui, for engines with or without health events:
 * inspects its containers every 100 ms and keeps, per service, the end of its first passing check
 * (health logs keep only the last five checks, so they are read while fresh).
 */
export function recordHealth(docker: Docker, project: string): {firstHealthy: (service: string) => bigint; stop: () => void} {
	const firstPassing = new Map<string, number>();
	let isStopped = false;
	const poll = async () => {
		while (!isStopped) {
			const listed = await docker.listContainers({all: true, filters: {label: [`com.docker.compose.project=${project}`]}}).catch(() => []);
			await Promise.all(
				listed.map(async item => {
					const service = item.Labels?.['com.docker.compose.service'] ?? '';
					const inspect = await docker.getContainer(item.Id).inspect().catch(() => undefined);
					const log = (inspect?.State.Health as HealthLog | undefined)?.Log ?? [];
					for (const entry of log.filter(check => check.ExitCode === 0)) {
						const end = Date.parse(entry.End ?? '');
						if (!Number.isNaN(end) && end < (firstPassing.get(service) ?? Number.POSITIVE_INFINITY)) firstPassing.set(service, end);
					}
				}),
			);
			await new Promise(resolve => setTimeout(resolve, 100));
		}
	};

	void poll();
	return {
		firstHealthy(service) {
			const end = firstPassing.get(service);
			if (end === undefined) throw new Error(`no passing health check of ${service} was seen`);
			return BigInt(end) * 1_000_000n;
		},
		stop() {
			isStopped = true;
		},
	};
}
