#!/bin/sh
# FreshPoC reporting (report generation): GET /health {"status":"ok",...,"dependencies":{...}}, GET /metrics.
# Only what is this service's own; the server, health, metrics and loop are in common/service.sh.
name=reporting
port=8016
deps="minio:9000 dgraph:8080"
work() { echo "rendered report $n -> minio reports/"; }
. /app/service.sh
