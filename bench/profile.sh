#!/usr/bin/env bash
# A CPU profile of the dashboard on an N-container project (bench/stack.sh), for reading what a
# refresh costs: node --cpu-prof over the dashboard's whole run, quit with `q` after the window.
#   bash bench/profile.sh N [WINDOW_S] [OUT_DIR] [KEYS]   # defaults: 45 s, ./profiles-out, no keys
# Hold the engine lock: flock /tmp/stt-engine.lock bash bench/profile.sh 20
# Env: STACKTUI_BIN (default dist/bin.js of this checkout). Read the result with bench/top-functions.mjs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count=${1:?usage: bench/profile.sh N [WINDOW_S] [OUT_DIR] [KEYS]}
window=${2:-45}
out=$(realpath -m "${3:-profiles-out}")
keys=${4:-}
project=stt-bench-profile-$$
work=$(mktemp -d)
socket=stt-bench-profile-$$
image=stacktui-test/busybox:1
bin=${STACKTUI_BIN:-$PWD/dist/bin.js}
mkdir -p "$out"

source bench/stack.sh
cleanup() {
	tmux -L "$socket" kill-server 2>/dev/null || true
	remove_stack
	rm -rf "$work"
	return 0
}
trap cleanup EXIT

make_stack "$count"
sleep 3
# The shebang's V8 flags, with the profiler added.
tmux -L "$socket" new-session -d -s profile -x 200 -y 50 -c "$work" \
	"exec node --max-semi-space-size=1 --cpu-prof --cpu-prof-dir=$out $bin $work/profile.yaml"
tmux -L "$socket" set-option -t profile status off >/dev/null
if [ -n "$keys" ]; then sleep 5; tmux -L "$socket" send-keys -t profile "$keys"; fi
sleep "$window"
tmux -L "$socket" send-keys -t profile q
for _ in $(seq 50); do tmux -L "$socket" has-session -t profile 2>/dev/null || break; sleep 0.2; done
ls -t "$out"/*.cpuprofile | head -1
