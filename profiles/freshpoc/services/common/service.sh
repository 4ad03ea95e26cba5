#!/bin/sh
# FreshPoC application service, the part the six services share: each of ingestion, miner, analyzer,
# writer, query-api and reporting is a FastAPI app in the seed (python:3.11-slim, pip install fastapi
# uvicorn requests); here a tiny shell program on the stacktui stand-in base takes its place, so the
# stack builds without a registry or PyPI. Sourced by a service's app.sh after it sets
#   name  the service's name          port  the port it answers on
#   deps  "host:port ..." it checks   work  a function printing the line it logs for its work
# and answers GET /health {"status":"ok",...,"dependencies":{...}} and GET /metrics on $port,
# probes its dependencies every 5 s and logs its work every third round.
. /usr/local/lib/standin.sh
www=/tmp/www
mkdir -p "$www"
n=0
tick() {
	body= sep= state=ok
	for dep in $deps; do
		if standin_probe "${dep%:*}" "${dep#*:}"; then s=ok; else s=unreachable; state=degraded; fi
		body="$body$sep\"${dep%:*}\":\"$s\""
		sep=,
	done
	printf '{"status":"ok","service":"%s","dependencies":{%s}}\n' "$name" "$body" >"$www/health.tmp"
	mv "$www/health.tmp" "$www/health"
	n=$((n + 1))
	printf '# TYPE freshpoc_%s_batches_total counter\nfreshpoc_%s_batches_total %d\n' "$name" "$name" "$n" | tr - _ >"$www/metrics"
	if [ $((n % 3)) = 0 ]; then
		echo "$(standin_now) INFO $name: $(work) (dependencies $state)"
	fi
}
tick
echo "INFO:     Started server process [$$]"
standin_http "$port" "$www"
echo "INFO:     Uvicorn running on http://0.0.0.0:$port (Press CTRL+C to quit)"
standin_every 5 tick
standin_wait
