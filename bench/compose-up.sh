#!/usr/bin/env bash
# Times `stacktui up` against `docker-compose up -d` on the same compose file, each from nothing
# (images present) to every service started, and removes both projects afterwards.
#   bash bench/compose-up.sh [PROFILE]      # default: freshpoc
# docker-compose -d returns once containers are started, without waiting for health; stacktui up
# returns once every service reached its target (healthy where it has a health check), so the
# script also times how long docker-compose's stack takes to report every health check healthy.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
profile=${1:-freshpoc}
compose=profiles/$profile/docker-compose.yml
mine=stt-bench-up-$$
theirs=stt-bench-compose-$$

cleanup() {
	for project in "$mine" "$theirs"; do
		ids=$(docker ps -aq --filter "label=com.docker.compose.project=$project")
		[ -n "$ids" ] && docker rm -f -v $ids >/dev/null
		for network in $(docker network ls -q --filter "label=com.docker.compose.project=$project"); do docker network rm "$network" >/dev/null; done
		for volume in $(docker volume ls -q --filter "label=com.docker.compose.project=$project"); do docker volume rm "$volume" >/dev/null; done
	done
	return 0
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }

start=$(now)
npx tsx source/bin.ts up --profile "profiles/$profile.yaml" --project "$mine" >/dev/null
echo "stacktui up (every service at its target, health included): $(elapsed "$start" "$(now)")"
cleanup

start=$(now)
docker-compose -p "$theirs" -f "$compose" up -d >/dev/null 2>&1
started=$(now)
echo "docker-compose up -d (containers started, health not awaited): $(elapsed "$start" "$started")"
while docker ps --filter "label=com.docker.compose.project=$theirs" --format '{{.Status}}' | grep -qE 'starting|unhealthy'; do sleep 0.5; done
echo "docker-compose stack: every health check healthy after $(elapsed "$start" "$(now)")"
