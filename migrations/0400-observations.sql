--liquibase formatted sql
--changeset gemba:0400-observations splitStatements:false
-- English stemming leaves agent nouns alone ("cleaners" -> cleaner, "cleaning" -> clean), so both
-- documents and queries also carry the root of every "-er" lexeme: "cleaners" then finds "cleaning".
CREATE FUNCTION insight_roots(v tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT v || coalesce((
        SELECT CAST(string_agg(left(u.lexeme, -2) || coalesce(':' || (
                   SELECT string_agg(x.p::text || x.w, ',') FROM unnest(u.positions, u.weights) AS x (p, w)), ''), ' ')
               AS tsvector)
          FROM unnest(v) AS u
         WHERE u.lexeme ~ '^[a-z]{4,}er$'), CAST('' AS tsvector))
$$;

-- array_to_string is only STABLE, so a generated column cannot call it; for text[] the result
-- never changes, which makes this wrapper honestly IMMUTABLE.
CREATE FUNCTION insight_document(body text, theme text, tags text[]) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT insight_roots(
           setweight(to_tsvector('english'::regconfig, coalesce(theme, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(tags, ' '), '')), 'B')
        || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C'))
$$;

-- A search matches observations holding ANY of the words (ranked by how many and how close), not
-- all of them as websearch_to_tsquery would: the stemmed terms (and their roots) joined with OR.
-- NULL when the text holds no searchable word.
CREATE FUNCTION insight_query(q text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CAST(nullif(concat_ws(' | ',
               nullif(replace(CAST(plainto_tsquery('english'::regconfig, q) AS text), ' & ', ' | '), ''),
               (SELECT string_agg(DISTINCT left(l, -2), ' | ')
                  FROM unnest(tsvector_to_array(to_tsvector('english'::regconfig, q))) AS l
                 WHERE l ~ '^[a-z]{4,}er$')), '') AS tsquery)
$$;

CREATE TABLE observations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id         uuid NOT NULL,
    author_id      uuid NOT NULL,
    booking_id     uuid,
    site_id        uuid NOT NULL,
    placement_id   uuid,
    observed_at    timestamptz NOT NULL,
    logged_at      timestamptz NOT NULL,
    text           text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    kind           text NOT NULL CHECK (kind IN ('BARRIER', 'GOOD_PRACTICE', 'IDEA', 'SAFETY_CONCERN')),
    criterion      text CHECK (criterion IN ('CUSTOMER_INSIGHT', 'CULTURE', 'INFORMATION_AND_ACCESS', 'DELIVERY',
                                             'TIMELINESS_AND_QUALITY')),
    cause          text CHECK (cause IN ('TOOLS_AND_RESOURCES', 'PROCESS', 'POLICY', 'BEHAVIOUR',
                                         'SUPPLIER_OR_CONTRACTOR', 'OTHER')),
    tags           text[] NOT NULL DEFAULT '{}',
    status         text NOT NULL DEFAULT 'NEW'
                   CHECK (status IN ('NEW', 'TRIAGED', 'ACTIONED', 'CLOSED', 'DECLINED')),
    priority       text CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
    theme          text CHECK (length(theme) BETWEEN 1 AND 100),
    team           text CHECK (length(team) <= 100),
    triage_due_at  timestamptz NOT NULL,
    triaged_at     timestamptz,   -- triaged, or linked to an action while NEW (which counts as triage)
    triaged_by     uuid,
    declined_at    timestamptz,
    decline_reason text,
    closed_at      timestamptz,
    version        integer NOT NULL DEFAULT 1,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    search         tsvector GENERATED ALWAYS AS (insight_document(text, theme, tags)) STORED,
    CONSTRAINT observations_author_fkey FOREIGN KEY (org_id, author_id) REFERENCES users (org_id, id),
    CONSTRAINT observations_site_fkey FOREIGN KEY (org_id, site_id) REFERENCES sites (org_id, id),
    CONSTRAINT observations_placement_fkey FOREIGN KEY (org_id, placement_id) REFERENCES placements (org_id, id),
    CONSTRAINT observations_booking_fkey FOREIGN KEY (org_id, booking_id) REFERENCES bookings (org_id, id),
    CONSTRAINT observations_org_id_key UNIQUE (org_id, id),
    CONSTRAINT observations_declined_check CHECK ((status = 'DECLINED') = (declined_at IS NOT NULL AND decline_reason IS NOT NULL)),
    CONSTRAINT observations_triaged_check CHECK (status IN ('NEW', 'DECLINED') OR triaged_at IS NOT NULL)
);
CREATE INDEX observations_org_observed_idx ON observations (org_id, observed_at DESC, id DESC);
CREATE INDEX observations_author_idx ON observations (org_id, author_id, observed_at DESC, id DESC);
CREATE INDEX observations_placement_idx ON observations (org_id, placement_id, observed_at DESC);
CREATE INDEX observations_site_idx ON observations (org_id, site_id, observed_at DESC);
-- the overdue list and the SLA warnings only ever look at observations still waiting for triage
CREATE INDEX observations_awaiting_triage_idx ON observations (org_id, triage_due_at)
    WHERE triaged_at IS NULL AND declined_at IS NULL;
CREATE INDEX observations_search_idx ON observations USING gin (search);
CREATE INDEX observations_text_trgm_idx ON observations USING gin (text gin_trgm_ops);
