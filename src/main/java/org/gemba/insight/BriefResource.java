package org.gemba.insight;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.Id;
import org.jdbi.v3.core.Jdbi;

/** The pre-visit brief of a placement: what earlier visitors raised there and what was done since. */
@Path("/api/v1/placements/{id}/brief")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class BriefResource {
    static final int MAX_OBSERVATIONS = 100;

    public record Brief(UUID placementId, String placementName, UUID siteId, String siteName,
                        List<Item> observations, List<ActionItem> actions) {}

    public record Item(UUID id, Instant observedAt, String kind, String criterion, String cause, String theme,
                       String priority, String status, String text, List<String> tags, List<ActionItem> actions) {}

    public record ActionItem(UUID id, String title, String status, LocalDate dueDate, String outcome,
                             Instant completedAt) {
        static ActionItem of(BriefDao.Action a) {
            return new ActionItem(a.id(), a.title(), a.status(), a.dueDate(), a.outcome(), a.completedAt());
        }
    }

    private final Jdbi jdbi;

    public BriefResource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** 200 triaged observations (no authors), newest first, each with its actions; 404 unknown placement. */
    @GET
    public Brief brief(@Auth Caller caller, @PathParam("id") String id) {
        UUID org = caller.orgId().value();
        BriefDao dao = jdbi.onDemand(BriefDao.class);
        BriefDao.Placement placement = dao.placement(org, Id.fromPath(id, "Placement"))
                .orElseThrow(() -> ApiException.notFound("Placement"));
        List<BriefDao.Raised> raised = dao.raised(org, placement.id(), MAX_OBSERVATIONS);
        List<BriefDao.Action> links = raised.isEmpty() ? List.of()
                : dao.actions(org, raised.stream().map(BriefDao.Raised::id).toArray(UUID[]::new));
        Map<UUID, List<ActionItem>> byObservation = new LinkedHashMap<>();
        Map<UUID, ActionItem> distinct = new LinkedHashMap<>();
        for (BriefDao.Action a : links) {
            byObservation.computeIfAbsent(a.observationId(), k -> new ArrayList<>()).add(ActionItem.of(a));
            distinct.putIfAbsent(a.id(), ActionItem.of(a));
        }
        List<Item> items = raised.stream().map(r -> new Item(r.id(), r.observedAt(), r.kind(), r.criterion(),
                r.cause(), r.theme(), r.priority(), r.status(), r.text(), Arrays.asList(r.tags()),
                byObservation.getOrDefault(r.id(), List.of()))).toList();
        return new Brief(placement.id(), placement.name(), placement.siteId(), placement.siteName(), items,
                List.copyOf(distinct.values()));
    }
}
