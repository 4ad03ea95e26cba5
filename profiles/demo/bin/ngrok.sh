#!/bin/sh
# demo ngrok: a stand-in for the ngrok agent - `ngrok.sh http HOST:PORT` opens no tunnel, but
# serves the agent API on :4040 as the real agent does: GET /api/tunnels lists one tunnel with a
# public_url https://<random>.ngrok-free.app and config.addr http://HOST:PORT.
trap 'exit 0' TERM INT
proto=${1:-http}
addr=${2:-web:8080}
id=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
url=https://$id.ngrok-free.app
mkdir -p /tmp/ngrok/api
printf '{"tunnels":[{"name":"command_line","uri":"/api/tunnels/command_line","public_url":"%s","proto":"https","config":{"addr":"%s://%s","inspect":true}}],"uri":"/api/tunnels"}\n' \
	"$url" "$proto" "$addr" >/tmp/ngrok/api/tunnels
printf '<!doctype html><title>ngrok</title><p>Tunnel %s &rarr; %s://%s</p>\n' "$url" "$proto" "$addr" >/tmp/ngrok/index.html
httpd -f -p 4040 -h /tmp/ngrok &
t() { date -u +%Y-%m-%dT%H:%M:%S+0000; }
echo "t=$(t) lvl=info msg=\"starting web service\" obj=web addr=0.0.0.0:4040"
echo "t=$(t) lvl=info msg=\"started tunnel\" obj=tunnels name=command_line addr=$proto://$addr url=$url"
wait
