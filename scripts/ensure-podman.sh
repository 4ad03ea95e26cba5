#!/usr/bin/env bash
# Make sure a rootful Podman serves its Docker-compatible API at unix:///run/podman/podman.sock,
# holds the same local images as the Docker engine, and (test set-up only) runs health checks.
# Idempotent and serialised with flock; called by `scripts/ensure-engine.sh --podman`.
#
#  1. install podman (Debian's 4.3.1) and podman-compose when missing; its containers fail with "error setting rlimits
#     … operation not permitted" until default_ulimits are at or below this machine's limits:
#     /etc/containers/containers.conf.d/stacktui-ulimits.conf sets nofile and nproc to 1024
#  2. if the socket does not answer: `podman system service --time=0 unix:///run/podman/podman.sock`
#     in the background (log: /tmp/podman-service.log)
#  3. the test image and every stand-in (scripts/standins/images.list) with their bases, moved
#     across with `docker save … | podman load` when Podman lacks them or has an older build
#     (Podman then names them localhost/NAME or docker.io/…; short names resolve to them)
#  4. scripts/podman-health-ticker.mjs in the background (log: /tmp/podman-health-ticker.log):
#     without systemd Podman never runs HEALTHCHECKs itself; the ticker calls them at each
#     container's interval, as systemd's timers would. For tests only: stacktui does not need it.
#
# Needs a Docker engine with the images built (scripts/ensure-engine.sh does that first).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
sock=/run/podman/podman.sock
log=/tmp/podman-service.log
ticker_log=/tmp/podman-health-ticker.log
ticker_pid=/run/podman/stacktui-health-ticker.pid
wait_s=${ENGINE_WAIT_SECONDS:-60}

exec 9>"${TMPDIR:-/tmp}/stacktui-ensure-podman.lock"
flock -w 600 9

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo -n)
as_root() { "${sudo[@]}" "$@"; }

api() { timeout 10 curl -sf --unix-socket "$sock" "http://d$1"; }
answers() { api /v1.41/version >/dev/null 2>&1; }

install_podman() {
	if ! command -v podman >/dev/null 2>&1; then
		echo "podman: installing podman ..."
		local t0=$SECONDS
		as_root apt-get update -qq >/dev/null
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 podman >/dev/null
		echo "podman: installed $(podman --version) in $((SECONDS - t0)) s"
	fi
	# podman-compose: the tests check that it and stacktui see the same projects.
	local tools=()
	command -v curl >/dev/null 2>&1 || tools+=(curl)
	command -v podman-compose >/dev/null 2>&1 || tools+=(podman-compose)
	if [ ${#tools[@]} -gt 0 ]; then
		as_root apt-get update -qq >/dev/null
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 "${tools[@]}" >/dev/null
		echo "podman: installed ${tools[*]}"
	fi
	local conf=/etc/containers/containers.conf.d/stacktui-ulimits.conf
	if [ ! -f "$conf" ]; then
		as_root mkdir -p "$(dirname "$conf")"
		printf '# stacktui test set-up: Podman'\''s default ulimits exceed what this machine allows\n[containers]\ndefault_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]\n' |
			as_root tee "$conf" >/dev/null
		echo "podman: wrote $conf"
	fi
}

# Starts a detached process (new session, no inherited fds above 2: it must not hold our lock
# or a CI log pipe open). $1 = log file, then the command.
detach() {
	local out=$1
	shift
	(
		for fd in /proc/$BASHPID/fd/*; do
			fd=${fd##*/}
			if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
		done
		# From /: the service's conmon inherits its working directory and fails every container start
		# ("write child: broken pipe") once that directory is gone (a removed clone).
		cd /
		exec "${sudo[@]}" nohup setsid "$@" </dev/null >"$out" 2>&1
	) &
	detached_pid=$!
}

start_service() {
	as_root mkdir -p "$(dirname "$sock")"
	echo "podman: starting podman system service (log: $log)"
	detach "$log" podman system service --time=0 "unix://$sock"
	local t0=$SECONDS
	until answers; do
		if [ $((SECONDS - t0)) -ge "$wait_s" ]; then
			echo "podman: no answer at $sock after ${wait_s} s; last lines of $log:" >&2
			tail -n 20 "$log" >&2 2>/dev/null || true
			exit 1
		fi
		sleep 0.3
	done
	echo "podman: service answered after $((SECONDS - t0)) s"
}

# Images Podman lacks, or holds in an older build (ids differ): moved in one `docker save`.
load_images() {
	local wanted=(stacktui-test/busybox:1 stacktui-standin/busybox:1 stacktui-standin/debian:bookworm)
	while read -r image _; do
		[ -n "$image" ] && wanted+=("$image")
	done < <(grep -vE '^\s*(#|$)' "$here/standins/images.list")
	local missing=() image docker_id podman_id
	for image in "${wanted[@]}"; do
		docker_id=$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
		[ -n "$docker_id" ] || { echo "podman: $image is not on the Docker engine (run scripts/ensure-engine.sh)" >&2; exit 1; }
		podman_id=$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
		[ "${docker_id#sha256:}" = "${podman_id#sha256:}" ] || missing+=("$image")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		echo "podman: ${#wanted[@]} images up to date"
		return
	fi
	local t0=$SECONDS
	docker save "${missing[@]}" | podman load -q >/dev/null
	echo "podman: loaded ${#missing[@]} images in $((SECONDS - t0)) s"
}

start_ticker() {
	local pid
	pid=$(cat "$ticker_pid" 2>/dev/null || true)
	if [ -n "$pid" ] && grep -q podman-health-ticker "/proc/$pid/cmdline" 2>/dev/null; then
		return
	fi
	detach "$ticker_log" node "$here/podman-health-ticker.mjs" "$sock"
	echo "$detached_pid" | as_root tee "$ticker_pid" >/dev/null
	echo "podman: health-check ticker started (pid $(cat "$ticker_pid"), log: $ticker_log)"
}

install_podman
answers || start_service
load_images
start_ticker
version=$(api /v1.41/version | sed -n 's/.*"ApiVersion":"\([^"]*\)".*/\1/p')
echo "podman: ready (Podman $(podman --version | awk '{print $3}'), API ${version:-?}, unix://$sock)"
