#!/bin/sh
# FreshPoC miner (metadata extraction): GET /health {"status":"ok",...,"dependencies":{...}}, GET /metrics.
# Only what is this service's own; the server, health, metrics and loop are in common/service.sh.
name=miner
port=8012
deps="kafka:9092"
work() { echo "extracted metadata from batch $n (raw-events -> metadata)"; }
. /app/service.sh
