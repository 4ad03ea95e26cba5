#!/bin/sh
# demo web: a page and /health on :8080 (busybox httpd).
trap 'exit 0' TERM INT
mkdir -p /tmp/www
cat >/tmp/www/index.html <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>stacktui demo</title></head>
<body><h1>stacktui demo</h1><p>Served by busybox httpd in the <code>web</code> service.</p>
<p><a href="http://127.0.0.1:14800/health">api</a> &middot; <a href="http://127.0.0.1:4040/api/tunnels">tunnel</a></p></body></html>
HTML
echo ok >/tmp/www/health
httpd -f -p 8080 -h /tmp/www &
echo "web: serving http://0.0.0.0:8080 (health: /health)"
wait
