#!/bin/sh
# demo cache: holds as many MiB of memory as /tmp/grow says (a number; absent: CACHE_MIB,
# default 0), in 8 MiB chunks, checked every second - to push the service over its memory budget:
#   echo 128 > /tmp/grow     grow to ~128 MiB        rm /tmp/grow     back to CACHE_MIB
trap 'exit 0' TERM INT
chunks=0
echo "cache: ready (grow with: echo MIB > /tmp/grow)"
touch /tmp/cache.ready
while :; do
	want=${CACHE_MIB:-0}
	[ -s /tmp/grow ] && want=$(head -c 16 /tmp/grow | tr -dc 0-9)
	want=$(((${want:-0} + 7) / 8))
	if [ "$want" != "$chunks" ]; then
		while [ "$chunks" -lt "$want" ]; do
			chunks=$((chunks + 1))
			eval "chunk$chunks=\$(head -c 8388608 /dev/zero | tr '\\0' x)"
		done
		while [ "$chunks" -gt "$want" ]; do
			unset "chunk$chunks"
			chunks=$((chunks - 1))
		done
		echo "cache: holding $((chunks * 8)) MiB"
	fi
	sleep 1 &
	wait $!
done
