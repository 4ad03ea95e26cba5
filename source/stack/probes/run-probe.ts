import net from 'node:net';
import {performance} from 'node:perf_hooks';
import type Docker from 'dockerode';
import {execInContainer} from '../../engine/exec.js';
import type {ProbeDefinition} from '../../profile/types.js';

export type ProbeOutcome = {readonly isOk: boolean; readonly latencyMs: number; readonly error?: string};

export type ProbeContext = {
	readonly docker: Docker;
	/** A running container of the service, for exec probes. */
	readonly containerOf: (service: string) => string | undefined;
};

/** One check: exec in a container, HTTP GET or TCP connect, within the probe's timeout. Never throws. */
export async function runProbe(probe: ProbeDefinition, context: ProbeContext, signal: AbortSignal): Promise<ProbeOutcome> {
	const started = performance.now();
	const timeout = AbortSignal.timeout(probe.timeoutMs);
	const combined = AbortSignal.any([signal, timeout]);
	const done = (isOk: boolean, error?: string): ProbeOutcome => ({isOk, latencyMs: performance.now() - started, ...(error === undefined ? {} : {error})});
	try {
		switch (probe.kind) {
			case 'exec': {
				const id = context.containerOf(probe.service);
				if (id === undefined) return done(false, `no running container of ${probe.service}`);
				const result = await execInContainer(context.docker, id, probe.command ?? [], combined);
				if (result.exitCode !== 0) return done(false, `exit ${result.exitCode ?? '?'}: ${firstLine(result.output)}`);
				return expectIn(result.output, probe.expect) ? done(true) : done(false, `output lacks "${probe.expect ?? ''}": ${firstLine(result.output)}`);
			}

			case 'http': {
				const response = await fetch(probe.url ?? '', {signal: combined, redirect: 'follow'});
				const body = await response.text();
				if (!response.ok) return done(false, `HTTP ${response.status}: ${firstLine(body)}`);
				return expectIn(body, probe.expect) ? done(true) : done(false, `body lacks "${probe.expect ?? ''}": ${firstLine(body)}`);
			}

			case 'tcp': {
				await connect(probe.address?.host ?? '127.0.0.1', probe.address?.port ?? 0, combined);
				return done(true);
			}
		}
	} catch (error) {
		if (timeout.aborted && !signal.aborted) return done(false, `timed out after ${probe.timeoutMs / 1000} s`);
		const cause = (error as {cause?: {code?: string; message?: string}}).cause;
		return done(false, cause?.code ?? cause?.message ?? (error as Error).message);
	}
}

function expectIn(text: string, expect: string | undefined): boolean {
	return expect === undefined || text.includes(expect);
}

function firstLine(text: string): string {
	return (text.trim().split('\n')[0] ?? '').slice(0, 200);
}

async function connect(host: string, port: number, signal: AbortSignal): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const socket = net.connect({host, port});
		const finish = (error?: Error) => {
			signal.removeEventListener('abort', onAbort);
			socket.destroy();
			if (error === undefined) resolve();
			else reject(error);
		};

		const onAbort = () => finish(new Error('aborted'));
		signal.addEventListener('abort', onAbort, {once: true});
		socket.once('connect', () => finish());
		socket.once('error', error => finish(error));
	});
}
