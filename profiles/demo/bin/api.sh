#!/bin/sh
# demo api: JSON on :8000 - /health and /items; counts its runs in a heartbeat line every 10 s.
trap 'exit 0' TERM INT
mkdir -p /tmp/api
started=$(date +%s)
write() {
	printf '{"status":"ok","service":"api","database":"%s","uptime_s":%d}\n' "${DATABASE_URL:-none}" $(($(date +%s) - started)) >/tmp/api/health.tmp
	mv /tmp/api/health.tmp /tmp/api/health
}
write
echo '{"items":[{"id":1,"name":"alpha"},{"id":2,"name":"beta"},{"id":3,"name":"gamma"}]}' >/tmp/api/items
httpd -f -p 8000 -h /tmp/api &
echo "api: listening on :8000, database ${DATABASE_URL:-none}"
n=0
while :; do
	sleep 10 &
	wait $!
	n=$((n + 1))
	write
	echo "api: heartbeat $n"
done
