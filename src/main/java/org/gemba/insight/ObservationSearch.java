package org.gemba.insight;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * The observation list: every filter is optional, so the WHERE clause is assembled from fixed
 * fragments (never from client text, which is always bound) and each query gets a plan that can use
 * the index for the filters actually given — a catch-all "(:x IS NULL OR ...)" would not.
 * With {@code q} the rows come best match first (ts_rank_cd), otherwise newest first.
 */
public final class ObservationSearch {
    /** With {@code q}, only this many of the newest matching observations (after the filters) are ranked. */
    public static final int CANDIDATES = Integer.getInteger("gemba.searchCandidates", 500);

    private static final RowMapper<ObservationRow> ROW = ConstructorMapper.of(ObservationRow.class);

    public record Filter(UUID authorId, String status, String kind, String criterion, String cause, UUID siteId,
                         String theme, String q, Window window, Boolean overdue, Instant now) {}

    public record Hit(ObservationRow row, float rank) {}

    private ObservationSearch() {}

    /** {@code after}: rank, observedAt and id of the previous page's last row, or null. */
    public static List<Hit> find(Handle h, UUID orgId, Filter f, Float afterRank, Instant afterAt, UUID afterId,
                                 int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        where.add("o.org_id = :orgId");
        binds.put("orgId", orgId);
        add(where, binds, "o.author_id = :authorId", "authorId", f.authorId());
        add(where, binds, "o.status = :status", "status", f.status());
        add(where, binds, "o.kind = :kind", "kind", f.kind());
        add(where, binds, "o.criterion = :criterion", "criterion", f.criterion());
        add(where, binds, "o.cause = :cause", "cause", f.cause());
        add(where, binds, "o.site_id = :siteId", "siteId", f.siteId());
        add(where, binds, "lower(o.theme) = lower(:theme)", "theme", f.theme());
        add(where, binds, "o.search @@ insight_query(:q)", "q", f.q());
        add(where, binds, "o.observed_at >= :from", "from", f.window().from());
        add(where, binds, "o.observed_at < :to", "to", f.window().toExclusive());
        if (f.overdue() != null) {
            binds.put("now", f.now());
            where.add(f.overdue()
                    ? "o.triaged_at IS NULL AND o.declined_at IS NULL AND o.triage_due_at < :now"
                    : "NOT (o.triaged_at IS NULL AND o.declined_at IS NULL AND o.triage_due_at < :now)");
        }
        String sql;
        if (f.q() == null) {
            // newest first straight from the (org_id, observed_at, id) index: no rank to sort by
            if (afterId != null) {
                where.add("(o.observed_at, o.id) < (:afterAt, :afterId)");
            }
            sql = "SELECT " + ObservationDao.COLUMNS + ", CAST(0 AS real) AS rank FROM observations o WHERE "
                    + String.join(" AND ", where) + " ORDER BY o.observed_at DESC, o.id DESC LIMIT :limit";
        } else {
            // the newest CANDIDATES matches (an index walk that stops early), then ranked: rows holding
            // every word first (1 + ...), then by cover density scaled into [0, 1) (normalisation 32)
            sql = "SELECT * FROM (SELECT " + ObservationDao.COLUMNS
                    + ", CAST(CASE WHEN c.search @@ query_all THEN 1 ELSE 0 END + ts_rank_cd(c.search, query_any, 32) AS real) AS rank"
                    + " FROM (SELECT " + ObservationDao.COLUMNS + ", o.search FROM observations o WHERE "
                    + String.join(" AND ", where) + " ORDER BY o.observed_at DESC, o.id DESC LIMIT " + CANDIDATES + ") c"
                    + " CROSS JOIN insight_query(:q) AS query_any CROSS JOIN insight_query_all(:q) AS query_all) s"
                    + (afterId == null ? "" : " WHERE (s.rank, s.observed_at, s.id) < (:afterRank, :afterAt, :afterId)")
                    + " ORDER BY s.rank DESC, s.observed_at DESC, s.id DESC LIMIT :limit";
        }
        var query = h.createQuery(sql).bindMap(binds).bind("limit", limit);
        if (f.q() != null) {
            // plan with the actual words every time: whether walking newest first beats the GIN index
            // depends on how common they are, which a cached generic plan cannot know
            query.addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                    stmt.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
            });
        }
        if (afterId != null) {
            query.bind("afterAt", afterAt).bind("afterId", afterId);
            if (f.q() != null) {
                query.bind("afterRank", afterRank);
            }
        }
        return query.map((rs, ctx) -> new Hit(ROW.map(rs, ctx), rs.getFloat("rank"))).list();
    }

    private static void add(List<String> where, Map<String, Object> binds, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            binds.put(name, value);
        }
    }
}
