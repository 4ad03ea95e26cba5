#!/usr/bin/env node
// Test set-up only: runs Podman's health checks at each container's interval, as systemd's
// timers would on a host with systemd. Podman 4 schedules its checks only through systemd; without
// it (a container, CI, WSL) containers stay `starting` for ever. Docker runs its own checks.
//
// Every second it lists the running containers through Podman's API, reads each new run's
// HEALTHCHECK interval, and calls GET /libpod/containers/{id}/healthcheck when one is due: first
// one interval after the container started, then one interval after the previous check ended.
//
//   node scripts/podman-health-ticker.mjs [SOCKET]     (default /run/podman/podman.sock)
import http from 'node:http';

const socketPath = process.argv[2] ?? '/run/podman/podman.sock';
const tickMs = 1000;
const defaultIntervalNs = 30e9; // Docker's and Podman's default

/** Container id → {startedAt, intervalMs, dueAt, isRunning} of its current run. */
const runs = new Map();

function request(path) {
	return new Promise((resolve, reject) => {
		const call = http.get({socketPath, path, timeout: 60_000}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', chunk => (body += chunk));
			response.on('end', () => {
				try {
					resolve(response.statusCode === 200 ? JSON.parse(body) : undefined);
				} catch (error) {
					reject(error);
				}
			});
		});
		call.on('timeout', () => call.destroy(new Error('timeout')));
		call.on('error', reject);
	});
}

async function check(id, run) {
	run.isRunning = true;
	try {
		await request(`/v4.0.0/libpod/containers/${id}/healthcheck`);
	} catch {
		// The container stopped meanwhile: the next listing forgets it.
	} finally {
		run.isRunning = false;
		run.dueAt = Date.now() + run.intervalMs;
	}
}

async function tick() {
	const listed = (await request('/v4.0.0/libpod/containers/json')) ?? [];
	const seen = new Set();
	for (const container of listed) {
		if (container.State !== 'running') continue;
		seen.add(container.Id);
		let run = runs.get(container.Id);
		if (run === undefined || run.startedAt !== container.StartedAt) {
			const inspect = await request(`/v1.41/containers/${container.Id}/json`).catch(() => undefined);
			const healthcheck = inspect?.Config?.Healthcheck;
			const hasCheck = Array.isArray(healthcheck?.Test) && healthcheck.Test.length > 0 && healthcheck.Test[0] !== 'NONE';
			const intervalMs = (healthcheck?.Interval || defaultIntervalNs) / 1e6;
			run = {startedAt: container.StartedAt, hasCheck, intervalMs, dueAt: Date.now() + intervalMs, isRunning: false};
			runs.set(container.Id, run);
		}

		if (run.hasCheck && !run.isRunning && Date.now() >= run.dueAt) void check(container.Id, run);
	}

	for (const id of runs.keys()) {
		if (!seen.has(id)) runs.delete(id);
	}
}

process.on('SIGTERM', () => process.exit(0));
for (;;) {
	const started = Date.now();
	await tick().catch(() => undefined); // Service restarting: try again next tick.
	await new Promise(resolve => setTimeout(resolve, Math.max(0, tickMs - (Date.now() - started))));
}
