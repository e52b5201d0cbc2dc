--liquibase formatted sql
--changeset gemba:0661-observation-summary
-- Everything the insight summary reads of an observation, so its passes over a year of observations
-- read this index alone (index-only scans, once vacuum has marked the pages all-visible) rather than
-- the whole wide rows.
CREATE INDEX observations_summary_idx ON observations (org_id, observed_at)
    INCLUDE (kind, criterion, cause, theme, site_id, logged_at, triaged_at, declined_at, triage_due_at);
