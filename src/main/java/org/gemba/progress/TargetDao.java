package org.gemba.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Target policies per grade and per-leader adjustments. */
public interface TargetDao {

    record PolicyRow(UUID id, String grade, BigDecimal annualHours, UUID updatedBy, Instant updatedAt) {}

    record AdjustmentRow(UUID id, UUID userId, int year, BigDecimal hours, String reason, UUID createdBy,
                         Instant createdAt) {}

    @SqlQuery("SELECT id, grade, annual_hours, updated_by, updated_at FROM target_policies WHERE org_id = :orgId AND grade = :grade")
    @RegisterConstructorMapper(PolicyRow.class)
    Optional<PolicyRow> findPolicy(UUID orgId, String grade);

    @SqlQuery("""
            INSERT INTO target_policies (org_id, grade, annual_hours, updated_by, updated_at)
            VALUES (:orgId, :grade, :annualHours, :actorId, now())
            ON CONFLICT (org_id, grade) DO UPDATE
                SET annual_hours = EXCLUDED.annual_hours, updated_by = EXCLUDED.updated_by, updated_at = now()
            RETURNING id, grade, annual_hours, updated_by, updated_at""")
    @RegisterConstructorMapper(PolicyRow.class)
    PolicyRow upsertPolicy(UUID orgId, String grade, BigDecimal annualHours, UUID actorId);

    @SqlQuery("""
            SELECT id, grade, annual_hours, updated_by, updated_at FROM target_policies
            WHERE org_id = :orgId ORDER BY grade""")
    @RegisterConstructorMapper(PolicyRow.class)
    List<PolicyRow> listPolicies(UUID orgId);

    @SqlQuery("""
            INSERT INTO target_adjustments (org_id, user_id, year, hours, reason, created_by)
            VALUES (:orgId, :userId, :year, :hours, :reason, :actorId)
            RETURNING id, user_id, year, hours, reason, created_by, created_at""")
    @RegisterConstructorMapper(AdjustmentRow.class)
    AdjustmentRow insertAdjustment(UUID orgId, UUID userId, int year, BigDecimal hours, String reason, UUID actorId);

    @SqlQuery("""
            SELECT id, user_id, year, hours, reason, created_by, created_at FROM target_adjustments
            WHERE org_id = :orgId AND user_id = :userId AND (CAST(:year AS int) IS NULL OR year = :year)
            ORDER BY year, created_at, id""")
    @RegisterConstructorMapper(AdjustmentRow.class)
    List<AdjustmentRow> listAdjustments(UUID orgId, UUID userId, Integer year);

    /** A leader of the organisation (404 for anyone else, including people of other organisations). */
    @SqlQuery("SELECT EXISTS (SELECT 1 FROM users WHERE org_id = :orgId AND id = :userId AND 'LEADER' = ANY (roles))")
    boolean isLeader(UUID orgId, UUID userId);
}
