#!/bin/sh
# kafka-topics.sh --bootstrap-server HOST:PORT --list|--create --topic T (stand-in): checks
# that the broker port accepts connections; --list prints no topics, --create says it made one.
. /opt/kafka/libexec/common.sh
server= action= topic=
while [ $# -gt 0 ]; do
	case "$1" in
	--bootstrap-server) server=${2:-}; shift ;;
	--topic) topic=${2:-}; shift ;;
	--list | --create | --describe | --delete) action=$1 ;;
	esac
	shift
done
# shellcheck disable=SC2046
set -- $(split_address "${server:-localhost:9092}")
standin_probe "$1" "$2" || { echo "Error while executing topic command : Timed out waiting for a node assignment." >&2; exit 1; }
case "$action" in --create) echo "Created topic $topic." ;; esac
