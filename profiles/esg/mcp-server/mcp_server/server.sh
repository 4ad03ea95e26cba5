#!/bin/sh
# ESG MCP server - a tiny program in place of the seed's FastAPI app (mcp_server.server:app).
# GET /health   {"status":"ok","service":"esg-mcp-server","redis":"ok"|"unreachable",...}
# GET /tools    the MCP tools the seed describes (ESG maturity assessment)
# GET /docs     a page
# Checks Redis (REDIS_HOST:REDIS_PORT) every 10 s and logs when that changes, like uvicorn.
. /usr/local/lib/standin.sh
www=/tmp/mcp-www
mkdir -p "$www/docs" /app/logs
redis_state=unknown
check() {
	if standin_probe "${REDIS_HOST:-redis}" "${REDIS_PORT:-6379}"; then now=ok; else now=unreachable; fi
	if [ "$now" != "$redis_state" ]; then
		echo "INFO:     redis at ${REDIS_HOST:-redis}:${REDIS_PORT:-6379}: $now"
		redis_state=$now
	fi
	printf '{"status":"ok","service":"esg-mcp-server","version":"0.1.0","redis":"%s","rate_limit":%s}\n' \
		"$now" "${MCP_RATE_LIMIT:-100}" >"$www/health.tmp" && mv "$www/health.tmp" "$www/health"
}
cat >"$www/tools" <<'JSON'
{"tools":[{"name":"assess_esg_maturity","description":"Score a company's ESG maturity from its filings"},{"name":"list_frameworks","description":"ESG reporting frameworks known to the assessor"},{"name":"get_company_scores","description":"Cached maturity scores of a company"}]}
JSON
printf '<!doctype html><title>ESG MCP Server - Swagger UI</title><h1>ESG MCP server</h1><p><a href="/health">/health</a> <a href="/tools">/tools</a></p>\n' >"$www/docs/index.html"
echo "INFO:     Started server process [$$]"
echo "INFO:     Waiting for application startup."
check
echo "INFO:     Application startup complete."
standin_http "${PORT:-8000}" "$www"
echo "INFO:     Uvicorn running on http://${HOST:-0.0.0.0}:${PORT:-8000} (Press CTRL+C to quit)"
standin_every 10 check
standin_wait
