#!/bin/sh
# kafka-broker-api-versions.sh --bootstrap-server HOST:PORT (stand-in): exit 0 iff the broker
# port accepts connections; prints a short version table as the real tool does.
. /opt/kafka/libexec/common.sh
server=
while [ $# -gt 0 ]; do
	case "$1" in --bootstrap-server) server=${2:-}; shift ;; --bootstrap-server=*) server=${1#*=} ;; esac
	shift
done
[ -n "$server" ] || { echo "Missing required argument \"[bootstrap-server]\"" >&2; exit 1; }
# shellcheck disable=SC2046
set -- $(split_address "$server")
if ! standin_probe "$1" "$2"; then
	echo "Exception in thread \"main\" java.lang.RuntimeException: Request METADATA failed on brokers List($1:$2 (id: -1 rack: null))" >&2
	exit 1
fi
printf '%s:%s (id: 0 rack: null) -> (\n\tProduce(0): 0 to 10 [usable: 10],\n\tFetch(1): 0 to 16 [usable: 16],\n\tApiVersions(18): 0 to 3 [usable: 3]\n)\n' "$1" "$2"
