# Shell helpers for the stacktui stand-in images; entrypoints source this file.
# A stand-in answers the real image's ports and health endpoints with busybox httpd and nc, logs
# roughly what the real server logs, and stops at once on SIGTERM/SIGINT (PID 1 has no default
# signal handlers, so every entrypoint ends with standin_wait).

STANDIN_PIDS=
STANDIN_IMAGE=${STANDIN_IMAGE:-unknown}

# The tag of the image this stand-in replaces ("10.2.3" for grafana/grafana:10.2.3).
standin_tag() {
	case "$STANDIN_IMAGE" in
	*:*) echo "${STANDIN_IMAGE##*:}" ;;
	*) echo latest ;;
	esac
}

standin_now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# Random lowercase hex of $1 characters.
standin_hex() {
	head -c 64 /dev/urandom | od -An -tx1 | tr -d ' \n' | cut -c "1-$1"
}

# "0.0.0.0:2000", ":9001", "9001" -> 9001
standin_port() {
	echo "${1##*:}"
}

# JSON string literal of $1.
standin_json() {
	printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

standin_track() { STANDIN_PIDS="$STANDIN_PIDS $1"; }

# Serve the files of DIR over HTTP on PORT (all interfaces). Files named *.json get
# application/json; a directory's index.html answers for the directory.
standin_http() {
	httpd -f -p "$1" -h "$2" -c /etc/httpd.conf &
	standin_track $!
}

# Accept TCP connections on PORT; each one runs HANDLER with the socket as stdin/stdout
# (default: close at once, enough for "is the port open" probes).
standin_tcp() {
	nc -ll -p "$1" -e "${2:-/bin/true}" &
	standin_track $!
}

# Run "$@" every SECONDS seconds in the background (log lines, refreshed status files).
standin_every() {
	seconds=$1
	shift
	(
		trap 'exit 0' TERM INT
		while :; do
			"$@"
			sleep "$seconds" &
			wait $!
		done
	) &
	standin_track $!
}

# Exit 0 iff something accepts TCP connections at HOST PORT.
standin_probe() {
	nc -w 2 "$1" "$2" </dev/null >/dev/null 2>&1
}

# Wait until HOST PORT accepts connections; give up after SECONDS (default 60).
standin_wait_tcp() {
	waited=0
	until standin_probe "$1" "$2"; do
		waited=$((waited + 1))
		if [ "$waited" -ge "${3:-60}" ]; then
			return 1
		fi
		sleep 1
	done
}

standin_stop() {
	trap - TERM INT
	# shellcheck disable=SC2086
	[ -n "$STANDIN_PIDS" ] && kill $STANDIN_PIDS 2>/dev/null
	exit "${1:-0}"
}

# Keep running until SIGTERM/SIGINT (exit 0) or until one of the background servers dies
# (exit 1, as a crashed server would).
standin_wait() {
	trap 'standin_stop 0' TERM INT
	while :; do
		for pid in $STANDIN_PIDS; do
			if ! kill -0 "$pid" 2>/dev/null; then
				echo "stand-in: a server process ($pid) exited; stopping" >&2
				standin_stop 1
			fi
		done
		sleep 5 &
		wait $!
	done
}
