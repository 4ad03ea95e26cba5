#!/usr/bin/env bash
# Key → frame latency and time to the first full frame, from stacktui's own trace (STACKTUI_TRACE:
# input and frame-flush times), not from polling the screen. The dashboard runs in tmux 200×50 on an
# N-container project (bench/stack.sh); after a warm-up, KEYS presses of j (then k) are sent one at a
# time, INTERVAL_MS apart; each input is paired with the first frame flushed after it.
#   flock /tmp/stt-engine.lock bash bench/key-latency.sh [N=200] [KEYS=200] [INTERVAL_MS=150]
# Env: STACKTUI_BIN (default: dist/bin.js of this checkout, run by its shebang), STACKTUI_ARGS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count=${1:-200}
presses=${2:-200}
interval=${3:-150}
project=stt-bench-keys-$$
work=$(mktemp -d)
socket=stt-bench-keys-$$
image=stacktui-test/busybox:1
read -r -a stacktui <<<"${STACKTUI_BIN:-$PWD/dist/bin.js}"
source bench/stack.sh
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; remove_stack; rm -rf "$work"' EXIT

make_stack "$count"
echo "# bench/key-latency.sh: $count containers, $presses key presses ${interval} ms apart, tmux 200×50, $(nproc) cores, $(date -u +%FT%TZ)"
sleep 3
tmux -L "$socket" new-session -d -s bench -x 200 -y 50 -c "$work" "exec env STACKTUI_TRACE=$work/trace.txt ${stacktui[*]} ${STACKTUI_ARGS:-} $work/profile.yaml"
tmux -L "$socket" set-option -t bench status off >/dev/null
sleep 10
for ((press = 0; press < presses; press++)); do
	if ((press < presses / 2)); then key=j; else key=k; fi
	tmux -L "$socket" send-keys -t bench "$key"
	sleep "$(awk -v ms="$interval" 'BEGIN { print ms / 1000 }')"
done
sleep 1
tmux -L "$socket" capture-pane -p -t bench | grep -q 'svc-' || { echo "no services on screen" >&2; exit 1; }
rows=$((count < 40 ? count : 40))
first=$(awk -v rows="$rows" '$1 == "frame" && $3 >= rows { print $2; exit }' "$work/trace.txt")
# Each input is paired with the first frame flushed after it (mawk has no sort: sort -n does it).
awk '
	$1 == "input" { pending[++inputs] = $2 }
	$1 == "frame" { while (paired < inputs) { paired++; print $2 - pending[paired] } }
' "$work/trace.txt" | sort -n >"$work/latencies.txt"
awk -v first="$first" -v rows="$rows" '
	{ latency[NR] = $1 }
	END {
		n = NR
		printf "first full frame (≥ %d lines drawn at once): %.0f ms after the process started\n", rows, first
		printf "key → frame over %d keys: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n", n, latency[int(n * 0.5 + 0.5)], latency[int(n * 0.9 + 0.5)], latency[int(n * 0.99 + 0.5)], latency[n]
	}' "$work/latencies.txt"
