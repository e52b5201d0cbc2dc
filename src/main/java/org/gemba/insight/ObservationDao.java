package org.gemba.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(ObservationRowMapper.class)
@RegisterConstructorMapper(ObservationDao.Place.class)
@RegisterConstructorMapper(ObservationDao.LinkedAction.class)
@RegisterConstructorMapper(ObservationDao.ActionCounts.class)
public interface ObservationDao {

    String COLUMNS = """
            id, org_id, author_id, booking_id, site_id, placement_id, observed_at, logged_at, text, kind, criterion,
            cause, tags, status, priority, theme, team, triage_due_at, triaged_at, triaged_by, declined_at,
            decline_reason, closed_at, version, updated_at
            """;

    record Place(UUID siteId, UUID placementId) {}

    record LinkedAction(UUID id, String title, String status, LocalDate dueDate, String outcome, Instant completedAt,
                        UUID observationId) {}

    record ActionCounts(int unfinished, int done) {}

    @SqlQuery("""
            INSERT INTO observations (org_id, author_id, booking_id, site_id, placement_id, observed_at, logged_at,
                                      text, kind, criterion, cause, tags, triage_due_at, updated_at)
            VALUES (:orgId, :authorId, :bookingId, :siteId, :placementId, :observedAt, :loggedAt, :text, :kind,
                    :criterion, :cause, :tags, :triageDueAt, :loggedAt)
            RETURNING\s""" + COLUMNS)
    ObservationRow insert(UUID orgId, UUID authorId, UUID bookingId, UUID siteId, UUID placementId, Instant observedAt,
                          Instant loggedAt, String text, String kind, String criterion, String cause, String[] tags,
                          Instant triageDueAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM observations WHERE org_id = :orgId AND id = :id")
    Optional<ObservationRow> find(UUID orgId, UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM observations WHERE org_id = :orgId AND id = :id FOR UPDATE")
    Optional<ObservationRow> lock(UUID orgId, UUID id);

    /** Locked in id order, so two transactions touching the same observations never deadlock. */
    @SqlQuery("SELECT " + COLUMNS + " FROM observations WHERE org_id = :orgId AND id = ANY(:ids) ORDER BY id FOR UPDATE")
    List<ObservationRow> lockAll(UUID orgId, UUID[] ids);

    /** The site and placement of one of the leader's own bookings. */
    @SqlQuery("""
            SELECT p.site_id, p.id AS placement_id
              FROM bookings b
              JOIN shifts s ON s.org_id = b.org_id AND s.id = b.shift_id
              JOIN placements p ON p.org_id = s.org_id AND p.id = s.placement_id
             WHERE b.org_id = :orgId AND b.id = :bookingId AND b.leader_id = :leaderId
            """)
    Optional<Place> bookingPlace(UUID orgId, UUID bookingId, UUID leaderId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM sites WHERE org_id = :orgId AND id = :siteId)")
    boolean siteExists(UUID orgId, UUID siteId);

    @SqlQuery("SELECT id FROM users WHERE org_id = :orgId AND active AND 'IMPROVEMENT' = ANY(roles) ORDER BY id")
    List<UUID> improvementUsers(UUID orgId);

    @SqlQuery("""
            UPDATE observations
               SET status = 'TRIAGED', priority = :priority, theme = :theme, criterion = :criterion, cause = :cause,
                   team = :team, triaged_at = :now, triaged_by = :by, version = version + 1, updated_at = :now
             WHERE org_id = :orgId AND id = :id
            RETURNING\s""" + COLUMNS)
    ObservationRow triage(UUID orgId, UUID id, String priority, String theme, String criterion, String cause,
                          String team, Instant now, UUID by);

    @SqlQuery("""
            UPDATE observations
               SET status = 'DECLINED', declined_at = :now, decline_reason = :reason, version = version + 1,
                   updated_at = :now
             WHERE org_id = :orgId AND id = :id
            RETURNING\s""" + COLUMNS)
    ObservationRow decline(UUID orgId, UUID id, String reason, Instant now);

    /** Moves to a new status; the first link to an action counts as triage, and CLOSED is stamped. */
    @SqlQuery("""
            UPDATE observations
               SET status = :status,
                   triaged_at = coalesce(triaged_at, :now), triaged_by = coalesce(triaged_by, :by),
                   closed_at = CASE WHEN :status = 'CLOSED' THEN CAST(:now AS timestamptz) END,
                   version = version + 1, updated_at = :now
             WHERE org_id = :orgId AND id = :id
            RETURNING\s""" + COLUMNS)
    ObservationRow moveTo(UUID orgId, UUID id, String status, Instant now, UUID by);

    @SqlQuery("""
            SELECT a.id, a.title, a.status, a.due_date, a.outcome, a.completed_at, ao.observation_id
              FROM action_observations ao
              JOIN improvement_actions a ON a.org_id = ao.org_id AND a.id = ao.action_id
             WHERE ao.org_id = :orgId AND ao.observation_id = ANY(:observationIds)
             ORDER BY ao.linked_at, a.id
            """)
    List<LinkedAction> linkedActions(UUID orgId, UUID[] observationIds);

    @SqlQuery("""
            SELECT count(*) FILTER (WHERE a.status IN ('OPEN', 'IN_PROGRESS')) AS unfinished,
                   count(*) FILTER (WHERE a.status = 'DONE') AS done
              FROM action_observations ao
              JOIN improvement_actions a ON a.org_id = ao.org_id AND a.id = ao.action_id
             WHERE ao.org_id = :orgId AND ao.observation_id = :observationId
            """)
    ActionCounts actionCounts(UUID orgId, UUID observationId);

    @SqlUpdate("""
            INSERT INTO action_observations (org_id, action_id, observation_id, linked_by, linked_at)
            VALUES (:orgId, :actionId, :observationId, :by, :now)
            ON CONFLICT (action_id, observation_id) DO NOTHING
            """)
    int link(UUID orgId, UUID actionId, UUID observationId, UUID by, Instant now);

    @SqlUpdate("DELETE FROM action_observations WHERE org_id = :orgId AND action_id = :actionId AND observation_id = :observationId")
    int unlink(UUID orgId, UUID actionId, UUID observationId);
}
