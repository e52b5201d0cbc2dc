package org.gemba.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What earlier visitors raised at a placement, without saying who they were. */
@RegisterConstructorMapper(BriefDao.Placement.class)
@RegisterConstructorMapper(BriefDao.Raised.class)
@RegisterConstructorMapper(BriefDao.Action.class)
public interface BriefDao {

    record Placement(UUID id, String name, UUID siteId, String siteName) {}

    /** No author, booking or triager: the brief is read by every visitor. */
    record Raised(UUID id, Instant observedAt, String kind, String criterion, String cause, String theme,
                  String priority, String status, String text, String[] tags) {}

    record Action(UUID id, String title, String status, LocalDate dueDate, String outcome, Instant completedAt,
                  Instant createdAt, UUID observationId) {}

    @SqlQuery("""
            SELECT p.id, p.name, p.site_id, s.name AS site_name
              FROM placements p JOIN sites s ON s.org_id = p.org_id AND s.id = p.site_id
             WHERE p.org_id = :orgId AND p.id = :id
            """)
    Optional<Placement> placement(UUID orgId, UUID id);

    @SqlQuery("""
            SELECT id, observed_at, kind, criterion, cause, theme, priority, status, text, tags
              FROM observations
             WHERE org_id = :orgId AND placement_id = :placementId AND status IN ('TRIAGED', 'ACTIONED', 'CLOSED')
             ORDER BY observed_at DESC, id DESC
             LIMIT :limit
            """)
    List<Raised> raised(UUID orgId, UUID placementId, int limit);

    @SqlQuery("""
            SELECT a.id, a.title, a.status, a.due_date, a.outcome, a.completed_at, a.created_at, ao.observation_id
              FROM action_observations ao
              JOIN improvement_actions a ON a.org_id = ao.org_id AND a.id = ao.action_id
             WHERE ao.org_id = :orgId AND ao.observation_id = ANY(:observationIds)
               AND a.status IN ('OPEN', 'IN_PROGRESS', 'DONE')
             ORDER BY coalesce(a.completed_at, a.created_at) DESC, a.id DESC
            """)
    List<Action> actions(UUID orgId, UUID[] observationIds);
}
