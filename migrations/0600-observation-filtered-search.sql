--liquibase formatted sql
--changeset gemba:0600-observation-filtered-search
-- A filtered full-text search ("q" with status and/or kind) otherwise fetches every observation
-- matching the words from the heap only to drop most of them on status/kind (bench/: 14,360 rows
-- fetched for 1,758 kept). btree_gin lets one GIN index hold the filter columns next to the
-- document, so the bitmap intersects them inside the index; GIN serves any subset of its columns.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX observations_filtered_search_idx ON observations USING gin (status, kind, search);
