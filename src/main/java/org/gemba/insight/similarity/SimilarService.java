package org.gemba.insight.similarity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.gemba.insight.SimilarDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Earlier observations and open actions of the same organisation that describe the same problem.
 * Candidates: the nearest vectors (VectorIndex, the whole organisation) plus the best word matches
 * among the 500 most recent observations and open actions the index does not hold yet: not embedded
 * (through the partial "unembedded" indexes, so the word stage stays small however large the
 * organisation grows), or stored after the newest vector the index has loaded (it catches up in the
 * background after a start or a bulk load, and a vector must not vanish from both stages); each
 * is then scored by {@link Blend} from features read in one query, which also re-checks org and
 * status. With embeddings switched off (no index), the word matches come from the 500 most recent
 * observations and every open action, and only they are scored.
 */
public final class SimilarService {
    private static final int NEAREST_OBSERVATIONS = 100;
    private static final int NEAREST_ACTIONS = 20;

    private final Jdbi jdbi;
    private final Embedder embedder;
    private final VectorIndex index;
    private volatile Blend blend = Blend.DEFAULT;
    private volatile boolean wordFeatures;

    /** {@code embedder} and {@code index} are null when embeddings are switched off. */
    public SimilarService(Jdbi jdbi, Embedder embedder, VectorIndex index) {
        this.jdbi = jdbi;
        this.embedder = embedder;
        this.index = index;
    }

    /** For tuning on the evaluation set. */
    public void setBlend(Blend blend) {
        this.blend = blend;
    }

    /**
     * For tuning: word overlap for every candidate. Otherwise it is read only for candidates without a
     * cosine, where it stands in for one: the default blend gives it no weight beside a cosine.
     */
    public void setWordFeatures(boolean wordFeatures) {
        this.wordFeatures = wordFeatures;
    }

    public List<SimilarDao.Item> similar(UUID orgId, UUID id, int limit) {
        List<Candidate> candidates = candidates(orgId, id);
        Blend b = blend;
        return candidates.stream()
                .map(c -> new SimilarDao.Item(c.type(), c.id(),
                        BigDecimal.valueOf(b.score(c)).setScale(3, RoundingMode.HALF_UP), c.title(), c.text(),
                        c.status()))
                .sorted(Comparator.comparing(SimilarDao.Item::score).reversed().thenComparing(SimilarDao.Item::id))
                .limit(limit).toList();
    }

    public List<Candidate> candidates(UUID orgId, UUID id) {
        return jdbi.withHandle(h -> {
            Me me = h.createQuery("SELECT text, logged_at, embedding FROM observations WHERE org_id = :org AND id = :id")
                    .bind("org", orgId).bind("id", id)
                    .map((rs, ctx) -> new Me(rs.getString("text"), rs.getObject("logged_at", java.time.OffsetDateTime.class)
                            .toInstant(), Vectors.read(rs, "embedding"))).findOne().orElse(null);
            if (me == null) {
                return List.of();
            }
            float[] vector = me.embedding();
            if (vector == null && embedder != null) {
                vector = embedder.embed(me.text());   // not embedded yet: 3 ms now beats no meaning at all
            }
            // read before asking the index: whatever is stored after this point goes through the word
            // stage, even when a background catch-up loads it before the nearest list is taken
            long loadedSeq = index == null ? Long.MAX_VALUE : index.loadedSeq(orgId);
            List<VectorIndex.Near> near = vector == null || index == null ? List.of()
                    : index.nearest(orgId, vector, me.loggedAt().toEpochMilli(), id, NEAREST_OBSERVATIONS,
                            NEAREST_ACTIONS);
            List<Candidate> found = features(h, orgId, id, near, loadedSeq, index == null);
            return vector == null || index == null ? found : withCosines(orgId, vector, found);
        });
    }

