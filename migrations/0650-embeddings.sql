--liquibase formatted sql
--changeset gemba:0650-embeddings splitStatements:false
-- Unit-length sentence embeddings (384 reals), filled in by the background worker after logging;
-- NULL until then, and reset to NULL when an action's text or linked observations change.
-- embedding_seq orders the moments vectors were stored, so app servers can load only newer ones.
CREATE SEQUENCE embedding_seq;
-- embedding_q is the same vector as one signed byte per dimension (times embedding_scale): what app
-- servers load into memory, as reading 100,000 real[] as text takes far longer than as bytes.
ALTER TABLE observations ADD COLUMN embedding real[], ADD COLUMN embedding_seq bigint,
    ADD COLUMN embedding_q bytea, ADD COLUMN embedding_scale real;
ALTER TABLE improvement_actions ADD COLUMN embedding real[], ADD COLUMN embedding_seq bigint,
    ADD COLUMN embedding_q bytea, ADD COLUMN embedding_scale real;
CREATE INDEX observations_unembedded_idx ON observations (logged_at) WHERE embedding IS NULL;
CREATE INDEX improvement_actions_unembedded_idx ON improvement_actions (created_at) WHERE embedding IS NULL;
CREATE INDEX observations_embedding_seq_idx ON observations (org_id, embedding_seq) WHERE embedding_q IS NOT NULL;
CREATE INDEX improvement_actions_embedding_seq_idx ON improvement_actions (org_id, embedding_seq)
    WHERE embedding_q IS NOT NULL;

-- cosine similarity of two unit-length vectors; NULL when either is missing
CREATE FUNCTION insight_cosine(a real[], b real[]) RETURNS real
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CAST(sum(CAST(a[i] AS float8) * b[i]) AS real) FROM generate_subscripts(a, 1) AS i
$$;

CREATE FUNCTION insight_action_text_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.title IS DISTINCT FROM OLD.title OR NEW.description IS DISTINCT FROM OLD.description THEN
        NEW.embedding := NULL;
        NEW.embedding_seq := NULL;
        NEW.embedding_q := NULL;
        NEW.embedding_scale := NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER improvement_actions_text_changed BEFORE UPDATE OF title, description ON improvement_actions
    FOR EACH ROW EXECUTE FUNCTION insight_action_text_changed();

-- an action is embedded with its linked observations' text, so (un)linking makes it stale
CREATE FUNCTION insight_action_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE improvement_actions SET embedding = NULL, embedding_seq = NULL, embedding_q = NULL, embedding_scale = NULL
     WHERE org_id = coalesce(NEW.org_id, OLD.org_id) AND id = coalesce(NEW.action_id, OLD.action_id)
       AND embedding IS NOT NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER action_observations_changed AFTER INSERT OR DELETE ON action_observations
    FOR EACH ROW EXECUTE FUNCTION insight_action_links_changed();
