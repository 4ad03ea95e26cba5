#!/bin/sh
# hold MIB (fallback used only when no static C compiler is available at build time):
# keeps a shell variable of MIB mebibytes resident, then sleeps forever.
case "$1" in ''|*[!0-9]*) echo "usage: hold MIB" >&2; exit 2;; esac
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; exit 0' TERM INT
held=$(head -c $(($1 * 1048576)) /dev/zero | tr '\0' x)
echo "holding $1 MiB (${#held} bytes)"
while :; do
  sleep 2147483647 &
  pid=$!
  wait "$pid"
done
