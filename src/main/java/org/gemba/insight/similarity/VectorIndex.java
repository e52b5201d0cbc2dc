package org.gemba.insight.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The organisation's stored vectors held in memory (one signed byte per dimension plus a scale:
 * about 40 MB for 100,000 observations), so nearest neighbours are an exact scan in a few tens of
 * milliseconds without pgvector. Each call first loads only vectors stored since the last call
 * (embedding_seq), so every app server sees the others' work. The rows themselves (org, status,
 * text) are always re-read from PostgreSQL; this only proposes candidate ids.
 *
 * <p>Cosines are taken after subtracting the organisation's mean observation vector: every
 * observation is "a problem in a hospital", and that shared direction otherwise outweighs what
 * tells one problem from another (on the labelled set it lifted top-1 precision markedly).
 */
public final class VectorIndex {
    public record Near(UUID id, boolean action, float cosine) {}

    private final Jdbi jdbi;
    private final Map<UUID, OrgVectors> orgs = new ConcurrentHashMap<>();

    public VectorIndex(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The {@code observations} nearest observations logged no later than {@code notAfterMillis}
     * (other than {@code exclude}) and the {@code actions} nearest actions.
     */
    public List<Near> nearest(UUID orgId, float[] query, long notAfterMillis, UUID exclude, int observations,
                              int actions) {
        OrgVectors org = orgs.computeIfAbsent(orgId, k -> new OrgVectors());
        org.refresh(jdbi, orgId);
        return org.nearest(query, notAfterMillis, exclude, observations, actions);
    }

    /** The centred cosine of each id's vector with the query; NaN where the index has no vector. */
    public float[] cosines(UUID orgId, float[] query, List<UUID> ids) {
        OrgVectors org = orgs.computeIfAbsent(orgId, k -> new OrgVectors());
        return org.cosines(query, ids);
    }

    private static final class OrgVectors {
        private long seq;
        private int size;
        private UUID[] ids = new UUID[256];
        private boolean[] action = new boolean[256];
        private long[] loggedAt = new long[256];
        private float[] scale = new float[256];
        private byte[] values = new byte[256 * Embedder.DIMENSIONS];
        private final Map<UUID, Integer> slots = new HashMap<>();
        private final double[] sum = new double[Embedder.DIMENSIONS];
        private int observations;
        // the mean and each row's dot product with it, recomputed once the count has grown by 5%
        private float[] mean = new float[Embedder.DIMENSIONS];
        private float[] rowDotMean = new float[256];
        private int meanCount = -1;

        synchronized void refresh(Jdbi jdbi, UUID orgId) {
            EmbeddingDao dao = jdbi.onDemand(EmbeddingDao.class);
            for (List<EmbeddingDao.Stored> rows = dao.storedAfter(orgId, seq, 5000); !rows.isEmpty();
                 rows = dao.storedAfter(orgId, seq, 5000)) {
                for (EmbeddingDao.Stored row : rows) {
                    put(row);
                    seq = Math.max(seq, row.seq());
                }
            }
        }

        private void put(EmbeddingDao.Stored row) {
            if (row.values() == null || row.values().length != Embedder.DIMENSIONS) {
                return;
            }
            Integer slot = slots.get(row.id());
            if (slot != null && !action[slot]) {
                observations--;
                int base = slot * Embedder.DIMENSIONS;
                for (int i = 0; i < Embedder.DIMENSIONS; i++) {
                    sum[i] -= values[base + i] * scale[slot];
                }
            }
            if (slot == null) {
                if (size == ids.length) {
                    grow();
                }
                slot = size++;
                slots.put(row.id(), slot);
            }
            ids[slot] = row.id();
            action[slot] = "ACTION".equals(row.type());
            loggedAt[slot] = row.loggedAt();
            scale[slot] = row.scale();
            int base = slot * Embedder.DIMENSIONS;
            System.arraycopy(row.values(), 0, values, base, Embedder.DIMENSIONS);
            if (slot < rowDotMean.length) {
                rowDotMean[slot] = rawDot(slot, mean);
            }
            if (!action[slot]) {
                observations++;
                for (int i = 0; i < Embedder.DIMENSIONS; i++) {
                    sum[i] += values[base + i] * scale[slot];
                }
            }
        }

        /** The mean observation vector, or zero while there are too few to estimate it. */
        private float[] mean() {
            if (meanCount < 0 || observations > meanCount * 1.05 || observations < meanCount * 0.95) {
                float[] m = new float[Embedder.DIMENSIONS];
                if (observations >= 20) {
                    for (int i = 0; i < m.length; i++) {
                        m[i] = (float) (sum[i] / observations);
                    }
                }
                mean = m;
                meanCount = observations;
                rowDotMean = new float[ids.length];
                for (int slot = 0; slot < size; slot++) {
                    rowDotMean[slot] = rawDot(slot, m);
                }
            }
            return mean;
        }

        private float rawDot(int slot, float[] v) {
            int base = slot * Embedder.DIMENSIONS;
            float d = 0;
            for (int i = 0; i < Embedder.DIMENSIONS; i++) {
                d += values[base + i] * v[i];
            }
            return d * scale[slot];
        }

        /**
         * Centred query (q - m), also as integers (qi * qScale ~ q) so the scan over every row is an
         * integer multiply-add the JIT vectorises, and the constants the per-row formula needs.
         */
        private record Centred(float[] q, int[] qi, float qScale, float[] m, double mq, double mm, double qq) {
            static Centred of(float[] query, float[] m) {
                float[] q = new float[query.length];
                double mq = 0;
                double mm = 0;
                double qq = 0;
                for (int i = 0; i < q.length; i++) {
                    q[i] = query[i] - m[i];
                    mq += m[i] * q[i];
                    mm += m[i] * m[i];
                    qq += q[i] * q[i];
                }
                float max = 1e-9f;
                for (float x : q) {
                    max = Math.max(max, Math.abs(x));
                }
                int[] qi = new int[q.length];
                for (int i = 0; i < q.length; i++) {
                    qi[i] = Math.round(q[i] * 4095f / max);
                }
                return new Centred(q, qi, max / 4095f, m, mq, mm, qq);
            }
        }

        /** cos(b - m, q - m) for the vector in {@code slot} (unit length before quantising). */
        private float cosine(int slot, Centred c) {
            int base = slot * Embedder.DIMENSIONS;
            int[] qi = c.qi();
            int acc = 0;
            for (int i = 0; i < Embedder.DIMENSIONS; i++) {
                acc += values[base + i] * qi[i];
            }
            float bq = acc * c.qScale() * scale[slot];
            float bm = slot < rowDotMean.length ? rowDotMean[slot] : rawDot(slot, c.m());
            double num = bq - c.mq();
            double den = Math.sqrt(Math.max(1e-9, (1 - 2 * bm + c.mm()) * c.qq()));
            return (float) (num / den);
        }

        synchronized float[] cosines(float[] query, List<UUID> ids) {
            Centred c = Centred.of(query, mean());
            float[] out = new float[ids.size()];
            for (int i = 0; i < out.length; i++) {
                Integer slot = slots.get(ids.get(i));
                out[i] = slot == null ? Float.NaN : cosine(slot, c);
            }
            return out;
        }

        private void grow() {
            int n = ids.length * 2;
            ids = Arrays.copyOf(ids, n);
            action = Arrays.copyOf(action, n);
            loggedAt = Arrays.copyOf(loggedAt, n);
            scale = Arrays.copyOf(scale, n);
            values = Arrays.copyOf(values, n * Embedder.DIMENSIONS);
        }

        synchronized List<Near> nearest(float[] q, long notAfter, UUID exclude, int kObs, int kAct) {
            PriorityQueue<Near> obs = new PriorityQueue<>((a, b) -> Float.compare(a.cosine(), b.cosine()));
            PriorityQueue<Near> acts = new PriorityQueue<>((a, b) -> Float.compare(a.cosine(), b.cosine()));
            Centred c = Centred.of(q, mean());
            for (int slot = 0; slot < size; slot++) {
                if (!action[slot] && (loggedAt[slot] > notAfter || ids[slot].equals(exclude))) {
                    continue;
                }
                Near near = new Near(ids[slot], action[slot], cosine(slot, c));
                PriorityQueue<Near> heap = action[slot] ? acts : obs;
                int k = action[slot] ? kAct : kObs;
                if (heap.size() < k) {
                    heap.add(near);
                } else if (k > 0 && heap.peek().cosine() < near.cosine()) {
                    heap.poll();
                    heap.add(near);
                }
            }
            List<Near> out = new ArrayList<>(obs);
            out.addAll(acts);
            return out;
        }
    }
}
