import type Docker from 'dockerode';
import type {ComposeProject} from '../compose/types.js';
import type {StackOperations} from '../stack/session.js';
import {servicesAwaitedToComplete} from '../up/graph.js';
import {formatElapsed} from '../up/progress-text.js';
import {servicesToRecreate} from '../up/plan.js';
import {firstRefusal} from '../up/refusals.js';
import {abortSummary} from '../up/abort-summary.js';
import {lifecycleAbortText, stopOrRestart} from '../up/stop.js';
import {runUp} from '../up/up.js';

/**
 * Services that should be running: active, scaled above 0, and not one-shot (a service others
 * wait for with service_completed_successfully is done when it exits 0).
 */
export function expectedServices(project: ComposeProject): string[] {
	const active = project.services.filter(service => service.replicas > 0).map(service => service.name);
	const oneShot = servicesAwaitedToComplete(project, active);
	return active.filter(service => !oneShot.has(service));
}

/**
 * `u` and `R`: the same orchestration as `stacktui up` and `stacktui restart`, reported in one
 * line. Without the project's own compose model (a project watched by name whose files are not
 * readable here) both say so and change nothing.
 */
export function stackOperations(docker: Docker, project: ComposeProject | undefined, name: string, startupBudgetMs?: number): StackOperations {
	// A second `u` within this long confirms recreating containers whose configuration differs.
	const confirmWindowMs = 15_000;
	let askedAtMs = Number.NEGATIVE_INFINITY;
	const withoutModel = `no compose files for ${name} here: run stacktui -f FILE (or where its compose file is) to bring it up`;
	return {
		async up({signal}) {
			if (project === undefined) {
				return `up: ${withoutModel}`;
			}

			const services = project.services.map(service => service.name);
			const refusal = firstRefusal(project, services);
			if (refusal !== undefined) {
				return `up: ${refusal.line} (stacktui up --allow-unsupported starts it without)`;
			}

			const changed = await servicesToRecreate(docker, project, services);
			if (changed.length > 0 && Date.now() - askedAtMs > confirmWindowMs) {
				askedAtMs = Date.now();
				return `up: ${changed.join(', ')} run${changed.length === 1 ? 's' : ''} with another configuration than ${project.configFiles.length === 1 ? 'the compose file' : 'the compose files'} (or another tool made ${changed.length === 1 ? 'it' : 'them'}): press u again to recreate`;
			}

			askedAtMs = Number.NEGATIVE_INFINITY;
			const started = Date.now();
			const result = await runUp(docker, project, services, {signal});
			if (result.isAborted) return abortSummary(result.state);
			const failed = Object.values(result.state.services).filter(service => service.phase === 'failed' || service.phase === 'blocked');
			return result.isSuccess
				? `up: every service of ${project.name} is up (${formatElapsed(Date.now() - started)})`
				: `up: ${failed.map(service => `${service.name} ${service.phase}: ${service.reason ?? ''}`).join('; ') || 'not every service came up in time'}`;
		},
		async restartStack({signal, runs, waitForStack}) {
			if (project === undefined) {
				return `restart: ${withoutModel}`;
			}

			const started = Date.now();
			const before = runs();
			const report = await stopOrRestart(docker, project, [], 'restart', () => undefined, signal);
			if (report.aborted !== undefined) return lifecycleAbortText('restart', report.aborted);
			if (report.errors.length > 0) return `restart: ${report.errors.join('; ')}`;
			// Back means every container on a new run at its target, within the stack's startup budget.
			const budgetMs = startupBudgetMs ?? defaultStartupMs;
			const readiness = await waitForStack(before, budgetMs);
			if (signal.aborted) return `restart of ${project.name}: restarted, still waiting for ${readiness.waiting.join(', ')} when stacktui quit`;
			return readiness.isBack
				? `${project.name} is back: ${report.lines.length} services restarted in dependency order, every one at its target (${formatElapsed(Date.now() - started)})`
				: `restart of ${project.name}: still waiting after ${formatElapsed(budgetMs)} for ${readiness.waiting.join(', ')}`;
		},
	};
}

/** Without a startup budget in the profile, a restarted stack is waited for this long. */
const defaultStartupMs = 60_000;
