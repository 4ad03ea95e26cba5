import path from 'node:path';
import type Docker from 'dockerode';
import {sleep} from '../engine/backoff.js';
import type {Profile} from '../profile/types.js';
import {StackSession, type StackOperations} from '../stack/session.js';
import {openRecord} from './open-record.js';
import type {EndLine} from './record-types.js';
import {RecordWriter} from './record-writer.js';
import {SessionRecorder} from './session-recorder.js';
import {runStep} from './step-runner.js';
import type {EndReason, Verdict} from './verdict-types.js';

export type SoakOptions = {
	readonly docker: Docker;
	readonly engine: {readonly address: string; readonly version: string};
	readonly profile: Profile;
	/** Compose services expected to run. */
	readonly services: readonly string[];
	readonly directory: string;
	readonly durationMs: number;
	/** Brings the stack up first (the `--up` flag); startup is timed from it. */
	readonly up?: (signal: AbortSignal) => Promise<string>;
	readonly secrets: readonly string[];
	/** Ends the soak early (Ctrl-C): the verdict and report are still written. */
	readonly signal: AbortSignal;
	/** Progress: the session to watch, then one call per line of news. */
	readonly onStart?: (session: StackSession, recorder: SessionRecorder, endsAt: number) => void;
	readonly onNews?: (text: string) => void;
	readonly operations?: StackOperations;
};

export type SoakResult = {readonly verdict: Verdict; readonly reason: EndReason; readonly directory: string; readonly isResumed: boolean};

/**
 * One soak: watches the stack for the duration (from the first session's start, so a resumed
 * run ends when the original would have), runs the profile's steps at their times, records
 * everything, and writes the verdict. Steps already begun before a resume are not run again.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
	const {profile, signal} = options;
	const now = Date.now();
	const opened = openRecord({directory: options.directory, profile, services: options.services, command: 'soak', plannedDurationMs: options.durationMs, engine: options.engine, secrets: options.secrets, now});
	const startedAt = opened.first.at;
	const session = new StackSession(options.docker, profile, options.operations ?? {}, {services: options.services, startedAt, monitor: opened.monitor});
	const writer = new RecordWriter(options.directory);
	writer.open();
	const recorder = new SessionRecorder(session, writer, opened.header, opened.ledger, opened.containers, options.secrets);
	recorder.start();
	session.start();
	const endsAt = startedAt + options.durationMs;
	options.onStart?.(session, recorder, endsAt);
	const controller = new AbortController();
	const stepSignal = AbortSignal.any([signal, controller.signal]);
	let reason: EndReason = 'completed';
	let message: string | undefined;
	try {
		if (options.up !== undefined && !opened.isResumed) {
			session.monitor.note({type: 'stack-start', at: Date.now(), cause: 'up'});
			options.onNews?.(await options.up(signal));
		}

		const steps = profile.soak.steps.filter(step => {
			const progress = opened.ledger.steps.get(step.index);
			if (progress === undefined) return true;
			options.onNews?.(`step ${step.name}: ${progress.status} before the resume, not run again`);
			return false;
		});
		const running = steps.map(async step => runStep(step, startedAt, {docker: options.docker, monitor: session.monitor, state: () => session.view.state, cwd: profile.file === undefined ? process.cwd() : path.dirname(profile.file), project: profile.project, report: line => recorder.step(line), signal: stepSignal}));
		await waitUntil(endsAt, signal);
		if (signal.aborted) reason = 'interrupted';
		controller.abort();
		await Promise.all(running);
	} catch (error) {
		reason = 'error';
		message = (error as Error).message.split('\n')[0];
		controller.abort();
	}

	// One last evaluation at the end, so the verdict covers the whole run.
	session.monitor.evaluate(Date.now(), session.view.state);
	session.stop();
	const end: Omit<EndLine, 'type' | 'status'> = {at: Date.now(), reason, exitCode: 0, ...(message === undefined ? {} : {message})};
	const verdict = recorder.close({...end, exitCode: reason === 'error' ? 2 : recorder.verdict().exitCode});
	return {verdict, reason, directory: options.directory, isResumed: opened.isResumed};
}

async function waitUntil(at: number, signal: AbortSignal): Promise<void> {
	while (!signal.aborted && Date.now() < at) await sleep(Math.min(1000, at - Date.now()), signal);
}
