--liquibase formatted sql
--changeset gemba:0401-improvement-actions
CREATE TABLE improvement_actions (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id        uuid NOT NULL,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   text CHECK (length(description) <= 10000),
    owner_id      uuid NOT NULL,
    due_date      date,
    status        text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    outcome       text CHECK (length(outcome) <= 10000),
    cancel_reason text CHECK (length(cancel_reason) <= 10000),
    created_by    uuid NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    completed_at  timestamptz,
    cancelled_at  timestamptz,
    version       integer NOT NULL DEFAULT 1,
    search        tsvector GENERATED ALWAYS AS (
                      insight_roots(to_tsvector('english'::regconfig, title || ' ' || coalesce(description, '')))) STORED,
    CONSTRAINT improvement_actions_owner_fkey FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, id),
    CONSTRAINT improvement_actions_org_id_key UNIQUE (org_id, id),
    CONSTRAINT improvement_actions_done_check CHECK ((status = 'DONE') = (outcome IS NOT NULL AND completed_at IS NOT NULL)),
    CONSTRAINT improvement_actions_cancel_check CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL AND cancelled_at IS NOT NULL))
);
CREATE INDEX improvement_actions_org_idx ON improvement_actions (org_id, created_at DESC, id DESC);
CREATE INDEX improvement_actions_owner_idx ON improvement_actions (org_id, owner_id);
CREATE INDEX improvement_actions_open_idx ON improvement_actions (org_id, due_date) WHERE status IN ('OPEN', 'IN_PROGRESS');
CREATE INDEX improvement_actions_search_idx ON improvement_actions USING gin (search);
CREATE INDEX improvement_actions_title_trgm_idx ON improvement_actions USING gin (title gin_trgm_ops);

CREATE TABLE action_observations (
    org_id         uuid NOT NULL,
    action_id      uuid NOT NULL,
    observation_id uuid NOT NULL,
    linked_by      uuid,
    linked_at      timestamptz NOT NULL,
    PRIMARY KEY (action_id, observation_id),
    CONSTRAINT action_observations_action_fkey FOREIGN KEY (org_id, action_id) REFERENCES improvement_actions (org_id, id),
    CONSTRAINT action_observations_observation_fkey FOREIGN KEY (org_id, observation_id) REFERENCES observations (org_id, id)
);
CREATE INDEX action_observations_observation_idx ON action_observations (org_id, observation_id);

CREATE TABLE action_notes (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     uuid NOT NULL,
    action_id  uuid NOT NULL,
    author_id  uuid NOT NULL,
    text       text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    created_at timestamptz NOT NULL,
    CONSTRAINT action_notes_action_fkey FOREIGN KEY (org_id, action_id) REFERENCES improvement_actions (org_id, id),
    CONSTRAINT action_notes_author_fkey FOREIGN KEY (org_id, author_id) REFERENCES users (org_id, id)
);
CREATE INDEX action_notes_action_idx ON action_notes (org_id, action_id, created_at);
