import {spawn} from 'node:child_process';
import type Docker from 'dockerode';
import {sleep} from '../engine/backoff.js';
import {execInContainer} from '../engine/exec.js';
import {runLifecycle} from '../engine/lifecycle.js';
import type {StepDefinition} from '../profile/types.js';
import {sanitizeLine} from '../stack/clean-text.js';
import type {StackMonitor} from '../stack/monitor.js';
import type {StackState} from '../stack/model.js';
import type {StepLine} from './record-types.js';

export type StepContext = {
	readonly docker: Docker;
	readonly monitor: StackMonitor;
	readonly state: () => StackState;
	/** Where `run:` commands run (the profile's directory). */
	readonly cwd: string;
	/** The compose project: `run:` commands get it as STACKTUI_PROJECT. */
	readonly project: string;
	readonly report: (line: StepLine) => void;
	readonly signal: AbortSignal;
	readonly now?: () => number;
};

/** How long a step waits for its service to be up before it acts anyway. */
const readyWaitMs = 120_000;
/** A command without a time limit may run this long. */
const defaultCommandMs = 10 * 60_000;

/** Runs one step at its time; resolves when it passed, failed or was skipped (or the signal aborted). */
export async function runStep(step: StepDefinition, startedAt: number, context: StepContext): Promise<void> {
	const {monitor, signal} = context;
	const now = context.now ?? Date.now;
	await sleep(Math.max(0, startedAt + step.atMs - now()), signal);
	if (signal.aborted) return;
	const report = (state: StepLine['state'], message: string, recoveryMs?: number) =>
		context.report({type: 'step', at: now(), index: step.index, name: step.name, state, message: sanitizeLine(message), ...(recoveryMs === undefined ? {} : {recoveryMs})});
	if (step.service !== undefined && step.action !== 'exec') await waitFor(() => monitor.evaluator.facts.services.get(step.service ?? '')?.isUp === true, readyWaitMs, signal);
	monitor.stepStarted(step.name);
	report('started', describe(step));
	try {
		const outcome = step.action === 'run' || step.action === 'exec' ? await runCommand(step, context) : await takeDown(step, context, report);
		if (signal.aborted) {
			report('skipped', 'the soak ended before the step finished');
			monitor.stepEnded(step.name, false);
			return;
		}

		report(outcome.isPassed ? 'passed' : 'failed', outcome.message, outcome.recoveryMs);
		monitor.stepEnded(step.name, outcome.isPassed);
	} catch (error) {
		report('failed', (error as Error).message);
		monitor.stepEnded(step.name, false);
	}
}

type Outcome = {readonly isPassed: boolean; readonly message: string; readonly recoveryMs?: number};

function describe(step: StepDefinition): string {
	if (step.action === 'run') return `run ${step.command?.at(-1) ?? ''}${step.forMs === undefined ? '' : ` for at most ${step.forMs / 1000} s`}`;
	if (step.action === 'exec') return `exec in ${step.service ?? '?'}: ${step.command?.join(' ') ?? ''}`;
	return `${step.action} ${step.service ?? '?'}${step.forMs === undefined || step.action === 'restart' ? '' : `, down for ${step.forMs / 1000} s`}`;
}

/** stop / kill / restart: take the service down, start it again, and wait for the evaluator's recovery verdict. */
async function takeDown(step: StepDefinition, context: StepContext, report: (state: StepLine['state'], message: string, recoveryMs?: number) => void): Promise<Outcome> {
	const {docker, monitor, signal} = context;
	const now = context.now ?? Date.now;
	const service = step.service ?? '';
	const ids = [...context.state().containers.values()].filter(container => container.service === service).map(container => container.id);
	if (ids.length === 0) return {isPassed: false, message: `no container of ${service} to ${step.action}`};
	const cause = `step-${step.index}`;
	monitor.note({type: 'service-down', at: now(), service, cause, step: step.index});
	const action = step.action === 'restart' ? 'restart' : step.action === 'kill' ? 'kill' : 'stop';
	const results = await Promise.all(ids.map(async id => runLifecycle(docker, id, action)));
	const failed = results.find(result => !result.isOk);
	if (failed !== undefined) return {isPassed: false, message: failed.error ?? `${action} failed`};
	if (action !== 'restart') {
		report('service-down', `${service} ${action === 'kill' ? 'killed' : 'stopped'}`);
		await sleep(step.forMs ?? 0, signal);
		// Started again even when the soak ends meanwhile: a soak never leaves a service down.
		const started = await Promise.all(ids.map(async id => runLifecycle(docker, id, 'start')));
		const notStarted = started.find(result => !result.isOk);
		if (notStarted !== undefined) return {isPassed: false, message: notStarted.error ?? 'start failed'};
		if (signal.aborted) return {isPassed: false, message: `${service} started again; the soak ended before its recovery`};
	}

	monitor.note({type: 'service-up', at: now(), service, cause, step: step.index});
	report('service-started', `${service} started again`);
	const recovery = monitor.evaluator.recoveries.recoveries.get(step.index);
	await waitFor(() => recovery?.status === 'passed' || recovery?.status === 'failed', (recovery?.limitMs ?? 60_000) + 5000, signal);
	const recoveryMs = recovery?.recoveredAt !== undefined && recovery.upAt !== undefined ? recovery.recoveredAt - recovery.upAt : undefined;
	if (recoveryMs !== undefined) report('recovered', recovery?.message ?? '', recoveryMs);
	return {isPassed: recovery?.status === 'passed', message: recovery?.message ?? 'no recovery seen', ...(recoveryMs === undefined ? {} : {recoveryMs})};
}

/** run: a host command (sh -c in the profile's directory); exec: a command in the service's container. */
async function runCommand(step: StepDefinition, context: StepContext): Promise<Outcome> {
	const limit = AbortSignal.timeout(step.forMs ?? defaultCommandMs);
	const signal = AbortSignal.any([context.signal, limit]);
	if (step.action === 'exec') {
		const id = [...context.state().containers.values()].find(container => container.service === step.service && container.state === 'running')?.id;
		if (id === undefined) return {isPassed: false, message: `no running container of ${step.service ?? '?'}`};
		const result = await execInContainer(context.docker, id, step.command ?? [], signal);
		return {isPassed: result.exitCode === 0, message: `exit ${result.exitCode ?? '?'}${result.output.trim() === '' ? '' : `: ${result.output.trim().split('\n').at(-1) ?? ''}`}`};
	}

	const [program = 'sh', ...args] = step.command ?? [];
	return new Promise<Outcome>(resolve => {
		const env = {...process.env, STACKTUI_PROJECT: context.project, STACKTUI_PROFILE_DIR: context.cwd};
		const child = spawn(program, args, {cwd: context.cwd, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr = (stderr + chunk.toString('utf8')).slice(-2000);
		});
		const stop = () => {
			// The whole process group: a load script's children end with it.
			if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
		};

		signal.addEventListener('abort', stop, {once: true});
		child.on('error', error => resolve({isPassed: false, message: error.message}));
		child.on('close', code => {
			signal.removeEventListener('abort', stop);
			if (limit.aborted && !context.signal.aborted) resolve({isPassed: true, message: `stopped after ${(step.forMs ?? defaultCommandMs) / 1000} s as planned`});
			else resolve({isPassed: code === 0, message: `exit ${code ?? 'by signal'}${stderr.trim() === '' ? '' : `: ${stderr.trim().split('\n').at(-1) ?? ''}`}`});
		});
	});
}

async function waitFor(predicate: () => boolean, timeoutMs: number, signal: AbortSignal): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!signal.aborted && !predicate() && Date.now() < deadline) await sleep(250, signal);
}
