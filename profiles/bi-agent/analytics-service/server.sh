#!/bin/sh
# BI-Agent analytics API stand-in program: GET /health, GET /api/kpis; checks its dependencies
# every 10 s and logs pino-style JSON lines (and a KPI refresh every 30 s).
. /usr/local/lib/standin.sh
port=${PORT:-3000}
www=/tmp/www
mkdir -p "$www/api" /app/logs
log() { printf '{"level":%s,"time":%s000,"pid":%s,"hostname":"%s","msg":"%s"}\n' "$1" "$(date +%s)" "$$" "$(hostname)" "$2"; }
started=$(date +%s)
deps="postgres:5432 redis:6379 minio:9000 ml-service:8000"
check() {
	body= sep= state=ok
	for dep in $deps; do
		if standin_probe "${dep%:*}" "${dep#*:}"; then s=ok; else s=down; state=degraded; fi
		body="$body$sep\"${dep%:*}\":\"$s\""
		sep=,
	done
	printf '{"status":"%s","service":"analytics-api","uptime":%s,"checks":{%s},"rbac":%s,"hipaaMode":%s}\n' \
		"$state" $(($(date +%s) - started)) "$body" "${RBAC_ENABLED:-true}" "${HIPAA_MODE:-false}" >"$www/health.tmp"
	mv "$www/health.tmp" "$www/health"
}
n=0
refresh() {
	n=$((n + 1))
	printf '{"kpis":[{"name":"active_users","value":%s},{"name":"reports_generated","value":%s}]}\n' $((100 + n % 17)) "$n" >"$www/api/kpis"
	[ $((n % 3)) = 0 ] && log 30 "refreshed KPI cache (run $n)"
}
check
refresh
standin_http "$port" "$www"
log 30 "analytics-api listening on port $port (rbac=${RBAC_ENABLED:-true}, hipaa=${HIPAA_MODE:-false})"
standin_every 10 check
standin_every 10 refresh
standin_wait
