#!/usr/bin/env bash
# Memory of the dashboard through a log flood: one service printing about RATE lines a second (in
# bursts of RATE/10 every 0.1 s) with the log pane open on it, RSS sampled every 10 s for MINUTES.
#   flock /tmp/stt-engine.lock bash bench/log-flood.sh [MINUTES=10] [RATE=10000]
# Env: STACKTUI_BIN (default: dist/bin.js of this checkout, run by its shebang).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes=${1:-10}
rate=${2:-10000}
project=stt-bench-flood-$$
work=$(mktemp -d)
socket=stt-bench-flood-$$
image=stacktui-test/busybox:1
read -r -a stacktui <<<"${STACKTUI_BIN:-$PWD/dist/bin.js}"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; ids=$(docker ps -aq --filter "label=com.docker.compose.project=$project"); [ -n "$ids" ] && docker rm -f $ids >/dev/null; rm -rf "$work"' EXIT

printf 'services:\n  flood: {image: %s}\n' "$image" >"$work/docker-compose.yml"
printf 'name: flood\ncompose: docker-compose.yml\nproject: %s\nrefresh: 1s\n' "$project" >"$work/profile.yaml"
docker run -d --name "${project}_flood_1" --network none --init \
	--label "com.docker.compose.project=$project" --label com.docker.compose.service=flood \
	--label com.docker.compose.container-number=1 --label com.docker.compose.oneoff=False \
	"$image" awk -v burst=$((rate / 10)) 'BEGIN { for (;;) { for (i = 0; i < burst; i++) print "flood line " n++ " with some text to make it about eighty characters long ....."; fflush(); system("sleep 0.1") } }' >/dev/null
echo "# bench/log-flood.sh: ~$rate lines/s for $minutes min, log pane open, tmux 200×50, $(date -u +%FT%TZ)"
tmux -L "$socket" new-session -d -s flood -x 200 -y 50 -c "$work" "exec ${stacktui[*]} $work/profile.yaml"
pid=$(tmux -L "$socket" display-message -p -t flood '#{pane_pid}')
sleep 5
tmux -L "$socket" send-keys -t flood l
echo "| minute | RSS MiB | peak RSS MiB | own CPU-s so far |"
echo "| --- | --- | --- | --- |"
for ((second = 0; second <= minutes * 60; second += 10)); do
	if ((second % 60 == 0)); then
		rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
		peak=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
		cpu=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{printf "%.1f", ($12 + $13) / 100}')
		echo "| $((second / 60)) | $rss | $peak | $cpu |"
	fi
	sleep 10
done
tmux -L "$socket" capture-pane -p -t flood | grep -q 'flood line' || { echo "the log pane showed no flood lines" >&2; exit 1; }
