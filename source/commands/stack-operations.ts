import type Docker from 'dockerode';
import {loadComposeProject} from '../compose/index.js';
import type {ComposeProject} from '../compose/types.js';
import type {Profile} from '../profile/types.js';
import type {StackOperations} from '../stack/session.js';
import {servicesAwaitedToComplete} from '../up/graph.js';
import {formatElapsed} from '../up/progress-text.js';
import {stopOrRestart} from '../up/stop.js';
import {runUp} from '../up/up.js';

/** The profile's compose files as one project, under the profile's project name. */
export function composeProjectOf(profile: Profile): ComposeProject {
	return loadComposeProject({
		files: profile.composeFiles,
		projectName: profile.project,
		...(profile.envFile === undefined ? {} : {envFile: profile.envFile}),
		...(profile.composeProfiles.length > 0 ? {activeProfiles: profile.composeProfiles} : {}),
	});
}

/**
 * Services that should be running: active, scaled above 0, and not one-shot (a service others
 * wait for with service_completed_successfully is done when it exits 0).
 */
export function expectedServices(project: ComposeProject): string[] {
	const active = project.services.filter(service => service.replicas > 0).map(service => service.name);
	const oneShot = servicesAwaitedToComplete(project, active);
	return active.filter(service => !oneShot.has(service));
}

/** `u` and `R` (and the soak's --up): the same orchestration as `stacktui up` and `stacktui restart`, reported in one line. */
export function stackOperations(docker: Docker, project: ComposeProject): StackOperations {
	return {
		async up() {
			const started = Date.now();
			const result = await runUp(docker, project, project.services.map(service => service.name));
			const failed = Object.values(result.state.services).filter(service => service.phase === 'failed' || service.phase === 'blocked');
			return result.isSuccess
				? `up: every service of ${project.name} is up (${formatElapsed(Date.now() - started)})`
				: `up: ${failed.map(service => `${service.name} ${service.phase}: ${service.reason ?? ''}`).join('; ') || 'not every service came up in time'}`;
		},
		async restartStack() {
			const started = Date.now();
			const report = await stopOrRestart(docker, project, [], 'restart', () => undefined);
			return report.errors.length === 0
				? `restarted ${report.lines.length} services of ${project.name} in dependency order (${formatElapsed(Date.now() - started)})`
				: `restart: ${report.errors.join('; ')}`;
		},
	};
}
