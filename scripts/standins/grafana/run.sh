#!/bin/sh
# Grafana stand-in (stacktui): GF_SERVER_HTTP_PORT (default 3000) answers /api/health
# ({"database":"ok","version":<tag>}), /login and /; logs the admin user, the plugins of
# GF_INSTALL_PLUGINS (not installed) and the provisioning files in /etc/grafana/provisioning.
. /usr/local/lib/standin.sh
if [ $# -gt 0 ]; then exec "$@"; fi
version=$(standin_tag)
case "$version" in *[!0-9.]*) version=11.2.0 ;; esac
port=${GF_SERVER_HTTP_PORT:-3000}
log() { echo "logger=$1 t=$(date -u +%Y-%m-%dT%H:%M:%S.000000000Z) level=info msg=\"$2\"${3:+ $3}"; }
log settings "Starting Grafana" "version=$version commit=stacktui-standin branch=HEAD compiled=2024-10-24T00:00:00Z"
log settings "Config overridden from Environment variable" "var=\"GF_SECURITY_ADMIN_USER=${GF_SECURITY_ADMIN_USER:-admin}\""
for plugin in $(echo "${GF_INSTALL_PLUGINS:-}" | tr ',' ' '); do
	log plugin.installer "Installing plugin (stand-in: not installed)" "pluginId=$plugin"
done
mkdir -p /var/lib/grafana/plugins
[ -e /var/lib/grafana/grafana.db ] || : >/var/lib/grafana/grafana.db
log sqlstore "Connecting to DB" "dbtype=sqlite3"
for f in /etc/grafana/provisioning/*/*.y*ml; do
	[ -e "$f" ] || continue
	log provisioning "Reading provisioning file" "path=$f"
done
www=/srv/grafana
mkdir -p "$www/api" "$www/login"
printf '{\n  "commit": "stacktui-standin",\n  "database": "ok",\n  "version": "%s"\n}\n' "$version" >"$www/api/health"
printf '<!doctype html><title>Grafana</title><h1>Grafana %s (stacktui stand-in)</h1>\n' "$version" >"$www/login/index.html"
cp "$www/login/index.html" "$www/index.html"
standin_http "$port" "$www"
log http.server "HTTP Server Listen" "address=[::]:$port protocol=http subUrl= socket="
standin_wait
