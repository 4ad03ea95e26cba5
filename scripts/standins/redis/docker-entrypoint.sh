#!/usr/bin/env bash
# Entrypoint of the redis stand-in image (stacktui), as the official image's.
set -e

if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
	find . \! -user redis -exec chown redis '{}' +
	exec setpriv --reuid=redis --regid=redis --init-groups "${BASH_SOURCE[0]}" "$@"
fi

if [ "$1" = redis-server ]; then
	doProtectedMode=1
	configFile=
	if [ -f "${2:-}" ]; then
		configFile=$2
		if grep -q '^protected-mode' "$configFile"; then
			doProtectedMode=
		fi
	fi
	if [ -n "$doProtectedMode" ]; then
		shift
		if [ -n "$configFile" ]; then
			shift
		fi
		set -- --protected-mode no "$@"
		if [ -n "$configFile" ]; then
			set -- "$configFile" "$@"
		fi
		set -- redis-server "$@"
	fi
fi

umask 0077
exec "$@"
