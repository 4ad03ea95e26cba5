#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory (mounted into
# /docker-entrypoint-initdb.d): creates the application's login role APP_DB_USER with
# APP_DB_PASSWORD and a read-only reporting role, and gives the app the analytics schema.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
	--set app_user="${APP_DB_USER:-bi_agent}" --set app_password="${APP_DB_PASSWORD:-bi_agent}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'app_user', :'app_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT 'CREATE ROLE bi_readonly NOLOGIN'
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bi_readonly') \gexec
GRANT USAGE, CREATE ON SCHEMA analytics TO :"app_user";
GRANT USAGE ON SCHEMA analytics TO bi_readonly;
ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO bi_readonly;
SQL
echo "bootstrap-db: role ${APP_DB_USER:-bi_agent} ready"
