#!/usr/bin/env bash
# Tools the report and metrics tests drive (Debian packages only; no other download):
#
#   chromium     headless screenshots of the HTML soak report (with fonts-dejavu-core, so
#                text renders)
#   prometheus   a real Prometheus scraping stacktui's --metrics endpoint. Extracted, not
#                installed: the package's maintainer scripts would start a daemon on :9090 and
#                add a system user; the test runs the binary itself, on a port of its own.
#
# Prints the paths as `chromium=PATH` and `prometheus=PATH`. Idempotent; serialised with flock.
# Env: STACKTUI_TOOLS_DIR (default /var/cache/stacktui-tools) for the extracted prometheus.
set -euo pipefail

tools=${STACKTUI_TOOLS_DIR:-/var/cache/stacktui-tools}

exec 8>"${TMPDIR:-/tmp}/stacktui-ensure-report-tools.lock"
flock -w 600 8

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo -n)
as_root() { "${sudo[@]}" "$@"; }

updated=0
apt_update() {
	[ "$updated" = 1 ] && return 0
	as_root apt-get update -qq >/dev/null
	updated=1
}

chromium_path() { command -v chromium 2>/dev/null || true; }

if [ -z "$(chromium_path)" ] || [ ! -d /usr/share/fonts/truetype/dejavu ]; then
	echo "report-tools: installing chromium fonts-dejavu-core ..." >&2
	t0=$SECONDS
	apt_update
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		-o Dpkg::Use-Pty=0 chromium fonts-dejavu-core >/dev/null
	echo "report-tools: installed chromium in $((SECONDS - t0)) s" >&2
fi

prometheus_bin="$tools/prometheus/usr/bin/prometheus"
if [ ! -x "$prometheus_bin" ]; then
	echo "report-tools: extracting Debian's prometheus into $tools/prometheus ..." >&2
	apt_update
	work=$(mktemp -d)
	chmod 755 "$work" # apt downloads as the _apt user
	trap 'rm -rf "$work"' EXIT
	(cd "$work" && apt-get download -qq prometheus >/dev/null)
	as_root mkdir -p "$tools"
	as_root rm -rf "$tools/prometheus.partial"
	as_root dpkg -x "$work"/prometheus_*.deb "$tools/prometheus.partial"
	as_root rm -rf "$tools/prometheus"
	as_root mv "$tools/prometheus.partial" "$tools/prometheus"
fi

echo "chromium=$(chromium_path)"
echo "prometheus=$prometheus_bin"
