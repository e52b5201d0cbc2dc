--liquibase formatted sql
--changeset gemba:0100-sites
CREATE TABLE sites (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid NOT NULL REFERENCES organisations (id),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone  text NOT NULL DEFAULT 'Europe/London',
    address    text CHECK (length(address) <= 1000),
    version    integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sites_org_id_key UNIQUE (org_id, id)
);
CREATE INDEX sites_org_name_idx ON sites (org_id, lower(name), id);
