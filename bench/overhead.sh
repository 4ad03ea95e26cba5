#!/usr/bin/env bash
# What watching a stack costs: stacktui's dashboard against `docker stats` (and lazydocker when it
# is on PATH) on the same N-container compose project, one tool after the other, each in tmux
# 200×50 for the same window after a warm-up.
#   bash bench/overhead.sh N [WINDOW_S] [WARMUP_S]        # defaults: 60 s window, 15 s warm-up
# Hold the engine lock: flock /tmp/stt-engine.lock bash bench/overhead.sh 20
# Env: STACKTUI_BIN (default: dist/bin.js of this checkout, run by its shebang; `npm run build` first),
#      STACKTUI_ARGS (extra dashboard flags, e.g. "--stats api").
# Containers (bench/stack.sh, busybox test image): one in ten burns a little CPU, half print a line a
# second, the rest sleep; one more, aaa-chatty, prints 10 lines a second (the log pane opens its logs).
# Own CPU = utime+stime of the tool's process over the window; peak RSS = VmHWM (start included);
# engine = dockerd + containerd + every containerd-shim over the window; "none" is the engine
# with no tool, so a tool's induced engine CPU is its engine column minus that row.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count=${1:?usage: bench/overhead.sh N [WINDOW_S] [WARMUP_S]}
window=${2:-60}
warmup=${3:-15}
project=stt-bench-overhead-$$
work=$(mktemp -d)
socket=stt-bench-overhead-$$
image=stacktui-test/busybox:1
# dist/bin.js runs through its shebang (node with its V8 flags), as the installed `stacktui` does.
read -r -a stacktui <<<"${STACKTUI_BIN:-$PWD/dist/bin.js}"
ticks=$(getconf CLK_TCK)

source bench/stack.sh
cleanup() {
	tmux -L "$socket" kill-server 2>/dev/null || true
	remove_stack
	rm -rf "$work"
	return 0
}
trap cleanup EXIT

echo "# bench/overhead.sh: $count containers, ${window} s windows after ${warmup} s warm-up, tmux 200×50, $(nproc) cores, $(date -u +%FT%TZ)"
started=$SECONDS
make_stack "$count"
echo "# project $project: $count containers running (started in $((SECONDS - started)) s)"
sleep 5

# --- measuring -----------------------------------------------------------------------------
engine_pids() { pgrep -x dockerd; pgrep -x containerd; pgrep -f '^/usr/bin/containerd-shim' || true; }
cpu_ticks() { # sum of utime+stime of the given pids
	local total=0 pid fields
	for pid in "$@"; do
		fields=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
		read -r -a parts <<<"$fields"
		total=$((total + parts[11] + parts[12]))
	done
	echo "$total"
}
status_kib() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
per_minute() { awk -v t="$1" -v hz="$ticks" -v w="$window" 'BEGIN { printf "%.2f", t / hz * 60 / w }'; }

rows=()
# measure NAME COMMAND [KEYS]: runs COMMAND in tmux, waits the warm-up, sends KEYS, measures the window.
measure() {
	local name=$1 command=$2 keys=${3:-} pid engine before_own before_engine peak
	if [ -n "$command" ]; then
		tmux -L "$socket" new-session -d -s bench -x 200 -y 50 -c "$work" "exec $command"
		tmux -L "$socket" set-option -t bench status off >/dev/null
		pid=$(tmux -L "$socket" display-message -p -t bench '#{pane_pid}')
	fi

	sleep "$warmup"
	if [ -n "$keys" ]; then tmux -L "$socket" send-keys -t bench "$keys"; sleep 2; fi
	mapfile -t engine < <(engine_pids)
	before_engine=$(cpu_ticks "${engine[@]}")
	[ -n "$command" ] && before_own=$(cpu_ticks "$pid")
	sleep "$window"
	local engine_used own='-' peak='-' end='-'
	engine_used=$(($(cpu_ticks "${engine[@]}") - before_engine))
	if [ -n "$command" ]; then
		own=$(per_minute $(($(cpu_ticks "$pid") - before_own)))
		peak=$(mib "$(status_kib "$pid" VmHWM)")
		end=$(mib "$(status_kib "$pid" VmRSS)")
		tmux -L "$socket" capture-pane -p -t bench >"$work/screen-${name//[^a-z]/_}.txt"
		tmux -L "$socket" kill-server
		sleep 3
	fi

	rows+=("$name|$own|$peak|$end|$(per_minute "$engine_used")")
}

measure none ''
measure 'docker stats' "docker stats $ids"
if command -v lazydocker >/dev/null 2>&1; then
	measure lazydocker lazydocker
else
	echo "# lazydocker: not on PATH, not measured"
fi

measure stacktui "${stacktui[*]} ${STACKTUI_ARGS:-} $work/profile.yaml"
grep -q 'svc-' "$work/screen-stacktui.txt" || { echo "stacktui showed no services:" >&2; cat "$work/screen-stacktui.txt" >&2; exit 1; }
measure 'stacktui, log pane (10 lines/s)' "${stacktui[*]} ${STACKTUI_ARGS:-} $work/profile.yaml" l
grep -q 'line [0-9]' "$work/screen-stacktui__log_pane_____lines_s_.txt" || { echo "the log pane showed no lines" >&2; exit 1; }

# --- the table -----------------------------------------------------------------------------
reference=$(printf '%s\n' "${rows[@]}" | awk -F'|' '$1 == "docker stats" {print $2}')
idle=$(printf '%s\n' "${rows[@]}" | awk -F'|' '$1 == "none" {print $5}')
echo
echo "| N | tool | own CPU-s / min | × docker stats | peak RSS MiB | RSS at end MiB | engine CPU-s / min | induced engine CPU-s / min |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for row in "${rows[@]}"; do
	IFS='|' read -r name own peak end engine <<<"$row"
	ratio=$(awk -v a="$own" -v b="$reference" 'BEGIN { if (a == "-" || b + 0 == 0) print "-"; else printf "%.2f×", a / b }')
	induced=$(awk -v a="$engine" -v b="$idle" 'BEGIN { printf "%.2f", a - b }')
	echo "| $count | $name | $own | $ratio | $peak | $end | $engine | $induced |"
done
