#!/bin/sh
# demo worker: no port, no health check; logs a job every 2 s, a warning (stderr) every 5th.
trap 'echo "worker: stopping after $n jobs"; exit 0' TERM INT
n=0
echo "worker: started"
while :; do
	sleep 2 &
	wait $!
	n=$((n + 1))
	if [ $((n % 5)) = 0 ]; then
		echo "worker: WARN job $n was slow ($((n % 7 + 1)) s)" >&2
	else
		echo "worker: processed job $n"
	fi
done
