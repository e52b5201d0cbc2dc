package org.gemba.progress;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.Checks;
import org.gemba.common.UserId;
import org.jdbi.v3.core.Jdbi;

/** HR's levers on targets: annual hours per grade and adjustments per leader and year, each audited. */
public class TargetService {
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Programme programme;

    public TargetService(Jdbi jdbi, AuditLog audit, Programme programme) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.programme = programme;
    }

    public record PolicyRequest(BigDecimal annualHours) {}

    public record AdjustmentRequest(Integer year, BigDecimal hours, String reason) {}

    public TargetDao.PolicyRow putPolicy(Caller actor, String grade, PolicyRequest req) {
        Checks.start()
                .require(grade != null && !grade.isBlank() && grade.length() <= 50 && grade.equals(grade.strip()),
                        "grade", "must be 1 to 50 characters without surrounding spaces")
                .notNull(req == null ? null : req.annualHours(), "annualHours")
                .require(req == null || req.annualHours() == null || inRange(req.annualHours(), 0, 2000),
                        "annualHours", "must be between 0 and 2000 with at most 2 decimals")
                .orThrow();
        return jdbi.inTransaction(h -> {
            TargetDao dao = h.attach(TargetDao.class);
            BigDecimal before = dao.findPolicy(actor.orgId().value(), grade).map(TargetDao.PolicyRow::annualHours)
                    .orElse(null);
            TargetDao.PolicyRow row = dao.upsertPolicy(actor.orgId().value(), grade, req.annualHours(), actor.id().value());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("grade", grade);
            changes.put("annualHours", Map.of("from", before == null ? "default" : before, "to", row.annualHours()));
            audit.record(h, actor.orgId(), actor.id(), "TARGET_POLICY", row.id(), "SET", changes, null);
            return row;
        });
    }

    public TargetDao.AdjustmentRow addAdjustment(Caller actor, UserId leader, AdjustmentRequest req) {
        if (!jdbi.onDemand(TargetDao.class).isLeader(actor.orgId().value(), leader.value())) {
            throw ApiException.notFound("Leader");
        }
        Checks.start()
                .notNull(req.year(), "year")
                .require(req.year() == null || programme.contains(req.year()), "year",
                        "must be a programme year between " + programme.firstYear() + " and " + programme.lastYear())
                .notNull(req.hours(), "hours")
                .require(req.hours() == null || (inRange(req.hours(), -2000, 2000) && req.hours().signum() != 0),
                        "hours", "must be non-zero, between -2000 and 2000, with at most 2 decimals")
                .notBlank(req.reason(), "reason")
                .maxLength(req.reason(), 1000, "reason")
                .orThrow();
        return jdbi.inTransaction(h -> {
            TargetDao.AdjustmentRow row = h.attach(TargetDao.class).insertAdjustment(actor.orgId().value(),
                    leader.value(), req.year(), req.hours(), req.reason().strip(), actor.id().value());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("leaderId", leader.value());
            changes.put("year", row.year());
            changes.put("hours", row.hours());
            audit.record(h, actor.orgId(), actor.id(), "TARGET_ADJUSTMENT", row.id(), "CREATED", changes, row.reason());
            return row;
        });
    }

    private static boolean inRange(BigDecimal v, int min, int max) {
        return v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0
                && v.stripTrailingZeros().scale() <= 2;
    }
}
