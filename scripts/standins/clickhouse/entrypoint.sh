#!/bin/sh
# ClickHouse server stand-in (stacktui): HTTP interface on :8123 answering GET / and GET /ping
# with "Ok." (as the real server), /replicas_status, /play; the native (9000) and interserver
# (9009) ports accept connections. Honours CLICKHOUSE_DB / CLICKHOUSE_USER / CLICKHOUSE_PASSWORD
# only by logging them; data directory /var/lib/clickhouse gets the real server's layout.
. /usr/local/lib/standin.sh
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then exec "$@"; fi
version=24.8.4.13
log() { echo "$(date -u '+%Y.%m.%d %H:%M:%S.000000') [ 1 ] {} <$1> $2"; }

log Information "Application: Starting ClickHouse $version (revision: 54492, build id: STANDIN, git hash: stacktui stand-in) on $(hostname), PID 1"
log Information "Application: starting up"
log Information "Application: OS name: Linux, version: $(uname -r), architecture: $(uname -m)"
mkdir -p /var/lib/clickhouse/data /var/lib/clickhouse/metadata /var/lib/clickhouse/store \
	/var/lib/clickhouse/user_files /var/log/clickhouse-server
db=${CLICKHOUSE_DB:-default}
mkdir -p "/var/lib/clickhouse/metadata/$db"
if [ -n "${CLICKHOUSE_USER:-}" ]; then
	log Information "Application: user '${CLICKHOUSE_USER}' from the environment${CLICKHOUSE_PASSWORD:+ (with password)}"
fi
www=/srv/clickhouse
mkdir -p "$www/play"
printf 'Ok.\n' >"$www/index.html"
printf 'Ok.\n' >"$www/ping"
printf 'Ok.\n' >"$www/replicas_status"
printf '<!doctype html><title>ClickHouse Query</title><h1>ClickHouse play (stacktui stand-in)</h1>\n' >"$www/play/index.html"
standin_http 8123 "$www"
log Information "Application: Listening for http://[::]:8123"
standin_tcp 9000
log Information "Application: Listening for native protocol (tcp): [::]:9000"
standin_tcp 9009
log Information "Application: Listening for replica communication (interserver): http://[::]:9009"
log Information "Application: Ready for connections."
standin_wait
