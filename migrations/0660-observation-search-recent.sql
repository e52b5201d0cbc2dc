--liquibase formatted sql
--changeset gemba:0660-observation-search-recent splitStatements:false
-- A search ranks only the most recent matches (ObservationSearch.CANDIDATES). Walking these indexes
-- newest first and stopping after that many matches bounds the work of a search for common words,
-- where the GIN indexes would hand over every match (tens of thousands) to fetch and rank.
CREATE INDEX observations_status_observed_idx ON observations (org_id, status, observed_at DESC, id DESC);
CREATE INDEX observations_kind_observed_idx ON observations (org_id, kind, observed_at DESC, id DESC);
CREATE INDEX observations_status_kind_observed_idx ON observations (org_id, status, kind, observed_at DESC, id DESC);

-- Every word of the search (each with its "-er" root as an alternative, as insight_query adds):
-- observations holding all of them rank above those holding only some. NULL without a searchable word.
CREATE FUNCTION insight_query_all(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CAST(nullif(regexp_replace(CAST(plainto_tsquery('english'::regconfig, q) AS text),
                                      '(^|[ (!])''([a-z]{4,})er''(?=$|[ )])', '\1( ''\2er'' | ''\2'' )', 'g'), '')
                AS tsquery)
$$;
