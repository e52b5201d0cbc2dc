--liquibase formatted sql
--changeset gemba:0101-placements
CREATE TABLE placements (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id                  uuid NOT NULL,
    site_id                 uuid NOT NULL,
    name                    text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description             text CHECK (length(description) <= 5000),
    default_capacity        integer NOT NULL CHECK (default_capacity BETWEEN 1 AND 100),
    required_trainings      text[] NOT NULL DEFAULT '{}',
    max_leaders_per_week    integer CHECK (max_leaders_per_week >= 1),
    exclude_own_directorate boolean NOT NULL DEFAULT false,
    directorate             text,     -- the directorate that runs this service
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT placements_site_fkey FOREIGN KEY (org_id, site_id) REFERENCES sites (org_id, id),
    CONSTRAINT placements_org_id_key UNIQUE (org_id, id)
);
CREATE INDEX placements_site_idx ON placements (org_id, site_id);

CREATE TABLE placement_hosts (
    org_id       uuid NOT NULL,
    placement_id uuid NOT NULL,
    user_id      uuid NOT NULL,
    PRIMARY KEY (placement_id, user_id),
    CONSTRAINT placement_hosts_placement_fkey FOREIGN KEY (org_id, placement_id) REFERENCES placements (org_id, id),
    CONSTRAINT placement_hosts_user_fkey FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
);
CREATE INDEX placement_hosts_user_idx ON placement_hosts (org_id, user_id);
