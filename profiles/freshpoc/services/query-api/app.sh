#!/bin/sh
# FreshPoC query-api (data querying): GET /health {"status":"ok",...,"dependencies":{...}}, GET /metrics.
# Only what is this service's own; the server, health, metrics and loop are in common/service.sh.
name=query-api
port=8015
deps="dgraph:8080"
work() { echo "served $n queries from dgraph"; }
. /app/service.sh