    /**
     * Every candidate's cosine and hubness from the index (word matches the vector search did not
     * propose included); one still without a vector gets the others' mean hubness, so that its
     * lexical stand-in is on the same scale.
     */
    private List<Candidate> withCosines(UUID orgId, float[] vector, List<Candidate> found) {
        List<VectorIndex.Near> scored = index.score(orgId, vector, found.stream().map(Candidate::id).toList());
        double typicalHub = scored.stream().filter(java.util.Objects::nonNull)
                .mapToDouble(VectorIndex.Near::hubness).average().orElse(0);
        List<Candidate> out = new java.util.ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            Candidate c = found.get(i);
            VectorIndex.Near n = scored.get(i);
            out.add(new Candidate(c.type(), c.id(), c.title(), c.text(), c.status(), n == null ? null : n.cosine(),
                    n == null ? typicalHub : n.hubness(), c.trigram(), c.textRank(), c.samePlacement(), c.sameSite(),
                    c.sameCause(), c.ageDays()));
        }
        return out;
    }

    private record Me(String text, Instant loggedAt, float[] embedding) {}

    private List<Candidate> features(Handle h, UUID orgId, UUID id, List<VectorIndex.Near> near, long loadedSeq,
                                            boolean allWords) {
        UUID[] ids = near.stream().map(VectorIndex.Near::id).toArray(UUID[]::new);
        float[] cos = new float[near.size()];
        for (int i = 0; i < cos.length; i++) {
            cos[i] = near.get(i).cosine();
        }
        return h.createQuery(SQL).bind("orgId", orgId).bind("id", id).bind("ids", ids).bind("allWords", allWords).bind("loadedSeq", loadedSeq)
                .bind("words", allWords || wordFeatures)
                .bind("cos", Vectors.literal(cos))
                .map(SimilarService::candidate).list();
    }

    private static Candidate candidate(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        Number cos = (Number) rs.getObject("cos");
        return new Candidate(rs.getString("type"), rs.getObject("id", UUID.class), rs.getString("title"),
                rs.getString("text"), rs.getString("status"), cos == null ? null : cos.floatValue(), 0, rs.getDouble("trigram"),
                rs.getDouble("text_rank"), rs.getBoolean("same_placement"), rs.getBoolean("same_site"),
                rs.getBoolean("same_cause"), rs.getDouble("age_days"));
    }

    private static final String SQL = """
            WITH me AS (
                SELECT id, org_id, text, site_id, placement_id, cause, logged_at,
                       insight_query(left(text, 2000)) AS q
                  FROM observations WHERE org_id = :orgId AND id = :id),
            near AS (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:cos AS real[])) AS n (id, cos)),
            recent AS (
                (SELECT o.id, o.search, o.text FROM observations o, me
                  WHERE :allWords AND o.org_id = :orgId AND o.observed_at <= me.logged_at
                  ORDER BY o.observed_at DESC, o.id DESC LIMIT 500)
                UNION ALL
                (SELECT o.id, o.search, o.text FROM observations o, me
                  WHERE NOT :allWords AND o.embedding IS NULL AND o.org_id = :orgId AND o.logged_at <= me.logged_at
                  ORDER BY o.logged_at DESC LIMIT 500)
                UNION ALL
                (SELECT o.id, o.search, o.text FROM observations o, me
                  WHERE NOT :allWords AND o.embedding_q IS NOT NULL AND o.org_id = :orgId
                    AND o.embedding_seq > :loadedSeq AND o.logged_at <= me.logged_at
                  ORDER BY o.embedding_seq DESC LIMIT 500)),
            lex_obs AS (
                SELECT r.id FROM recent r, me
                 WHERE r.id <> me.id AND (r.search @@ me.q OR r.text % me.text)
                 ORDER BY ts_rank_cd(r.search, me.q, 32) + similarity(r.text, me.text) DESC LIMIT 50),
            open_act AS (
                (SELECT a.id, a.search, a.title FROM improvement_actions a
                  WHERE :allWords AND a.org_id = :orgId AND a.status IN ('OPEN', 'IN_PROGRESS'))
                UNION ALL
                (SELECT a.id, a.search, a.title FROM improvement_actions a
                  WHERE NOT :allWords AND a.embedding IS NULL AND a.org_id = :orgId
                    AND a.status IN ('OPEN', 'IN_PROGRESS')
                  ORDER BY a.created_at DESC LIMIT 500)
                UNION ALL
                (SELECT a.id, a.search, a.title FROM improvement_actions a
                  WHERE NOT :allWords AND a.embedding_q IS NOT NULL AND a.org_id = :orgId
                    AND a.embedding_seq > :loadedSeq AND a.status IN ('OPEN', 'IN_PROGRESS')
                  ORDER BY a.embedding_seq DESC LIMIT 500)),
            lex_act AS (
                SELECT a.id FROM open_act a, me
                 WHERE a.search @@ me.q OR a.title % me.text
                 ORDER BY ts_rank_cd(a.search, me.q, 32) DESC LIMIT 20)
            SELECT 'OBSERVATION' AS type, o.id, NULL AS title, o.text, o.status,
                   n.cos,
                   CASE WHEN n.cos IS NULL OR :words THEN similarity(o.text, me.text) ELSE 0 END AS trigram,
                   CASE WHEN n.cos IS NULL OR :words THEN coalesce(ts_rank_cd(o.search, me.q, 32), 0) ELSE 0 END
                       AS text_rank,
                   coalesce(o.placement_id = me.placement_id, false) AS same_placement,
                   o.site_id = me.site_id AS same_site, coalesce(o.cause = me.cause, false) AS same_cause,
                   extract(epoch FROM me.logged_at - o.logged_at) / 86400 AS age_days
              FROM (SELECT id FROM near UNION SELECT id FROM lex_obs) c
              JOIN me ON true
              JOIN observations o ON o.org_id = :orgId AND o.id = c.id
              LEFT JOIN near n ON n.id = o.id
             WHERE o.id <> me.id AND o.logged_at <= me.logged_at
            UNION ALL
            SELECT 'ACTION', a.id, a.title, a.description, a.status,
                   n.cos,
                   CASE WHEN n.cos IS NULL OR :words THEN similarity(a.title || ' ' || coalesce(a.description, ''), me.text)
                        ELSE 0 END,
                   CASE WHEN n.cos IS NULL OR :words THEN coalesce(ts_rank_cd(a.search, me.q, 32), 0) ELSE 0 END,
                   false, false, false,
                   extract(epoch FROM me.logged_at - a.created_at) / 86400
              FROM (SELECT id FROM near UNION SELECT id FROM lex_act) c
              JOIN me ON true
              JOIN improvement_actions a ON a.org_id = :orgId AND a.id = c.id
              LEFT JOIN near n ON n.id = a.id
             WHERE a.status IN ('OPEN', 'IN_PROGRESS')
               AND NOT EXISTS (SELECT 1 FROM action_observations ao
                                WHERE ao.org_id = me.org_id AND ao.action_id = a.id AND ao.observation_id = me.id)
            """;
}
