import test from 'ava';
import type {ProbeDefinition} from '../../source/profile/types.js';
import {StackMonitor} from '../../source/stack/monitor.js';
import type {ProbeResult} from '../../source/stack/probe-tally.js';
import {runProbes} from '../../source/stack/probes/probe-runner.js';
import {base, budgets, stack} from '../helpers/budget-fixture.js';

const probe: ProbeDefinition = {
	name: 'ping', service: 'redis', kind: 'tcp', command: undefined, url: undefined, address: {host: '127.0.0.1', port: 1}, expect: undefined,
	intervalMs: 40, timeoutMs: 20, after: undefined, successRatio: 1, latency: {}, written: {},
};

test('checks run one at a time, an interval apart, only while the probe is ready, until aborted', async t => {
	const controller = new AbortController();
	let isReady = false;
	let running = 0;
	let overlaps = 0;
	const results: ProbeResult[] = [];
	const done = runProbes({
		probes: [probe],
		signal: controller.signal,
		isReady: () => isReady,
		onResult: result => results.push(result),
		async check() {
			running++;
			if (running > 1) overlaps++;
			await new Promise(resolve => setTimeout(resolve, 60)); // Longer than the interval.
			running--;
			return {isOk: true, latencyMs: 60};
		},
	});
	await new Promise(resolve => setTimeout(resolve, 600));
	t.is(results.length, 0, 'not ready: no checks');
	isReady = true;
	await new Promise(resolve => setTimeout(resolve, 1200));
	const whileReady = results.length;
	t.true(whileReady >= 3 && whileReady <= 20, `${whileReady} checks in 1.2 s of 60 ms checks`);
	const gaps = results.slice(1).map((result, index) => result.at - (results[index]?.at ?? 0));
	t.true(gaps.every(gap => gap >= probe.intervalMs - 5), `an interval apart at least: ${gaps.join(', ')} ms`);
	isReady = false;
	await new Promise(resolve => setTimeout(resolve, 700));
	t.true(results.length <= whileReady + 1, 'paused: at most the check in flight finishes');
	controller.abort();
	await done;
	t.is(overlaps, 0);
	t.true(results.every(result => result.probe === 'ping' && result.isOk));
});

test('a probe waits for its service to be up and its after: step to pass, and pauses while the service is down as planned', t => {
	const withAfter = {...probe, after: 'seed'};
	const monitor = new StackMonitor({budgets: budgets(), probes: [withAfter], soak: {durationMs: undefined, steps: []}, phases: []}, ['redis'], base);
	monitor.evaluate(base, stack({id: 'r', service: 'redis', health: 'starting'}));
	t.false(monitor.isProbeReady(withAfter), 'the service was never up');
	monitor.evaluate(base + 1000, stack({id: 'r', service: 'redis', health: 'healthy'}));
	t.false(monitor.isProbeReady(withAfter), 'its step has not passed');
	monitor.stepEnded('seed', true);
	t.true(monitor.isProbeReady(withAfter));
	monitor.note({type: 'service-down', at: base + 2000, service: 'redis', cause: 'step-2', step: 2});
	monitor.evaluate(base + 2000, stack({id: 'r', service: 'redis', health: 'healthy', state: 'exited'}));
	t.false(monitor.isProbeReady(withAfter), 'down as planned: paused');
	monitor.probeResult({at: base + 2100, probe: 'ping', isOk: false, latencyMs: 5, error: 'refused'});
	const state = monitor.evaluate(base + 2200, stack({id: 'r', service: 'redis', health: 'healthy', state: 'exited'}));
	t.is(state.tracks.find(track => track.id === 'probe-success:ping')?.status, 'not-evaluated', 'a check that failed while the service was down as planned does not count');
	monitor.note({type: 'service-up', at: base + 3000, service: 'redis', cause: 'step-2', step: 2});
	monitor.evaluate(base + 4000, stack({id: 'r', service: 'redis', health: 'healthy', startedAt: 3000}));
	t.true(monitor.isProbeReady(withAfter), 'up again: checks resume');
});

test('a check that fails as a planned stop begins, before the next evaluation, does not count', t => {
	const monitor = new StackMonitor({budgets: budgets(), probes: [probe], soak: {durationMs: undefined, steps: []}, phases: []}, ['redis'], base);
	monitor.evaluate(base, stack({id: 'r', service: 'redis', health: 'healthy'}));
	monitor.probeResult({at: base + 500, probe: 'ping', isOk: true, latencyMs: 5});
	// The step notes the stop; the check in flight fails a few ms later, before the evaluator has seen the note.
	monitor.note({type: 'service-down', at: base + 1000, service: 'redis', cause: 'step-2', step: 2});
	monitor.probeResult({at: base + 1003, probe: 'ping', isOk: false, latencyMs: 3, error: 'refused'});
	const state = monitor.evaluate(base + 1100, stack({id: 'r', service: 'redis', health: 'healthy', state: 'exited'}));
	const track = state.tracks.find(candidate => candidate.id === 'probe-success:ping');
	t.not(track?.status, 'breached', JSON.stringify(track));
});
