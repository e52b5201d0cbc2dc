--liquibase formatted sql
--changeset gemba:0006-audit-log splitStatements:false
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      uuid NOT NULL REFERENCES organisations (id),
    actor_id    uuid,            -- null for the system (scheduled jobs, bootstrap)
    at          timestamptz NOT NULL DEFAULT now(),
    entity_type text NOT NULL,
    entity_id   uuid NOT NULL,
    action      text NOT NULL,
    changes     jsonb NOT NULL DEFAULT '{}',
    reason      text
);
CREATE INDEX audit_log_org_idx ON audit_log (org_id, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (org_id, entity_id, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (org_id, actor_id, id DESC);

-- The trail is append-only: nothing, not even the application's own role, may rewrite history.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
