package org.gemba.insight;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.auth.Caller;
import org.gemba.common.QueryParams;
import org.jdbi.v3.core.Jdbi;

/** {@code GET /insights/summary}: counts, time to triage and actions for a window of observations. */
@Path("/api/v1/insights/summary")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"IMPROVEMENT", "ADMIN", "HR"})
public class SummaryResource {

    public record Summary(Map<String, Long> byKind, Map<String, Long> byCriterion, Map<String, Long> byCause,
                          Map<String, Long> byTheme, List<SummaryDao.SiteCount> bySite,
                          List<SummaryDao.MonthCount> byMonth, SummaryDao.Triage triage, SummaryDao.Actions actions) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public SummaryResource(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** 200 the summary; {@code from}/{@code to} dates (inclusive, organisation's zone) or instants; 422 bad parameters. */
    @GET
    public Summary summary(@Auth Caller caller, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("siteId") String siteId) {
        UUID org = caller.orgId().value();
        UUID site = QueryParams.uuid("siteId", siteId);
        return jdbi.inTransaction(h -> {
            ZoneId zone = caller.zone();
            Window w = Window.parse(from, to, zone);
            Instant now = clock.instant();
            SummaryDao dao = new SummaryDao(h, org, w, site);
            Map<String, Map<String, Long>> dims = new LinkedHashMap<>();
            dims.put("kind", zeros(InsightTypes.Kind.values()));
            dims.put("criterion", zeros(InsightTypes.Criterion.values()));
            dims.put("cause", zeros(InsightTypes.Cause.values()));
            dims.put("theme", new LinkedHashMap<>());
            List<SummaryDao.SiteCount> bySite = new ArrayList<>();
            List<SummaryDao.MonthCount> byMonth = new ArrayList<>();
            for (SummaryDao.Count c : dao.counts(zone)) {
                switch (c.dimension()) {
                    case "site" -> bySite.add(new SummaryDao.SiteCount(UUID.fromString(c.key()), c.name(), c.count()));
                    case "month" -> byMonth.add(new SummaryDao.MonthCount(c.key(), c.count()));
                    default -> dims.get(c.dimension()).put(c.key(), c.count());
                }
            }
            return new Summary(dims.get("kind"), dims.get("criterion"), dims.get("cause"), dims.get("theme"),
                    bySite, byMonth, dao.triage(now), dao.actions(LocalDate.ofInstant(now, zone)));
        });
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            m.put(v.name(), 0L);
        }
        return m;
    }
}
