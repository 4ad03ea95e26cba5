#!/bin/sh
# FreshPoC ingestion (data collection): GET /health {"status":"ok",...,"dependencies":{...}}, GET /metrics.
# Only what is this service's own; the server, health, metrics and loop are in common/service.sh.
name=ingestion
port=8011
deps="kafka:9092 minio:9000"
work() { echo "ingested batch $n: 50 records -> kafka topic raw-events"; }
. /app/service.sh
