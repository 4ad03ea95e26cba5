// The Podman pass (scripts/test-podman.sh, npm run test:podman): the engine-facing tests, run with
// DOCKER_HOST at Podman's socket, plus test/podman/ (Podman's own tools against the same engine).
// They cover every engine call stacktui makes: connect, list and inspect, events, health (polled on
// Podman), stats (libpod's stream), logs across restarts, lifecycle, exec (shell key), up (networks,
// volumes, builds, pulls, create), down / stop / restart, and the compose tools against Podman.
// Left out: outage (starts a private dockerd), standins and seed stacks (image contents: engine-
// independent and slow), check-cli (no engine). The settings are package.json's "ava".
import {readFileSync} from 'node:fs';

const {ava} = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

export default {
	...ava,
	// test/podman/ is left out of package.json's files (npm test runs on Docker).
	files: [
		'test/integration/connect.test.ts',
		'test/integration/events.test.ts',
		'test/integration/health-poll.test.ts',
		'test/integration/stats.test.ts',
		'test/integration/details.test.ts',
		'test/integration/logs.test.ts',
		'test/integration/log-follower.test.ts',
		'test/integration/status-cli.test.ts',
		'test/integration/tunnels.test.ts',
		'test/integration/up.test.ts',
		'test/integration/up-build.test.ts',
		'test/integration/up-cli.test.ts',
		'test/integration/up-down.test.ts',
		'test/integration/compose-compat.test.ts',
		'test/e2e/dashboard.test.ts',
		'test/podman/**/*.test.ts',
	],
};
