#!/bin/sh
# zookeeper-server-start.sh CONFIG (stand-in): listens on clientPort (default 2181) and answers
# the four-letter words ruok (imok), srvr, stat, mntr, conf. Creates dataDir.
. /opt/kafka/libexec/common.sh
[ "${1:-}" = -daemon ] && shift
config=${1:-config/zookeeper.properties}
[ -r "$config" ] || { echo "Invalid config, exiting abnormally" >&2; exit 2; }
port=$(property "$config" clientPort 2181)
mkdir -p "$(property "$config" dataDir /tmp/zookeeper)"
klog org.apache.zookeeper.server.ZooKeeperServerMain "Starting server"
klog org.apache.zookeeper.Environment "Server environment:zookeeper.version=$zk_version-standin, built on 2024-10-24 00:00 UTC"
standin_tcp "$port" /opt/kafka/libexec/zk-4lw
klog org.apache.zookeeper.server.NIOServerCnxnFactory "binding to port 0.0.0.0/0.0.0.0:$port"
klog org.apache.zookeeper.server.ZooKeeperServer "zookeeper.snapshotSizeFactor = 0.33"
standin_wait
