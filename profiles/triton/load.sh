#!/bin/sh
# Load for the triton soak's load phase (soak.steps "load"): PostgreSQL writes and reads
# 200 000 rows at a time until the soak stops it. stacktui runs it with STACKTUI_PROJECT set.
set -eu
id=$(docker ps -q --filter "label=com.docker.compose.project=${STACKTUI_PROJECT:?}" --filter label=com.docker.compose.service=postgres | head -n 1)
[ -n "$id" ] || { echo "no running postgres container in project $STACKTUI_PROJECT" >&2; exit 1; }
while :; do
	docker exec "$id" psql -U "${POSTGRES_USER:-triton_user}" -d "${POSTGRES_DB:-triton}" -qc \
		"CREATE TABLE IF NOT EXISTS stacktui_load (n int, t text);
		 INSERT INTO stacktui_load SELECT g, md5(g::text) FROM generate_series(1, 200000) g;
		 SELECT count(*), max(t) FROM stacktui_load; TRUNCATE stacktui_load;" >/dev/null
done
