#!/bin/sh
# FreshPoC writer (graph writing): GET /health {"status":"ok",...,"dependencies":{...}}, GET /metrics.
# Only what is this service's own; the server, health, metrics and loop are in common/service.sh.
name=writer
port=8014
deps="dgraph:8080"
work() { echo "wrote batch $n to dgraph: 12 nodes, 30 edges"; }
. /app/service.sh
