# Shared by the stand-in Kafka scripts (stacktui).
. /usr/local/lib/standin.sh
kafka_version=3.7.0
zk_version=3.8.4
klog() { echo "[$(date -u '+%Y-%m-%d %H:%M:%S,000')] ${3:-INFO} $2 ($1)"; }

# property FILE KEY [DEFAULT]: the value of KEY in a .properties file
property() {
	v=$(sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*//p" "$1" 2>/dev/null | tail -n 1)
	echo "${v:-${3:-}}"
}

# "PLAINTEXT://:9092,CONTROLLER://:9093" -> 9092
first_listener_port() {
	l=${1%%,*}
	echo "${l##*:}"
}

# host and port of "host:port[,host:port...][/chroot]"
split_address() {
	a=${1%%,*}
	a=${a%%/*}
	echo "${a%:*} ${a##*:}"
}

# zk_ruok HOST PORT: exit 0 iff the server answers "ruok" with "imok"
zk_ruok() {
	[ "$(echo ruok | nc -w 3 "$1" "$2" 2>/dev/null)" = imok ]
}
