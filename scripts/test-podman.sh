#!/usr/bin/env bash
# The engine-facing tests against Podman: makes sure Podman runs (scripts/ensure-engine.sh --podman),
# then runs the chosen test files with DOCKER_HOST pointing at Podman's socket. Extra arguments go
# to ava (e.g. --tap). Hold /tmp/stt-engine.lock around it on a shared machine: the tests bind host ports.
#
# The subset covers every engine call stacktui makes: connect, list and inspect, events, health
# (polled on Podman), stats (libpod's stream), logs across restarts, lifecycle, exec (shell key),
# up (networks, volumes, builds, pulls, create), down / stop / restart, and docker-compose against
# Podman's socket. Left out: outage (starts a private dockerd), standins and seed stacks (image
# contents, engine-independent and slow), check-cli (no engine).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-engine.sh --podman </dev/null
export DOCKER_HOST=unix:///run/podman/podman.sock
exec npx ava "$@" \
	test/integration/connect.test.ts \
	test/integration/events.test.ts \
	test/integration/health-poll.test.ts \
	test/integration/stats.test.ts \
	test/integration/details.test.ts \
	test/integration/logs.test.ts \
	test/integration/log-follower.test.ts \
	test/integration/status-cli.test.ts \
	test/integration/tunnels.test.ts \
	test/integration/up.test.ts \
	test/integration/up-build.test.ts \
	test/integration/up-cli.test.ts \
	test/integration/up-down.test.ts \
	test/integration/compose-compat.test.ts \
	test/e2e/dashboard.test.ts
