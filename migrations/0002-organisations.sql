--liquibase formatted sql
--changeset gemba:0002-organisations
CREATE TABLE organisations (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone  text NOT NULL DEFAULT 'Europe/London',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organisations_name_key UNIQUE (name)
);
