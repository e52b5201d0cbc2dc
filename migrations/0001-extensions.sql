--liquibase formatted sql
--changeset gemba:0001-extensions
-- btree_gist: exclusion constraints mixing equality (leader) with range overlap (shift time).
-- pg_trgm: similarity between observations.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
