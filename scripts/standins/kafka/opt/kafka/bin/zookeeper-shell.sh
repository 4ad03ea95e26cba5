#!/bin/sh
# zookeeper-shell.sh HOST:PORT [COMMAND...] (stand-in): exit 0 iff ZooKeeper answers ruok;
# "ls /" prints [zookeeper].
. /opt/kafka/libexec/common.sh
# shellcheck disable=SC2046
set -- $(split_address "${1:-localhost:2181}")
if ! zk_ruok "$1" "$2"; then
	echo "Connecting to $1:$2"
	echo "KeeperErrorCode = ConnectionLoss for /" >&2
	exit 1
fi
echo "Connecting to $1:$2"
echo
echo "WATCHER::"
echo
echo "WatchedEvent state:SyncConnected type:None path:null"
echo "[zookeeper]"
