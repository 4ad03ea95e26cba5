import type {Dependency} from './graph.js';
import {isSettled, type ServiceRun, type UpState} from './model.js';

/** What the orchestrator should do next. */
export type Decision =
	| {readonly type: 'start'; readonly service: string}
	| {readonly type: 'block'; readonly service: string; readonly reason: string};

export type ConditionStatus = {readonly status: 'met' | 'pending'} | {readonly status: 'failed'; readonly reason: string};

/** Whether a dependency satisfies a dependent's depends_on condition, will, or never can. */
export function conditionStatus(dependency: Dependency, run: ServiceRun | undefined): ConditionStatus {
	const name = dependency.service;
	if (run === undefined) {
		return {status: 'failed', reason: `${name} is not a service of this project`};
	}

	if (run.phase === 'failed' || run.phase === 'blocked') {
		return {status: 'failed', reason: `${name} ${run.phase === 'blocked' ? 'did not start' : 'failed'}: ${run.reason ?? run.phase}`};
	}

	switch (dependency.condition) {
		case 'service_started': {
			return {status: run.phase === 'running' || run.phase === 'healthy' || run.phase === 'completed' ? 'met' : 'pending'};
		}

		case 'service_healthy': {
			if (run.phase === 'healthy') {
				return {status: 'met'};
			}

			if (run.hasHealthcheck === false) {
				return {status: 'failed', reason: `${name} has no healthcheck, so it can never be service_healthy`};
			}

			return run.phase === 'completed' ? {status: 'failed', reason: `${name} exited before it was healthy`} : {status: 'pending'};
		}

		case 'service_completed_successfully': {
			return {status: run.phase === 'completed' ? 'met' : 'pending'};
		}
	}
}

/**
 * The services to start now (created, every dependency met) and to block (a required
 * dependency can no longer be met). When nothing is under way any more but services
 * still wait, they wait on each other: they are blocked too.
 */
export function decide(dependencies: Readonly<Record<string, readonly Dependency[]>>, state: UpState): Decision[] {
	const decisions: Decision[] = [];
	for (const name of state.order) {
		const run = state.services[name];
		if (run?.phase !== 'created') {
			continue;
		}

		const statuses = (dependencies[name] ?? []).map(dependency => ({
			dependency,
			result: conditionStatus(dependency, state.services[dependency.service]),
		}));
		const failure = statuses.find(({dependency, result}) => result.status === 'failed' && dependency.isRequired);
		if (failure !== undefined && failure.result.status === 'failed') {
			decisions.push({type: 'block', service: name, reason: failure.result.reason});
		} else if (statuses.every(({result}) => result.status !== 'pending')) {
			decisions.push({type: 'start', service: name});
		}
	}

	const isAnythingUnderWay = Object.values(state.services).some(run => run.phase !== 'created' && !isSettled(run));
	if (decisions.length === 0 && !isAnythingUnderWay) {
		for (const name of state.order) {
			if (state.services[name]?.phase === 'created') {
				decisions.push({type: 'block', service: name, reason: `waits for ${pendingDependencies(dependencies, state, name).join(', ')}, which wait for it in turn`});
			}
		}
	}

	return decisions;
}

/** Names of the dependencies a service still waits for, with the condition when not just started. */
export function pendingDependencies(dependencies: Readonly<Record<string, readonly Dependency[]>>, state: UpState, service: string): string[] {
	return (dependencies[service] ?? [])
		.filter(dependency => conditionStatus(dependency, state.services[dependency.service]).status === 'pending')
		.map(dependency => (dependency.condition === 'service_started' ? dependency.service : `${dependency.service} (${conditionWord[dependency.condition]})`));
}

const conditionWord = {
	service_started: 'started',
	service_healthy: 'healthy',
	service_completed_successfully: 'completed',
} as const;
