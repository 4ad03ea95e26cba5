#!/usr/bin/env bash
# Make sure a Docker engine answers and the local test images exist. Idempotent; safe to run
# many times and concurrently (serialised with flock).
#
#  1. install what is missing (Debian packages): docker.io (dockerd), busybox-static,
#     docker-compose (compose v1), tmux
#  2. if `docker info` does not answer: remove stale pid files and start
#       dockerd --iptables=false --ip-forward=false --bridge=none --storage-driver=overlay2
#     in the background (log: /tmp/dockerd.log), wait up to 60 s
#  3. scripts/build-test-images.sh and scripts/build-standins.sh (local images for the tests and
#     the shipped profiles: no registry is needed; fast no-ops when the images are current)
#  4. scripts/ensure-compose-v2.sh: Compose v2 from Debian unstable (cached), the reference the
#     conformance tests compare the loader with
#
# Honours DOCKER_HOST: an engine elsewhere is used if it answers, but it cannot be started here.
#
# --podman: then also a rootful Podman serving the same images at unix:///run/podman/podman.sock,
#   with a health-check ticker for the tests (scripts/ensure-podman.sh says what and why).
set -euo pipefail

with_podman=0
[ "${1:-}" = --podman ] && with_podman=1

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
log=/tmp/dockerd.log
sock=/var/run/docker.sock
wait_s=${ENGINE_WAIT_SECONDS:-60}

exec 9>"${TMPDIR:-/tmp}/stacktui-ensure-engine.lock"
flock -w 300 9

engine_answers() { timeout 10 docker info --format '{{.ServerVersion}}' >/dev/null 2>&1; }

engine_line() {
	local v api cg
	v=$(timeout 10 docker info --format '{{.ServerVersion}}|{{.CgroupVersion}}' 2>/dev/null || true)
	api=$(timeout 10 docker version --format '{{.Server.APIVersion}}' 2>/dev/null || true)
	cg=${v#*|}
	echo "engine: ready (Docker ${v%%|*}, API ${api:-?}, cgroup v${cg:-?})"
}

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo -n)
as_root() { "${sudo[@]}" "$@"; }

busybox_static_ok() {
	[ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1
}

install_missing() {
	local pkgs=()
	command -v dockerd >/dev/null 2>&1 || pkgs+=(docker.io)
	busybox_static_ok || pkgs+=(busybox-static)
	command -v docker-compose >/dev/null 2>&1 || pkgs+=(docker-compose)
	command -v tmux >/dev/null 2>&1 || pkgs+=(tmux)
	[ ${#pkgs[@]} -eq 0 ] && return 0
	echo "engine: installing ${pkgs[*]} ..."
	local t0=$SECONDS
	as_root apt-get update -qq >/dev/null
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		-o Dpkg::Use-Pty=0 "${pkgs[@]}" >/dev/null
	echo "engine: installed ${pkgs[*]} in $((SECONDS - t0)) s"
}

# pid file whose pid is not a live process named $2 -> remove it
drop_stale_pidfile() {
	local file=$1 name=$2 pid
	[ -f "$file" ] || return 0
	pid=$(tr -dc 0-9 <"$file" || true)
	if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = "$name" ]; then
		return 0
	fi
	echo "engine: removing stale $file${pid:+ (pid $pid)}"
	as_root rm -f "$file"
}

start_dockerd() {
	if [ -n "${DOCKER_HOST:-}" ] && [ "$DOCKER_HOST" != "unix://$sock" ]; then
		echo "engine: DOCKER_HOST=$DOCKER_HOST does not answer, and only a local engine on unix://$sock can be started here" >&2
		exit 1
	fi
	if ! pgrep -x dockerd >/dev/null; then
		drop_stale_pidfile /var/run/docker.pid dockerd
		drop_stale_pidfile /var/run/docker/containerd/containerd.pid containerd
		echo "engine: starting dockerd (log: $log)"
		# New session (survives the caller's process group). Close every inherited fd above 2:
		# dockerd would otherwise hold our lock (fd 9) and any pipe of the caller (a CI log
		# reader waiting for EOF would hang).
		(
			for fd in /proc/$BASHPID/fd/*; do
				fd=${fd##*/}
				if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
			done
			cd / # A working directory that a removed checkout cannot take away.
			exec "${sudo[@]}" nohup setsid dockerd --iptables=false --ip-forward=false \
				--bridge=none --storage-driver=overlay2 -H "unix://$sock" </dev/null >"$log" 2>&1
		) &
	else
		echo "engine: dockerd runs (pid $(pgrep -x dockerd | head -1)) but does not answer yet; waiting"
	fi
	local t0=$SECONDS
	while ! engine_answers; do
		if [ $((SECONDS - t0)) -ge "$wait_s" ]; then
			echo "engine: no answer from dockerd after ${wait_s} s; last lines of $log:" >&2
			tail -n 20 "$log" >&2 2>/dev/null || true
			exit 1
		fi
		if ! pgrep -x dockerd >/dev/null; then
			echo "engine: dockerd exited; last lines of $log:" >&2
			tail -n 20 "$log" >&2 2>/dev/null || true
			exit 1
		fi
		sleep 0.5
	done
	echo "engine: dockerd answered after $((SECONDS - t0)) s"
}

install_missing
if ! engine_answers; then
	start_dockerd
fi
engine_line

flock -u 9
bash "$here/build-test-images.sh"
bash "$here/build-standins.sh"
bash "$here/ensure-compose-v2.sh" >/dev/null
if [ "$with_podman" = 1 ]; then
	bash "$here/ensure-podman.sh"
fi
