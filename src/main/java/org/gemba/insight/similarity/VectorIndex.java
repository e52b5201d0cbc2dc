package org.gemba.insight.similarity;

import io.dropwizard.lifecycle.Managed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisations' stored vectors held in memory (one signed byte per dimension plus a scale, and
 * a 384-bit sign code: about 43 MB for 100,000 observations), so nearest neighbours need no pgvector.
 * Up to {@value #EXACT_UP_TO} vectors every one is scored; above, the sign codes of the centred
 * vectors (Hamming distance: six XOR/popcounts a row) shortlist the {@value #SHORTLIST} closest
 * observations and actions, which are then scored exactly; a millisecond or two instead of a full
 * scan of tens. Every organisation is loaded in the background at start-up; each
 * call then loads only the vectors stored since the last one (embedding_seq), so every app server
 * sees the others' work. The rows themselves (org, status, text) are always re-read from
 * PostgreSQL; this only proposes candidate ids and their cosines.
 *
 * <p>Cosines are taken after subtracting the organisation's mean observation vector: every
 * observation is "a problem in a hospital", and that shared direction otherwise outweighs what
 * tells one problem from another.
 *
 * <p>Hubness: some texts ("patients waited ninety minutes without an update") sit close to a great
 * many others and so turn up as everybody's nearest neighbour. Each candidate's hubness is the mean
 * cosine to its {@value #HUB_NEIGHBOURS} nearest observations (CSLS, Conneau et al. 2018), among up to
 * {@value #HUB_REFERENCE} reference observations spread over the organisation's history, so that
 * {@link Blend} can discount it. It is computed for candidates only (above the exact limit, on the 40
 * reference rows whose sign codes are closest), and cached.
 */
public final class VectorIndex implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(VectorIndex.class);
    static final int HUB_NEIGHBOURS = 10;
    static final int HUB_REFERENCE = 1024;
    private static final int LOAD_BATCH = 5000;
    /** The most a call loads itself; a larger backlog is loaded in the background. */
    private static final int CALL_BATCH = 1000;
    /** Up to this many vectors the scan is exact; above, a sign-code shortlist is scored exactly. */
    static final int EXACT_UP_TO = 20_000;
    static final int SHORTLIST = 4096;
    private static final int WORDS = Embedder.DIMENSIONS / 64;
    private static final int D = Embedder.DIMENSIONS;

    /** A vector's centred cosine with the query, and its hubness (NaN when not asked for). */
    public record Near(UUID id, boolean action, float cosine, float hubness) {}

    private final Jdbi jdbi;
    private final Map<UUID, OrgVectors> orgs = new ConcurrentHashMap<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vector-index-loader");
        t.setDaemon(true);
        return t;
    });

    public VectorIndex(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Loads every organisation's vectors in the background, so no user's first call waits for it. */
    @Override
    public void start() {
        loader.execute(this::preload);
    }

    @Override
    public void stop() {
        loader.shutdownNow();
    }

    private void preload() {
        long t0 = System.nanoTime();
        List<UUID> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM organisations ORDER BY id")
                .mapTo(UUID.class).list());
        ids.forEach(orgId -> org(orgId).catchingUp.set(true));   // calls meanwhile use what is loaded so far
        for (UUID orgId : ids) {
            catchUp(orgId);
        }
        LOG.info("Vector index: {} vector(s) of {} organisation(s) loaded in {} ms", size(), ids.size(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void catchUp(UUID orgId) {
        OrgVectors org = org(orgId);
        try {
            while (!Thread.currentThread().isInterrupted() && org.refresh(jdbi, orgId, LOAD_BATCH) == LOAD_BATCH) {
                // until everything stored so far is in
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not load the vectors of organisation {}; the next call will", orgId, e);
        } finally {
            org.catchingUp.set(false);
        }
    }

    /** How many vectors are held, over all organisations. */
    public long size() {
        return orgs.values().stream().mapToLong(OrgVectors::size).sum();
    }

    /**
     * The {@code observations} nearest observations logged no later than {@code notAfterMillis}
     * (other than {@code exclude}) and the {@code actions} nearest actions; hubness is not filled in.
     * Vectors stored since the last call are loaded first, up to 1,000 of them; a larger backlog (a
     * bulk load, another server's back-fill) is loaded in the background instead of on this call.
     */
    public List<Near> nearest(UUID orgId, float[] query, long notAfterMillis, UUID exclude, int observations,
                              int actions) {
        OrgVectors org = org(orgId);
        if (!org.catchingUp.get() && org.refresh(jdbi, orgId, CALL_BATCH) == CALL_BATCH
                && org.catchingUp.compareAndSet(false, true)) {
            try {
                loader.execute(() -> catchUp(orgId));
            } catch (RejectedExecutionException e) {
                org.catchingUp.set(false);
            }
        }
        return org.nearest(query, notAfterMillis, exclude, observations, actions);
    }

    /**
     * The embedding_seq of the newest vector held for the organisation: rows stored after it (while the
     * index catches up in the background) are not proposed by {@link #nearest} yet.
     */
    public long loadedSeq(UUID orgId) {
        return org(orgId).seq();
    }

    /** Cosine and hubness of each id's vector against the query; null where the index has no vector. */
    public List<Near> score(UUID orgId, float[] query, List<UUID> ids) {
        return org(orgId).score(query, ids);
    }

    private OrgVectors org(UUID orgId) {
        return orgs.computeIfAbsent(orgId, k -> new OrgVectors());
    }

    static final class OrgVectors {
        private long seq;
        private int size;
        private UUID[] ids = new UUID[0];
        private boolean[] action = new boolean[0];
        private long[] loggedAt = new long[0];
        private float[] scale = new float[0];
        private byte[] values = new byte[0];
        private long[] codes = new long[0];
        private short[] distance = new short[0];
        private final Map<UUID, Integer> slots = new HashMap<>();
        private final double[] sum = new double[D];
        private int observations;
        // recomputed once the number of observations has moved by 5% ("epoch"): the mean, and per row
        // its dot product with the mean, 1/|row - mean|, and its hubness (NaN until asked for)
        private float[] mean = new float[D];
        private double meanSquare;
        private float[] rowDotMean = new float[0];
        private float[] rowInvNorm = new float[0];
        private float[] hub = new float[0];
        private int[] reference = new int[0];
        private int meanCount = -1;

        final AtomicBoolean catchingUp = new AtomicBoolean();

        synchronized int size() {
            return size;
        }

        synchronized long seq() {
            return seq;
        }

        /**
         * Loads up to {@code max} vectors stored after the newest held; returns how many it read. The
         * query runs outside the lock, so calls keep scanning meanwhile; rows another refresh has
         * applied in the meantime are skipped.
         */
        int refresh(Jdbi jdbi, UUID orgId, int max) {
            EmbeddingDao dao = jdbi.onDemand(EmbeddingDao.class);
            long from;
            synchronized (this) {
                from = seq;
                if (size == 0 && ids.length == 0) {
                    ensureCapacity((int) Math.min(Integer.MAX_VALUE / D, dao.storedCount(orgId)));
                }
            }
            List<EmbeddingDao.Stored> rows = dao.storedAfter(orgId, from, max);
            synchronized (this) {
                for (EmbeddingDao.Stored row : rows) {
                    if (row.seq() > seq) {
                        put(row);
                        seq = row.seq();
                    }
                }
            }
            return rows.size();
        }

        void put(EmbeddingDao.Stored row) {
            if (row.values() == null || row.values().length != D) {
                return;
            }
            Integer slot = slots.get(row.id());
            if (slot != null && !action[slot]) {
                observations--;
                addToSum(slot, -1);
            }
            if (slot == null) {
                ensureCapacity(size + 1);
                slot = size++;
                slots.put(row.id(), slot);
            }
            ids[slot] = row.id();
            action[slot] = "ACTION".equals(row.type());
            loggedAt[slot] = row.loggedAt();
            scale[slot] = row.scale();
            System.arraycopy(row.values(), 0, values, slot * D, D);
            encode(slot);
            rowDotMean[slot] = rawDot(slot, mean);
            rowInvNorm[slot] = invNorm(rowDotMean[slot]);
            hub[slot] = Float.NaN;
            if (!action[slot]) {
                observations++;
                addToSum(slot, 1);
            }
        }

        private void addToSum(int slot, int sign) {
            int base = slot * D;
            for (int i = 0; i < D; i++) {
                sum[i] += sign * values[base + i] * scale[slot];
            }
        }

        private void ensureCapacity(int n) {
            if (n <= ids.length) {
                return;
            }
            int cap = Math.max(n, Math.max(256, ids.length + ids.length / 2));
            ids = Arrays.copyOf(ids, cap);
            action = Arrays.copyOf(action, cap);
            loggedAt = Arrays.copyOf(loggedAt, cap);
            scale = Arrays.copyOf(scale, cap);
            values = Arrays.copyOf(values, cap * D);
            codes = Arrays.copyOf(codes, cap * WORDS);
            rowDotMean = Arrays.copyOf(rowDotMean, cap);
            rowInvNorm = Arrays.copyOf(rowInvNorm, cap);
            hub = Arrays.copyOf(hub, cap);
        }

        /** Starts a new epoch when the observations have grown or shrunk by 5% since the last. */
        private void epoch() {
            if (meanCount >= 0 && observations <= meanCount * 1.05 && observations >= meanCount * 0.95) {
                return;
            }
            float[] m = new float[D];
            double mm = 0;
            if (observations >= 20) {   // too few to estimate the mean: cosines stay raw
                for (int i = 0; i < D; i++) {
                    m[i] = (float) (sum[i] / observations);
                    mm += m[i] * m[i];
                }
            }
            mean = m;
            meanSquare = mm;
            meanCount = observations;
            for (int slot = 0; slot < size; slot++) {
                rowDotMean[slot] = rawDot(slot, m);
                rowInvNorm[slot] = invNorm(rowDotMean[slot]);
                encode(slot);
            }
            Arrays.fill(hub, Float.NaN);
            int[] ref = new int[Math.min(observations, HUB_REFERENCE)];
            double stride = (double) observations / Math.max(1, ref.length);
            for (int slot = 0, seen = 0, n = 0; slot < size && n < ref.length; slot++) {
                if (!action[slot] && seen++ >= Math.round(n * stride)) {
                    ref[n++] = slot;
                }
            }
            reference = ref;
        }

        /** The signs of the centred vector, one bit per dimension. */
        private void encode(int slot) {
            int base = slot * D;
            float s = scale[slot];
            for (int w = 0; w < WORDS; w++) {
                long bits = 0;
                for (int b = 0; b < 64; b++) {
                    int i = w * 64 + b;
                    if (values[base + i] * s > mean[i]) {
                        bits |= 1L << b;
                    }
                }
                codes[slot * WORDS + w] = bits;
            }
        }

        private int hamming(int slot, long[] code) {
            return hamming(slot, code, 0);
        }

        private int hamming(int slot, long[] code, int offset) {
            int base = slot * WORDS;
            int d = 0;
            for (int w = 0; w < WORDS; w++) {
                d += Long.bitCount(codes[base + w] ^ code[offset + w]);
            }
            return d;
        }

        private float rawDot(int slot, float[] v) {
            int base = slot * D;
            float d = 0;
            for (int i = 0; i < D; i++) {
                d += values[base + i] * v[i];
            }
            return d * scale[slot];
        }

        /** 1 / |row - mean| for a unit-length row. */
        private float invNorm(float rowDotMean) {
            return (float) (1 / Math.sqrt(Math.max(1e-9, 1 - 2 * rowDotMean + meanSquare)));
        }

        /**
         * The centred query q - m as integers (qi * qScale ~ q - m), so the scan over every row is an
         * integer multiply-add the JIT vectorises; mq = m.(q - m); invQ = 1 / |q - m|.
         */
        private record Centred(int[] qi, float qScale, double mq, double invQ, long[] code) {
            static Centred of(float[] query, float[] m) {
                float[] q = new float[D];
                double mq = 0;
                double qq = 0;
                float max = 1e-9f;
                for (int i = 0; i < D; i++) {
                    q[i] = query[i] - m[i];
                    mq += m[i] * q[i];
                    qq += q[i] * q[i];
                    max = Math.max(max, Math.abs(q[i]));
                }
                int[] qi = new int[D];
                long[] code = new long[WORDS];
                for (int i = 0; i < D; i++) {
                    qi[i] = Math.round(q[i] * 4095f / max);
                    if (q[i] > 0) {
                        code[i / 64] |= 1L << (i % 64);
                    }
                }
                return new Centred(qi, max / 4095f, mq, 1 / Math.sqrt(Math.max(1e-9, qq)), code);
            }
        }

        /** cos(b - m, q - m) for the vector in {@code slot}. */
        private float cosine(int slot, Centred c) {
            int base = slot * D;
            int[] qi = c.qi();
            int acc = 0;
            for (int i = 0; i < D; i++) {
                acc += values[base + i] * qi[i];
            }
            return (float) ((acc * c.qScale() * scale[slot] - c.mq()) * rowInvNorm[slot] * c.invQ());
        }

        /** cos(a - m, b - m) of two stored vectors. */
        private float cosine(int a, int b) {
            int ba = a * D;
            int bb = b * D;
            int acc = 0;
            for (int i = 0; i < D; i++) {
                acc += values[ba + i] * values[bb + i];
            }
            double dot = acc * (double) scale[a] * scale[b];
            return (float) ((dot - rowDotMean[a] - rowDotMean[b] + meanSquare) * rowInvNorm[a] * rowInvNorm[b]);
        }

        /** Above the exact limit the sign codes shortlist the reference rows worth an exact cosine. */
        private float hubness(int slot) {
            if (Float.isNaN(hub[slot])) {
                boolean exact = size <= EXACT_UP_TO;
                TopK near = new TopK(exact ? reference.length : 4 * HUB_NEIGHBOURS);
                for (int ref : reference) {
                    if (ref != slot) {
                        near.offer(ref, exact ? 0 : -hamming(ref, codes, slot * WORDS));
                    }
                }
                TopK top = new TopK(HUB_NEIGHBOURS);
                near.forEach((ref, ignored) -> top.offer(ref, cosine(slot, ref)));
                hub[slot] = top.size() == 0 ? 0 : (float) (top.sum() / top.size());
            }
            return hub[slot];
        }

        synchronized List<Near> score(float[] query, List<UUID> wanted) {
            epoch();
            Centred c = Centred.of(query, mean);
            List<Near> out = new ArrayList<>(wanted.size());
            for (UUID id : wanted) {
                Integer slot = slots.get(id);
                out.add(slot == null ? null : new Near(id, action[slot], cosine(slot, c), hubness(slot)));
            }
            return out;
        }

        synchronized List<Near> nearest(float[] query, long notAfter, UUID exclude, int kObs, int kAct) {
            return nearest(query, notAfter, exclude, kObs, kAct, size <= EXACT_UP_TO);
        }

        synchronized List<Near> nearest(float[] query, long notAfter, UUID exclude, int kObs, int kAct,
                                        boolean exact) {
            epoch();
            Centred c = Centred.of(query, mean);
            Integer excluded = slots.get(exclude);
            int skip = excluded == null ? -1 : excluded;
            TopK obs = new TopK(kObs);
            TopK acts = new TopK(kAct);
            if (exact) {
                for (int slot = 0; slot < size; slot++) {
                    if (action[slot]) {
                        acts.offer(slot, cosine(slot, c));
                    } else if (loggedAt[slot] <= notAfter && slot != skip) {
                        obs.offer(slot, cosine(slot, c));
                    }
                }
            } else {
                shortlist(c, notAfter, skip, obs, acts);
            }
            List<Near> out = new ArrayList<>(obs.size() + acts.size());
            obs.forEach((slot, cos) -> out.add(new Near(ids[slot], false, cos, Float.NaN)));
            acts.forEach((slot, cos) -> out.add(new Near(ids[slot], true, cos, Float.NaN)));
            return out;
        }

        /**
         * Hamming distance of every eligible row's sign code to the query's; the rows within the
         * distance that takes in {@value #SHORTLIST} of each type (a histogram: no sort) are scored exactly.
         */
        private void shortlist(Centred c, long notAfter, int skip, TopK obs, TopK acts) {
            if (distance.length < size) {
                distance = new short[ids.length];
            }
            int[] obsCount = new int[D + 2];
            int[] actCount = new int[D + 2];
            long[] code = c.code();
            for (int slot = 0; slot < size; slot++) {
                if (action[slot] || (loggedAt[slot] <= notAfter && slot != skip)) {
                    int d = hamming(slot, code);
                    distance[slot] = (short) d;
                    (action[slot] ? actCount : obsCount)[d]++;
                } else {
                    distance[slot] = Short.MAX_VALUE;
                }
            }
            int obsWithin = within(obsCount);
            int actWithin = within(actCount);
            for (int slot = 0; slot < size; slot++) {
                int d = distance[slot];
                if (d <= (action[slot] ? actWithin : obsWithin)) {
                    (action[slot] ? acts : obs).offer(slot, cosine(slot, c));
                }
            }
        }

        /** The smallest distance that takes in at least {@value #SHORTLIST} rows (or all of them). */
        private static int within(int[] count) {
            int total = 0;
            for (int d = 0; d < count.length; d++) {
                total += count[d];
                if (total >= SHORTLIST) {
                    return d;
                }
            }
            return count.length;
        }
    }

    /** The k best (slot, score) pairs seen: a min-heap on primitive arrays, nothing allocated per offer. */
    static final class TopK {
        interface Visitor {
            void accept(int slot, float score);
        }

        private final int[] slots;
        private final float[] scores;
        private int n;

        TopK(int k) {
            slots = new int[Math.max(0, k)];
            scores = new float[Math.max(0, k)];
        }

        int size() {
            return n;
        }

        void offer(int slot, float score) {
            if (n < slots.length) {
                slots[n] = slot;
                scores[n] = score;
                siftUp(n++);
            } else if (n > 0 && score > scores[0]) {
                slots[0] = slot;
                scores[0] = score;
                siftDown(0);
            }
        }

        double sum() {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += scores[i];
            }
            return s;
        }

        void forEach(Visitor v) {
            for (int i = 0; i < n; i++) {
                v.accept(slots[i], scores[i]);
            }
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (scores[parent] <= scores[i]) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int min = i;
                if (l < n && scores[l] < scores[min]) {
                    min = l;
                }
                if (r < n && scores[r] < scores[min]) {
                    min = r;
                }
                if (min == i) {
                    return;
                }
                swap(i, min);
                i = min;
            }
        }

        private void swap(int a, int b) {
            int s = slots[a];
            slots[a] = slots[b];
            slots[b] = s;
            float f = scores[a];
            scores[a] = scores[b];
            scores[b] = f;
        }
    }
}
