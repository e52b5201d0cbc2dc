package org.gemba.scheduling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gemba.audit.AuditLog;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.Versions;
import org.gemba.scheduling.PlacementDao.PlacementRow;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Creating and changing placements; every change audited in its transaction. */
public class PlacementService {
    private final Jdbi jdbi;
    private final AuditLog audit;

    public PlacementService(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public PlacementRow create(Caller caller, PlacementRequests.CreatePlacement req) {
        UUID orgId = caller.orgId().value();
        return jdbi.inTransaction(h -> {
            if (h.attach(SiteDao.class).find(orgId, req.siteId()).isEmpty()) {
                throw ApiException.invalid("siteId", "no such site");
            }
            List<UUID> hosts = checkHosts(h, orgId, req.hostIds());
            PlacementDao dao = h.attach(PlacementDao.class);
            UUID id = dao.insert(orgId, req.siteId(), req.name().trim(), blankToNull(req.description()),
                    req.defaultCapacity(), trainings(req.requiredTrainings()), req.maxLeadersPerWeek(),
                    Boolean.TRUE.equals(req.excludeOwnDirectorate()), blankToNull(req.directorate()));
            dao.addHosts(orgId, id, hosts);
            PlacementRow row = dao.find(orgId, id).orElseThrow();
            audit.record(h, caller.orgId(), caller.id(), "PLACEMENT", id, "CREATED", describe(row), null);
            return row;
        });
    }

    public PlacementRow update(Caller caller, UUID id, PlacementRequests.UpdatePlacement req, String ifMatch) {
        UUID orgId = caller.orgId().value();
        return jdbi.inTransaction(h -> {
            PlacementDao dao = h.attach(PlacementDao.class);
            PlacementRow cur = dao.lock(orgId, id).orElseThrow(() -> ApiException.notFound("Placement"));
            Versions.checkIfMatch(ifMatch, cur.version());
            dao.update(orgId, id, req.name() == null ? cur.name() : req.name().trim(),
                    req.description() == null ? cur.description() : blankToNull(req.description().orElse(null)),
                    req.defaultCapacity() == null ? cur.defaultCapacity() : req.defaultCapacity(),
                    req.requiredTrainings() == null ? cur.requiredTrainings() : trainings(req.requiredTrainings()),
                    req.maxLeadersPerWeek() == null ? cur.maxLeadersPerWeek() : req.maxLeadersPerWeek().orElse(null),
                    req.excludeOwnDirectorate() == null ? cur.excludeOwnDirectorate() : req.excludeOwnDirectorate(),
                    req.directorate() == null ? cur.directorate() : blankToNull(req.directorate().orElse(null)));
            if (req.hostIds() != null) {
                List<UUID> hosts = checkHosts(h, orgId, req.hostIds());
                dao.clearHosts(orgId, id);
                dao.addHosts(orgId, id, hosts);
            }
            PlacementRow row = dao.find(orgId, id).orElseThrow();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("from", describe(cur));
            changes.put("to", describe(row));
            audit.record(h, caller.orgId(), caller.id(), "PLACEMENT", id, "UPDATED", changes, null);
            return row;
        });
    }

    private static List<UUID> checkHosts(Handle h, UUID orgId, List<UUID> requested) {
        List<UUID> ids = requested == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(requested));
        if (ids.isEmpty()) {
            return ids;
        }
        List<UUID> hosts = h.attach(PlacementDao.class).hosts(orgId, ids.toArray(UUID[]::new));
        if (hosts.size() != ids.size()) {
            throw ApiException.invalid("hostIds", "every host must be a user of the organisation with the HOST role");
        }
        return ids;
    }

    private static Map<String, Object> describe(PlacementRow p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("siteId", p.siteId());
        m.put("defaultCapacity", p.defaultCapacity());
        m.put("requiredTrainings", List.of(p.requiredTrainings()));
        m.put("hostIds", List.of(p.hostIds()));
        m.put("maxLeadersPerWeek", p.maxLeadersPerWeek());
        m.put("excludeOwnDirectorate", p.excludeOwnDirectorate());
        m.put("directorate", p.directorate());
        return m;
    }

    static String[] trainings(List<String> list) {
        return list == null ? new String[0]
                : list.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).distinct().sorted().toArray(String[]::new);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
