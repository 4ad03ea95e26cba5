import type Docker from 'dockerode';
import type {ComposeProject} from '../compose/types.js';
import {runLifecycle} from '../engine/lifecycle.js';
import {listEveryProjectContainer, type ProjectContainer} from '../engine/resources.js';
import {allServices, dependencyWaves} from './graph.js';
import {graceOf} from './prepare.js';
import {formatElapsed} from './progress-text.js';

export type LifecycleReport = {
	/** One line per service acted on, or per failure. */
	readonly lines: readonly string[];
	readonly errors: readonly string[];
	/** Set when the signal aborted the run: the services done, and those not (or not surely) done. */
	readonly aborted?: {readonly done: readonly string[]; readonly left: readonly string[]};
};

/**
 * Groups the project's containers into waves by depends_on. Containers of services the
 * file does not know (orphans, one-offs) form a wave of their own, first when stopping.
 */
export function containerWaves(
	project: ComposeProject | undefined,
	containers: readonly ProjectContainer[],
	direction: 'forward' | 'reverse',
): Array<Array<[string, ProjectContainer[]]>> {
	const byService = new Map<string, ProjectContainer[]>();
	for (const container of containers) {
		byService.set(container.service, [...(byService.get(container.service) ?? []), container]);
	}

	const known = project === undefined ? [] : dependencyWaves(project, [...byService.keys()]);
	const knownNames = new Set(known.flat());
	const unknown = [...byService.keys()].filter(name => !knownNames.has(name));
	const waves = direction === 'forward' ? known : [...known].reverse();
	const withUnknown = unknown.length === 0 ? waves : direction === 'forward' ? [...waves, unknown] : [unknown, ...waves];
	return withUnknown.map(wave => wave.map(name => [name, byService.get(name) ?? []] as [string, ProjectContainer[]]));
}

/**
 * Runs stop or restart on the services, wave after wave (reverse dependency order to stop,
 * dependency order to restart), the services of one wave at once, each with its own
 * stop_grace_period (the engine's default, 10 s, for services the file does not know).
 */
export async function runInWaves(
	docker: Docker,
	project: ComposeProject | undefined,
	containers: readonly ProjectContainer[],
	action: 'stop' | 'restart',
	onLine: (line: string) => void = () => undefined,
	signal?: AbortSignal,
): Promise<LifecycleReport> {
	const lines: string[] = [];
	const errors: string[] = [];
	const done: string[] = [];
	const report = (line: string) => {
		lines.push(line);
		onLine(line);
	};

	const waves = containerWaves(project, containers, action === 'stop' ? 'reverse' : 'forward');
	for (const wave of waves) {
		if (signal?.aborted) break;
		await Promise.all(
			wave.map(async ([service, serviceContainers]) => {
				const started = Date.now();
				const definition = project === undefined ? undefined : allServices(project).find(candidate => candidate.name === service);
				const grace = definition === undefined ? {} : graceOf(definition);
				const targets = action === 'stop' ? serviceContainers.filter(container => container.isRunning) : serviceContainers;
				const results = await Promise.all(targets.map(async container => runLifecycle(docker, container.id, action, {...grace, abortSignal: signal})));
				if (results.some(result => result.isAborted)) return;
				done.push(service);
				const failures = results.filter(result => !result.isOk).map(result => `${service}: ${result.error ?? `${action} failed`}`);
				errors.push(...failures);
				for (const failure of failures) {
					report(failure);
				}

				if (failures.length === 0 && targets.length > 0) {
					report(`${service || '(no service label)'}: ${action === 'stop' ? 'stopped' : 'restarted'} (${formatElapsed(Date.now() - started)})`);
				}
			}),
		);
	}

	if (signal?.aborted) {
		const left = waves.flat().map(([service]) => service).filter(service => !done.includes(service));
		return {lines, errors, aborted: {done, left}};
	}

	return {lines, errors};
}

/** "restart aborted: db, cache restarted; api, web not restarted" */
export function lifecycleAbortText(action: 'stop' | 'restart', aborted: NonNullable<LifecycleReport['aborted']>): string {
	const past = action === 'stop' ? 'stopped' : 'restarted';
	const parts = [aborted.done.length > 0 ? `${aborted.done.join(', ')} ${past}` : '', aborted.left.length > 0 ? `${aborted.left.join(', ')} not ${past}` : ''];
	return `${action} aborted: ${parts.filter(part => part !== '').join('; ') || `nothing ${past}`}`;
}

/** `stop [SERVICE…]` and `restart [SERVICE…]`: the named services, or every service container of the project. */
export async function stopOrRestart(
	docker: Docker,
	project: ComposeProject,
	services: readonly string[],
	action: 'stop' | 'restart',
	onLine?: (line: string) => void,
	signal?: AbortSignal,
): Promise<LifecycleReport> {
	// Like docker-compose, one-off containers are left alone.
	const containers = (await listEveryProjectContainer(docker, project.name)).filter(container => !container.isOneoff);
	const chosen = services.length === 0 ? containers : containers.filter(container => services.includes(container.service));
	return runInWaves(docker, project, chosen, action, onLine, signal);
}
