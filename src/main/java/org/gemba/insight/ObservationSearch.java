package org.gemba.insight;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * The observation list: every filter is optional, so the WHERE clause is assembled from fixed
 * fragments (client text is always bound; enum filters, already checked against their enum, are
 * written in) and each query gets a plan that can use the index for the filters actually given — a
 * catch-all "(:x IS NULL OR ...)" would not.
 * With {@code q} the newest {@link #CANDIDATES} matches come best match first, otherwise all rows newest
 * first.
 */
public final class ObservationSearch {
    /**
     * With {@code q}, only this many of the newest matching observations (after the filters) are ranked:
     * two default pages. Finding and ranking them is most of a search's database work (200 cost 1.4 to
     * 1.9 times as much, which put p95 over 50 ms at 32 connections on two cores).
     */
    public static final int CANDIDATES = 100;
    /** How many of the newest filtered rows a search looks through before asking the GIN indexes instead. */
    static final int WALK = 4000;

    private static final RowMapper<ObservationRow> ROW = new ObservationRowMapper();
    private static final Pattern ENUM_NAME = Pattern.compile("[A-Z][A-Z_]*");

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
        // enum names, written into the SQL: with them bound, PostgreSQL re-planned the search on every
        // call (a custom plan each time); as literals it plans once per combination (1.5x less CPU)
        addName(where, "o.status", f.status());
        addName(where, "o.kind", f.kind());
        addName(where, "o.criterion", f.criterion());
        addName(where, "o.cause", f.cause());
        add(where, binds, "o.site_id = :siteId", "siteId", f.siteId());
        add(where, binds, "lower(o.theme) = lower(:theme)", "theme", f.theme());
        add(where, binds, "o.observed_at >= :from", "from", f.window().from());
        add(where, binds, "o.observed_at < :to", "to", f.window().toExclusive());
        if (f.overdue() != null) {
            binds.put("now", f.now());
            where.add(f.overdue()
                    ? "o.triaged_at IS NULL AND o.declined_at IS NULL AND o.triage_due_at < :now"
                    : "NOT (o.triaged_at IS NULL AND o.declined_at IS NULL AND o.triage_due_at < :now)");
        }
        if (f.q() != null) {
            return search(h, f.q(), where, binds, afterRank, afterAt, afterId, limit);
        }
        // newest first straight from the (org_id, observed_at, id) index: no rank to sort by
        if (afterId != null) {
            where.add("(o.observed_at, o.id) < (:afterAt, :afterId)");
        }
        String sql = "SELECT " + ObservationDao.COLUMNS + ", CAST(0 AS real) AS rank FROM observations o WHERE "
                + String.join(" AND ", where) + " ORDER BY o.observed_at DESC, o.id DESC LIMIT :limit";
        var query = h.createQuery(sql).bindMap(binds).bind("limit", limit);
        if (afterId != null) {
            query.bind("afterAt", afterAt).bind("afterId", afterId);
        }
        return query.map(withRow((row, rs) -> new Hit(row, rs.getFloat("rank")))).list();
    }

    /**
     * The newest {@link #CANDIDATES} matches, ranked: rows holding every word first (1 + ...), then by
     * ts_rank scaled into [0, 1) (normalisation 32), then newest first. Found by walking the
     * filtered rows newest first, which stops as soon as it has them, but gives up after
     * {@link #WALK} rows: words rare among the filtered rows are then looked up in the GIN indexes.
     */
    private static List<Hit> search(Handle h, String q, List<String> where, Map<String, Object> binds, Float afterRank,
                                    Instant afterAt, UUID afterId, int limit) {
        String filtered = "SELECT o.id, o.observed_at, o.search FROM observations o WHERE " + String.join(" AND ", where);
        String walk = "SELECT r.* FROM (" + filtered + " ORDER BY o.observed_at DESC, o.id DESC LIMIT " + WALK + ") r"
                + " WHERE r.search @@ (SELECT any_word FROM words) ORDER BY r.observed_at DESC, r.id DESC";
        List<Ranked> found = ranked(h, q, walk, binds, afterRank, afterAt, afterId, limit, false);
        if (!found.isEmpty() && found.get(0).candidates() == CANDIDATES) {
            return found.stream().map(Ranked::hit).toList();
        }
        String lookup = filtered + " AND o.search @@ (SELECT any_word FROM words)"
                + " ORDER BY o.observed_at DESC, o.id DESC";
        return h.inTransaction(tx -> {
            // a walk newest first is what just fell short: the planner is to pick a bitmap of the GIN
            // index (rare words) or of the filters' indexes (few filtered rows, e.g. a leader's own)
            tx.execute("SET LOCAL enable_indexscan = off");
            return ranked(tx, q, lookup, binds, afterRank, afterAt, afterId, limit, true);
        }).stream().map(Ranked::hit).toList();
    }

    private record Ranked(Hit hit, long candidates) {}

    private static List<Ranked> ranked(Handle h, String q, String candidates, Map<String, Object> binds,
                                       Float afterRank, Instant afterAt, UUID afterId, int limit, boolean planPerQuery) {
        // ranks the candidates from (id, observed_at, search) alone; only the page's rows are read in full
        String sql = "WITH words AS MATERIALIZED (SELECT insight_query(:q) AS any_word, insight_query_all(:q) AS all_words),"
                + " ranked AS (SELECT c.id AS pid, c.observed_at AS pat,"
                + " CAST(CASE WHEN c.search @@ (SELECT all_words FROM words) THEN 1 ELSE 0 END"
                + " + ts_rank(c.search, (SELECT any_word FROM words), 32) AS real) AS rank, count(*) OVER () AS candidates"
                + " FROM (" + candidates + " LIMIT " + CANDIDATES + ") c)"
                + " SELECT " + ObservationDao.COLUMNS + ", p.rank, p.candidates"
                + " FROM (SELECT * FROM ranked"
                + (afterId == null ? "" : " WHERE (rank, pat, pid) < (:afterRank, :afterAt, :afterId)")
                + " ORDER BY rank DESC, pat DESC, pid DESC LIMIT :limit) p"
                + " JOIN observations o ON o.org_id = :orgId AND o.id = p.pid"
                + " ORDER BY p.rank DESC, p.pat DESC, p.pid DESC";
        var query = h.createQuery(sql).bindMap(binds).bind("q", q).bind("limit", limit);
        if (afterId != null) {
            query.bind("afterRank", afterRank).bind("afterAt", afterAt).bind("afterId", afterId);
        }
        if (planPerQuery) {
            // which index wins depends on how common the words are, which a cached generic plan cannot know
            query.addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                    stmt.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
            });
        }
        return query.map(withRow((row, rs) -> new Ranked(new Hit(row, rs.getFloat("rank")), rs.getLong("candidates"))))
                .list();
    }

    private interface RowPlus<T> {
        T map(ObservationRow row, ResultSet rs) throws SQLException;
    }

    /** Maps the observation columns with {@link ObservationRowMapper}, specialised once per result set. */
    private static <T> RowMapper<T> withRow(RowPlus<T> plus) {
        return new RowMapper<>() {
            @Override
            public T map(ResultSet rs, StatementContext ctx) throws SQLException {
                return specialize(rs, ctx).map(rs, ctx);
            }

            @Override
            public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
                RowMapper<ObservationRow> row = ROW.specialize(rs, ctx);
                return (r, c) -> plus.map(row.map(r, c), r);
            }
        };
    }

    private static void addName(List<String> where, String column, String enumName) {
        if (enumName != null) {
            if (!ENUM_NAME.matcher(enumName).matches()) {
                throw new IllegalArgumentException("not an enum name: " + enumName);
            }
            where.add(column + " = '" + enumName + "'");
        }
    }

    private static void add(List<String> where, Map<String, Object> binds, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            binds.put(name, value);
        }
    }
}
