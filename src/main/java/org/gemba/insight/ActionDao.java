package org.gemba.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ActionRow.class)
@RegisterConstructorMapper(ActionDao.NoteRow.class)
@RegisterConstructorMapper(ActionDao.LinkedObservation.class)
public interface ActionDao {

    String COLUMNS = """
            a.id, a.org_id, a.title, a.description, a.owner_id, u.name AS owner_name, a.due_date, a.status, a.outcome,
            a.cancel_reason, a.created_by, a.created_at, a.updated_at, a.completed_at, a.cancelled_at, a.version,
            ARRAY(SELECT ao.observation_id FROM action_observations ao
                   WHERE ao.action_id = a.id ORDER BY ao.linked_at, ao.observation_id) AS observation_ids
              FROM improvement_actions a
              JOIN users u ON u.org_id = a.org_id AND u.id = a.owner_id
            """;

    record NoteRow(UUID id, UUID authorId, String authorName, String text, Instant createdAt) {}

    record LinkedObservation(UUID id, String status, String kind, String text, UUID siteId, UUID placementId,
                             Instant observedAt) {}

    @SqlQuery("""
            INSERT INTO improvement_actions (org_id, title, description, owner_id, due_date, created_by, created_at,
                                             updated_at)
            VALUES (:orgId, :title, :description, :ownerId, :dueDate, :createdBy, :now, :now)
            RETURNING id
            """)
    UUID insert(UUID orgId, String title, String description, UUID ownerId, LocalDate dueDate, UUID createdBy,
                Instant now);

    @SqlQuery("SELECT " + COLUMNS + " WHERE a.org_id = :orgId AND a.id = :id")
    Optional<ActionRow> find(UUID orgId, UUID id);

    @SqlQuery("SELECT " + COLUMNS + " WHERE a.org_id = :orgId AND a.id = :id FOR UPDATE OF a")
    Optional<ActionRow> lock(UUID orgId, UUID id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM users WHERE org_id = :orgId AND id = :userId AND active)")
    boolean activeUser(UUID orgId, UUID userId);

    @SqlUpdate("""
            UPDATE improvement_actions
               SET title = :title, description = :description, owner_id = :ownerId, due_date = :dueDate,
                   status = :status, version = version + 1, updated_at = :now
             WHERE org_id = :orgId AND id = :id
            """)
    void update(UUID orgId, UUID id, String title, String description, UUID ownerId, LocalDate dueDate, String status,
                Instant now);

    @SqlUpdate("""
            UPDATE improvement_actions
               SET status = 'DONE', outcome = :outcome, completed_at = :now, version = version + 1, updated_at = :now
             WHERE org_id = :orgId AND id = :id
            """)
    void complete(UUID orgId, UUID id, String outcome, Instant now);

    @SqlUpdate("""
            UPDATE improvement_actions
               SET status = 'CANCELLED', cancel_reason = :reason, cancelled_at = :now, version = version + 1,
                   updated_at = :now
             WHERE org_id = :orgId AND id = :id
            """)
    void cancel(UUID orgId, UUID id, String reason, Instant now);

    @SqlUpdate("UPDATE improvement_actions SET version = version + 1, updated_at = :now WHERE org_id = :orgId AND id = :id")
    void touch(UUID orgId, UUID id, Instant now);

    /** Newest first; {@code overdue}: unfinished with a due date before {@code today}. */
    @SqlQuery("SELECT " + COLUMNS + """
             WHERE a.org_id = :orgId
               AND (CAST(:status AS text) IS NULL OR a.status = :status)
               AND (CAST(:ownerId AS uuid) IS NULL OR a.owner_id = :ownerId)
               AND (CAST(:overdue AS boolean) IS NULL
                    OR coalesce(a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_date < :today, false) = :overdue)
               AND (CAST(:afterAt AS timestamptz) IS NULL
                    OR (a.created_at, a.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
             ORDER BY a.created_at DESC, a.id DESC
             LIMIT :limit
            """)
    List<ActionRow> list(UUID orgId, String status, UUID ownerId, Boolean overdue, LocalDate today, Instant afterAt,
                         UUID afterId, int limit);

    @SqlQuery("""
            INSERT INTO action_notes (org_id, action_id, author_id, text, created_at)
            VALUES (:orgId, :actionId, :authorId, :text, :now)
            RETURNING id, author_id, (SELECT name FROM users WHERE id = :authorId) AS author_name, text, created_at
            """)
    NoteRow addNote(UUID orgId, UUID actionId, UUID authorId, String text, Instant now);

    @SqlQuery("""
            SELECT n.id, n.author_id, u.name AS author_name, n.text, n.created_at
              FROM action_notes n JOIN users u ON u.org_id = n.org_id AND u.id = n.author_id
             WHERE n.org_id = :orgId AND n.action_id = :actionId
             ORDER BY n.created_at, n.id
            """)
    List<NoteRow> notes(UUID orgId, UUID actionId);

    @SqlQuery("""
            SELECT o.id, o.status, o.kind, o.text, o.site_id, o.placement_id, o.observed_at
              FROM action_observations ao JOIN observations o ON o.org_id = ao.org_id AND o.id = ao.observation_id
             WHERE ao.org_id = :orgId AND ao.action_id = :actionId
             ORDER BY ao.linked_at, o.id
            """)
    List<LinkedObservation> observations(UUID orgId, UUID actionId);
}
