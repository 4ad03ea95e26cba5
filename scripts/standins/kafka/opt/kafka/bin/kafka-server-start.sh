#!/bin/sh
# kafka-server-start.sh CONFIG [--override KEY=VALUE]... (stand-in): waits up to 30 s for
# zookeeper.connect (override, KAFKA_CFG_ZOOKEEPER_CONNECT, the config, else localhost:2181) to
# answer ruok - as a real broker gives up, it exits 1 otherwise - then accepts connections on the
# port of listeners (default 9092). Stores nothing.
. /opt/kafka/libexec/common.sh
[ "${1:-}" = -daemon ] && shift
config=${1:-config/server.properties}
[ $# -gt 0 ] && shift
[ -r "$config" ] || { echo "Config file $config does not exist" >&2; exit 1; }
zk=${KAFKA_CFG_ZOOKEEPER_CONNECT:-$(property "$config" zookeeper.connect localhost:2181)}
listeners=${KAFKA_CFG_LISTENERS:-$(property "$config" listeners PLAINTEXT://:9092)}
broker=$(property "$config" broker.id 0)
while [ $# -gt 0 ]; do
	if [ "$1" = --override ] && [ $# -gt 1 ]; then
		case "$2" in
		zookeeper.connect=*) zk=${2#*=} ;;
		listeners=*) listeners=${2#*=} ;;
		broker.id=*) broker=${2#*=} ;;
		esac
		shift
	fi
	shift
done
port=$(first_listener_port "$listeners")
mkdir -p "$(property "$config" log.dirs /tmp/kafka-logs)"
klog kafka.server.KafkaConfig "KafkaConfig values: broker.id = $broker, listeners = $listeners, zookeeper.connect = $zk"
klog kafka.server.KafkaServer "[KafkaServer id=$broker] starting"
klog kafka.server.KafkaServer "[KafkaServer id=$broker] Connecting to zookeeper on $zk"
# shellcheck disable=SC2046
set -- $(split_address "$zk")
deadline=$(($(date +%s) + 30))
until zk_ruok "$1" "$2"; do
	if [ "$(date +%s)" -ge "$deadline" ]; then
		klog kafka.server.KafkaServer "[KafkaServer id=$broker] Fatal error during KafkaServer startup. Prepare to shutdown" ERROR
		echo "kafka.zookeeper.ZooKeeperClientTimeoutException: Timed out waiting for connection while in state: CONNECTING" >&2
		exit 1
	fi
	sleep 1
done
klog kafka.zookeeper.ZooKeeperClient "[ZooKeeperClient Kafka server] Connected."
standin_tcp "$port"
klog kafka.network.SocketServer "[SocketServer listenerType=ZK_BROKER, nodeId=$broker] Enabling request processing."
klog kafka.server.KafkaServer "[KafkaServer id=$broker] started"
standin_wait
