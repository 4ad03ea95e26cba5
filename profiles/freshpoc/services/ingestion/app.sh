#!/bin/sh
# FreshPoC ingestion (data collection): GET /health {"status":"ok",...,"dependencies":{...}}, GET /metrics.
. /usr/local/lib/standin.sh
name=ingestion
port=8011
deps="kafka:9092 minio:9000"
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
work() { echo "ingested batch $n: 50 records -> kafka topic raw-events"; }
tick
echo "INFO:     Started server process [$$]"
standin_http "$port" "$www"
echo "INFO:     Uvicorn running on http://0.0.0.0:$port (Press CTRL+C to quit)"
standin_every 5 tick
standin_wait
