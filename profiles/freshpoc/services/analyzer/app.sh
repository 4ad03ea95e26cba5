#!/bin/sh
# FreshPoC analyzer (data analysis): GET /health {"status":"ok",...,"dependencies":{...}}, GET /metrics.
# Only what is this service's own; the server, health, metrics and loop are in common/service.sh.
name=analyzer
port=8013
deps="kafka:9092"
work() { echo "analyzed batch $n (metadata -> insights)"; }
. /app/service.sh
