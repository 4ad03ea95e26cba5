#!/usr/bin/env bash
# The engine-facing tests against Podman: makes sure Podman runs (scripts/ensure-engine.sh --podman),
# then runs the chosen test files with DOCKER_HOST pointing at Podman's socket. Extra arguments go
# to ava (e.g. --tap). Hold /tmp/stt-engine.lock around it on a shared machine: the tests bind host ports.
#
# Which files: ava.podman.config.js (and why those).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-engine.sh --podman </dev/null
export DOCKER_HOST=unix:///run/podman/podman.sock
exec npx ava --config ava.podman.config.js "$@"
