--liquibase formatted sql
--changeset gemba:0003-users
CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id        uuid NOT NULL REFERENCES organisations (id),
    email         text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    password_hash text,
    roles         text[] NOT NULL
                  CHECK (cardinality(roles) >= 1
                         AND roles <@ ARRAY['LEADER', 'HOST', 'HR', 'IMPROVEMENT', 'ADMIN']::text[]),
    grade         text,
    directorate   text,
    fte           numeric(4, 3) NOT NULL DEFAULT 1 CHECK (fte > 0 AND fte <= 1),
    start_date    date,
    end_date      date,
    trainings     text[] NOT NULL DEFAULT '{}',
    active        boolean NOT NULL DEFAULT true,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_dates_check CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    -- lets tenant tables reference (org_id, user_id), so a row can never point into another organisation
    CONSTRAINT users_org_id_key UNIQUE (org_id, id)
);
-- people log in with their e-mail alone, so it is unique across organisations
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_org_name_idx ON users (org_id, lower(name), id);
CREATE INDEX users_org_roles_idx ON users USING gin (roles);
