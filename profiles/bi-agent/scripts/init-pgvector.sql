-- Runs once on an empty database (before bootstrap.sh: files run in name order).
-- Extensions: uuid-ossp and pgcrypto ship with PostgreSQL; pgvector only where it is installed
-- (the seed calls it a placeholder), so this works on images with and without it.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pgcrypto;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  ELSE
    RAISE NOTICE 'pgvector is not installed in this image; skipping CREATE EXTENSION vector';
  END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS analytics;

CREATE TABLE IF NOT EXISTS analytics.kpi_snapshots (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  name text NOT NULL,
  value double precision NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  taken_at timestamptz NOT NULL DEFAULT now()
);
