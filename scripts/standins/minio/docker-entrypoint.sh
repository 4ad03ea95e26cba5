#!/bin/sh
# MinIO stand-in (stacktui): `minio server DIR... [--address :9000] [--console-address :9001]`
# checks the root credentials as the real server (MINIO_ROOT_USER >= 3 and MINIO_ROOT_PASSWORD
# >= 8 characters, default minioadmin/minioadmin), writes .minio.sys/format.json into DIR, and
# answers /minio/health/live, /minio/health/ready and /minio/health/cluster on the API port and
# the console page on the console port. No S3 API.
. /usr/local/lib/standin.sh
[ "${1:-}" = minio ] && shift
if [ "${1:-}" != server ]; then
	case "${1:-}" in
	'' | --help | -h | help) echo "NAME:"; echo "  minio - High Performance Object Storage (stacktui stand-in)"; echo; echo "USAGE:"; echo "  minio server [--address :9000] [--console-address :9001] DIR"; exit 0 ;;
	--version | -v) echo "minio version $(standin_tag)"; exit 0 ;;
	*) exec "$@" ;;
	esac
fi
shift
address=:9000 console= dirs=
while [ $# -gt 0 ]; do
	case "$1" in
	--address) address=${2:-}; shift ;;
	--address=*) address=${1#*=} ;;
	--console-address) console=${2:-}; shift ;;
	--console-address=*) console=${1#*=} ;;
	--*) ;;
	*) dirs="$dirs $1" ;;
	esac
	[ $# -gt 0 ] && shift
done
[ -n "$dirs" ] || { echo "ERROR Invalid command line arguments: no storage directory given" >&2; exit 1; }
user=${MINIO_ROOT_USER:-minioadmin} password=${MINIO_ROOT_PASSWORD:-minioadmin}
if [ ${#user} -lt 3 ] || [ ${#password} -lt 8 ]; then
	echo "ERROR Unable to validate credentials inherited from the shell environment: Invalid credentials" >&2
	echo "      > Please provide correct credentials" >&2
	echo "      HINT:" >&2
	echo "        Access key length should be at least 3, and secret key length at least 8 characters" >&2
	exit 1
fi
api_port=$(standin_port "$address")
# Without --console-address the real server picks a random console port.
if [ -n "$console" ]; then console_port=$(standin_port "$console"); else console_port=$((0x$(standin_hex 4) % 20000 + 30000)); fi
for d in $dirs; do
	mkdir -p "$d/.minio.sys"
	[ -s "$d/.minio.sys/format.json" ] ||
		printf '{"version":"1","format":"xl-single","id":"%s","xl":{"version":"3","this":"%s","sets":[["%s"]],"distributionAlgo":"SIPMOD+PARITY"}}\n' \
			"$(standin_hex 32)" "$(standin_hex 32)" "$(standin_hex 32)" >"$d/.minio.sys/format.json"
done
api=/srv/minio/api console_www=/srv/minio/console
mkdir -p "$api/minio/health" "$console_www"
: >"$api/minio/health/live"
: >"$api/minio/health/ready"
: >"$api/minio/health/cluster"
printf '<!doctype html><title>MinIO Console</title><h1>MinIO Console (stacktui stand-in)</h1>\n' >"$console_www/index.html"
standin_http "$api_port" "$api"
standin_http "$console_port" "$console_www"
ip=$(hostname -i 2>/dev/null | cut -d' ' -f1)
version=$(standin_tag)
case "$version" in RELEASE.*) ;; *) version=RELEASE.2024-10-13T13-34-11Z ;; esac
echo "MinIO Object Storage Server"
echo "Copyright: 2015-2024 MinIO, Inc."
echo "License: GNU AGPLv3 - https://www.gnu.org/licenses/agpl-3.0.html"
echo "Version: $version (go1.22.8 linux/amd64) - stacktui stand-in"
echo
echo "API: http://${ip:-127.0.0.1}:$api_port  http://127.0.0.1:$api_port"
echo "   RootUser: $user"
echo "   RootPass: $(echo "$password" | sed 's/./*/g')"
echo
echo "WebUI: http://${ip:-127.0.0.1}:$console_port http://127.0.0.1:$console_port"
echo
echo "Docs: https://min.io/docs/minio/linux/index.html"
standin_wait
