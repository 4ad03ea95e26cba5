#!/usr/bin/env bash
# Entrypoint of the postgres stand-in image (stacktui): behaves like the official image's
# docker-entrypoint.sh for the common cases, on Debian's PostgreSQL 15.
set -Eeo pipefail

# file_env VAR [DEFAULT]: VAR from $VAR, or the contents of the file named by $VAR_FILE.
file_env() {
	local var=$1 def=${2:-} fileVar="${1}_FILE"
	if [ -n "${!var:-}" ] && [ -n "${!fileVar:-}" ]; then
		echo >&2 "error: both $var and $fileVar are set (but are exclusive)"
		exit 1
	fi
	local val=$def
	if [ -n "${!var:-}" ]; then
		val=${!var}
	elif [ -n "${!fileVar:-}" ]; then
		val=$(<"${!fileVar}")
	fi
	export "$var"="$val"
	unset "$fileVar"
}

if [ "${1:0:1}" = - ]; then
	set -- postgres "$@"
fi

if [ "$1" = postgres ] && [ "$(id -u)" = 0 ]; then
	mkdir -p "$PGDATA" /var/run/postgresql
	chown postgres:postgres "$PGDATA" /var/run/postgresql
	chmod 700 "$PGDATA"
	chmod 3777 /var/run/postgresql
	exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

psql_run() {
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc "$@"
}

if [ "$1" = postgres ]; then
	file_env POSTGRES_USER postgres
	file_env POSTGRES_PASSWORD
	file_env POSTGRES_DB "$POSTGRES_USER"
	file_env POSTGRES_INITDB_ARGS
	auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

	if [ ! -s "$PGDATA/PG_VERSION" ]; then
		if [ -z "$POSTGRES_PASSWORD" ] && [ "$auth" != trust ]; then
			cat >&2 <<-'MSG'
				Error: Database is uninitialized and superuser password is not specified.
				       You must specify POSTGRES_PASSWORD to a non-empty value for the
				       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

				       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
				       connections without a password. This is *not* recommended.
			MSG
			exit 1
		fi
		# shellcheck disable=SC2086
		initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
			--auth-local=trust --auth-host="$auth" -D "$PGDATA" $POSTGRES_INITDB_ARGS
		printf '\nhost all all all %s\n' "$auth" >>"$PGDATA/pg_hba.conf"
		printf "\nlisten_addresses = '*'\njit = off\n" >>"$PGDATA/postgresql.conf"

		# A temporary server for the init scripts, as the official image has - but on a socket of
		# its own, so that health checks (pg_isready on the default socket) fail until the real
		# server runs, instead of passing during initialisation. Scripts reach it through PGHOST.
		init_socket=/tmp/postgres-init
		mkdir -p "$init_socket"
		PGUSER=$POSTGRES_USER pg_ctl -D "$PGDATA" \
			-o "-c listen_addresses='' -c unix_socket_directories=$init_socket -p 5432" -w start
		export PGHOST=$init_socket PGPASSWORD=$POSTGRES_PASSWORD
		if [ "$POSTGRES_DB" != postgres ]; then
			exists=$(echo "SELECT 1 FROM pg_database WHERE datname = :'db';" |
				psql_run --dbname postgres --set db="$POSTGRES_DB" --tuples-only --no-align)
			if [ "$exists" != 1 ]; then
				echo 'CREATE DATABASE :"db";' | psql_run --dbname postgres --set db="$POSTGRES_DB"
			fi
		fi
		echo
		for f in /docker-entrypoint-initdb.d/*; do
			[ -e "$f" ] || continue
			case "$f" in
			*.sh)
				if [ -x "$f" ]; then
					echo "$0: running $f"
					"$f"
				else
					echo "$0: sourcing $f"
					# shellcheck disable=SC1090
					. "$f"
				fi
				;;
			*.sql) echo "$0: running $f"; psql_run --dbname "$POSTGRES_DB" -f "$f"; echo ;;
			*.sql.gz) echo "$0: running $f"; gunzip -c "$f" | psql_run --dbname "$POSTGRES_DB"; echo ;;
			*) echo "$0: ignoring $f" ;;
			esac
		done
		PGUSER=$POSTGRES_USER pg_ctl -D "$PGDATA" -m fast -w stop
		unset PGHOST PGPASSWORD
		echo
		echo 'PostgreSQL init process complete; ready for start up.'
		echo
	else
		echo
		echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
		echo
	fi
	# Debian's server is built with LLVM JIT support, but the stand-in image leaves LLVM out.
	set -- "$@" -c jit=off
fi

exec "$@"
