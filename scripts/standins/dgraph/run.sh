#!/bin/sh
# Dgraph standalone stand-in (stacktui): alpha HTTP on 8080 answers /health (JSON as the real
# one, uptime refreshed) and /state, alpha gRPC 9080 and zero 5080/6080 accept connections,
# Ratel UI on 8000. Creates /dgraph/{p,w,zw}. Stores nothing.
. /usr/local/lib/standin.sh
if [ $# -gt 0 ]; then exec "$@"; fi
version=$(standin_tag)
case "$version" in v[0-9]*) ;; *) version=v24.0.4 ;; esac
log() { echo "I$(date -u +%m%d\ %H:%M:%S).000000      1 $1] $2"; }
mkdir -p /dgraph/p /dgraph/w /dgraph/zw
www=/srv/dgraph
mkdir -p "$www/alpha" "$www/ratel"
started=$(date +%s)
health() {
	now=$(date +%s)
	printf '[{"instance":"alpha","address":"localhost:7080","status":"healthy","group":"1","version":"%s","uptime":%d,"lastEcho":%d,"ongoing":["opRollup"],"ee_features":["backup_restore","cdc"],"max_assigned":3}]\n' \
		"$version" $((now - started)) "$now" >"$www/alpha/health.tmp" && mv "$www/alpha/health.tmp" "$www/alpha/health"
}
health
printf '{"counter":"1","groups":{"1":{"members":{"1":{"id":"1","groupId":1,"addr":"localhost:7080","leader":true}}}},"zeros":{"1":{"id":"1","addr":"localhost:5080","leader":true}},"maxUID":"10000","maxTxnTs":"10000"}\n' >"$www/alpha/state"
printf '<!doctype html><title>Dgraph Ratel</title><h1>Dgraph Ratel %s (stacktui stand-in)</h1>\n' "$version" >"$www/ratel/index.html"
log "run.go:180" "Dgraph version   : $version (stacktui stand-in)"
standin_tcp 5080
standin_tcp 6080
log "zero.go:432" "Starting telemetry data collection for zero..."
standin_tcp 9080
standin_http 8080 "$www/alpha"
log "run.go:772" "gRPC server started.  Listening on port 9080"
log "run.go:773" "HTTP server started.  Listening on port 8080"
standin_http 8000 "$www/ratel"
log "server.go:96" "Ratel listening on port 8000"
standin_every 10 health
standin_wait
