import type Docker from 'dockerode';
import type {ComposeProject, ComposeService} from '../compose/types.js';
import {AbortedError} from '../engine/abort.js';
import {buildImage} from '../engine/build.js';
import {capabilitiesOf} from '../engine/capabilities.js';
import {containerSpec, createContainer, hasHealthcheck, removeContainer} from '../engine/create.js';
import {referencedServices} from '../engine/create-runtime.js';
import {injectFiles} from './inject-files.js';
import {runLifecycle} from '../engine/lifecycle.js';
import {pullImage} from '../engine/pull.js';
import {localImageId} from '../engine/resources.js';
import type {ContainerInfo} from '../engine/types.js';
import {formatBytes} from '../stack/format.js';
import {builtImageName, configHash, configHashLabel, containerLabels, containerName, imageLabels, projectLabels} from './labels.js';
import {isBuildStep} from './progress-text.js';

export type Preparation = {
	readonly containerIds: readonly string[];
	readonly action: 'created' | 'recreated' | 'kept';
	readonly hasHealthcheck: boolean;
	/** Every container was found running already: nothing to start. */
	readonly isRunning: boolean;
	/** Of the containers found running: those already healthy, and those unhealthy. */
	readonly healthyIds: readonly string[];
	readonly unhealthyIds: readonly string[];
};

export type PrepareContext = {
	readonly docker: Docker;
	readonly project: ComposeProject;
	/** The project's containers of this service, as listed before the up. */
	readonly existing: readonly ContainerInfo[];
	/** Shared between services, so two services on one image pull or build it once. */
	readonly images: Map<string, Promise<string>>;
	readonly containerIdOf: (service: string) => Promise<string | undefined>;
	readonly onPhase: (phase: 'pulling' | 'building' | 'creating') => void;
	readonly onDetail: (detail: string) => void;
	/** Aborts pulls, builds, creates and stops in flight: quitting or ctrl-c. */
	readonly signal?: AbortSignal | undefined;
};

/** Makes sure the service's image exists (pull or build) and returns its id. */
export async function ensureImage(service: ComposeService, context: PrepareContext): Promise<string> {
	const {docker, images} = context;
	const reference = imageReference(service, context.project);
	const pending = images.get(reference);
	if (pending !== undefined) {
		return pending;
	}

	const work = (async () => {
		const policy = service.pullPolicy;
		const id = policy === 'always' || (policy === 'build' && service.build !== undefined) ? undefined : await localImageId(docker, reference);
		if (id !== undefined) {
			return id;
		}

		if (policy === 'never') {
			throw new Error(`image ${reference} is not on the engine, and pull_policy is never`);
		}

		if (service.build !== undefined && policy !== 'always') {
			context.onPhase('building');
			const {context: directory, dockerfile, args} = service.build;
			// The step is what progress shows; the failing command's output is in the build error.
			// Labelled with the project, as its containers are: the images a project built can be found (and removed) by label.
			const labels = imageLabels(context.project.name, service.name);
			return buildImage(docker, {context: directory, dockerfile, args, tag: reference, labels}, line => isBuildStep(line) && context.onDetail(line), context.signal);
		}

		context.onPhase('pulling');
		let lastReport = 0;
		await pullImage(docker, reference, progress => {
			if (Date.now() - lastReport > 200 && progress.totalBytes > 0) {
				lastReport = Date.now();
				context.onDetail(`${formatBytes(progress.currentBytes)} / ${formatBytes(progress.totalBytes)}`);
			}
		}, context.signal);
		const pulled = await localImageId(docker, reference);
		if (pulled === undefined) {
			throw new Error(`image ${reference} is still missing after the pull`);
		}

		return pulled;
	})();
	images.set(reference, work);
	return work;
}

/** The image a service runs: its own, or the tag docker-compose gives a build without `image:`. */
export function imageReference(service: ComposeService, project: ComposeProject): string {
	return service.image ?? builtImageName(project.name, service.name);
}

/**
 * Creates the service's missing containers and recreates those whose config hash changed
 * (the old one is stopped with its grace period, then removed). Surplus replicas are removed.
 */
export async function prepareService(service: ComposeService, context: PrepareContext): Promise<Preparation> {
	const {docker, project, signal} = context;
	const imageId = await ensureImage(service, context);
	const containerIdOf = new Map<string, string | undefined>();
	for (const target of referencedServices(service)) {
		containerIdOf.set(target, await context.containerIdOf(target));
	}

	const ids: string[] = [];
	const healthyIds: string[] = [];
	const unhealthyIds: string[] = [];
	let action: Preparation['action'] = 'kept';
	let isRunning = true;
	for (let number = 1; number <= service.replicas; number++) {
		const name = number === 1 && service.containerName !== undefined ? service.containerName : containerName(project.name, service.name, number);
		const spec = containerSpec(service, {project, image: imageReference(service, project), containerName: name, containerIdOf: target => containerIdOf.get(target)});
		const hash = configHash({options: spec.options, extraNetworks: spec.extraNetworks, imageId});
		const found = context.existing.find(container => container.number === number);
		if (found !== undefined && found.labels[configHashLabel] === hash) {
			ids.push(found.id);
			isRunning &&= found.state === 'running';
			if (found.health === 'healthy') {
				healthyIds.push(found.id);
			} else if (found.health === 'unhealthy') {
				unhealthyIds.push(found.id);
			}

			continue;
		}

		context.onPhase('creating');
		if (found !== undefined) {
			action = 'recreated';
			await stopOrThrow(docker, found.id, service, signal);
			await removeContainer(docker, found.id);
		} else if (action === 'kept') {
			action = 'created';
		}

		const capabilities = await capabilitiesOf(docker);
		const engineLabels = projectLabels(project.name, capabilities.projectLabelKeys);
		const labels = {...spec.options.Labels, ...engineLabels, ...containerLabels({project, service: service.name, number, configHash: hash})};
		// After the hash: the same service hashes alike on every engine.
		const stopTimeout = spec.options.StopTimeout === undefined && capabilities.defaultStopSeconds !== undefined ? {StopTimeout: capabilities.defaultStopSeconds} : {};
		const id = await createContainer(docker, {...spec, options: {...spec.options, ...stopTimeout, Labels: labels}}, signal);
		await injectFiles(docker, id, service, project);
		ids.push(id);
		isRunning = false;
	}

	for (const surplus of context.existing.filter(container => container.number > service.replicas)) {
		await stopOrThrow(docker, surplus.id, service, signal);
		await removeContainer(docker, surplus.id);
	}

	const first = ids[0];
	return {
		containerIds: ids,
		action,
		hasHealthcheck: first === undefined ? false : await hasHealthcheck(docker, first),
		isRunning: isRunning && ids.length > 0,
		healthyIds,
		unhealthyIds,
	};
}

/** Stops a container before it is removed; an aborted stop leaves it in place. */
async function stopOrThrow(docker: Docker, id: string, service: ComposeService, signal: AbortSignal | undefined): Promise<void> {
	const result = await runLifecycle(docker, id, 'stop', {...graceOf(service), abortSignal: signal});
	if (result.isAborted) throw new AbortedError(result.error);
}

export function graceOf(service: ComposeService): {graceSeconds?: number} {
	return service.stopGracePeriodMs === undefined ? {} : {graceSeconds: Math.ceil(service.stopGracePeriodMs / 1000)};
}
