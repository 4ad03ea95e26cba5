#!/bin/sh
# Iceberg REST catalog stand-in (stacktui): :8181 (REST_PORT) answers GET /v1/config
# ({"defaults":{},"overrides":{}}) and GET /v1/namespaces (none). Creates CATALOG_WAREHOUSE
# when it is a local path. No catalog behind it.
. /usr/local/lib/standin.sh
if [ $# -gt 0 ]; then exec "$@"; fi
port=${REST_PORT:-8181}
warehouse=${CATALOG_WAREHOUSE:-/tmp/warehouse}
case "$warehouse" in /*) mkdir -p "$warehouse" ;; esac
www=/srv/iceberg
mkdir -p "$www/v1"
printf '{"defaults":{"warehouse":%s},"overrides":{}}\n' "$(standin_json "$warehouse")" >"$www/v1/config"
echo '{"namespaces":[]}' >"$www/v1/namespaces"
log() { echo "$(date -u '+%Y-%m-%d %H:%M:%S,000') INFO [$1] - $2"; }
log org.apache.iceberg.rest.RESTCatalogServer "Creating catalog with properties: {warehouse=$warehouse${CATALOG_IO_IMPL:+, io-impl=$CATALOG_IO_IMPL}${CATALOG_S3_ENDPOINT:+, s3.endpoint=$CATALOG_S3_ENDPOINT}} (stacktui stand-in)"
standin_http "$port" "$www"
log org.eclipse.jetty.server.AbstractConnector "Started ServerConnector@1a2b3c4d{HTTP/1.1, (http/1.1)}{0.0.0.0:$port}"
log org.eclipse.jetty.server.Server "Started Server@5e6f7a8b{STARTING}[11.0.15,sto=0]"
standin_wait
