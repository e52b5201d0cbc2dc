package org.gemba.insight.similarity;

import io.dropwizard.lifecycle.Managed;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds observations and actions after they are written, on one background thread, so logging
 * never waits for the model. Woken after each insert; also looks every {@code pollSeconds} for rows
 * another server or an edit left without a vector. Claims use FOR UPDATE SKIP LOCKED, so several
 * servers (and the back-fill command) share the work without doing it twice.
 *
 * <p>It must never starve requests: inference runs on one thread (see {@link Embedder}), batches are
 * small, and after a batch that took t it rests t·(1 − d)/d, so it uses at most the fraction d
 * ({@code dutyCycle}) of one core however large the backlog. A bulk load is back-filled by the
 * {@code backfill-embeddings} command instead.
 */
public final class EmbeddingWorker implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingWorker.class);
    static final int BATCH = 8;

    private final Jdbi jdbi;
    private final Embedder embedder;
    private final long pollSeconds;
    private final double dutyCycle;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile long restUntil = System.nanoTime();
    private ScheduledExecutorService executor;

    public EmbeddingWorker(Jdbi jdbi, Embedder embedder, long pollSeconds) {
        this(jdbi, embedder, pollSeconds, 1.0);
    }

    /** {@code dutyCycle} in (0, 1]: the most of one core the worker uses while draining a backlog. */
    public EmbeddingWorker(Jdbi jdbi, Embedder embedder, long pollSeconds, double dutyCycle) {
        if (!(dutyCycle > 0 && dutyCycle <= 1)) {
            throw new IllegalArgumentException("dutyCycle must be in (0, 1]: " + dutyCycle);
        }
        this.jdbi = jdbi;
        this.embedder = embedder;
        this.pollSeconds = pollSeconds;
        this.dutyCycle = dutyCycle;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedding-worker");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::wake, 0, pollSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Asks for a run soon; wakes that arrive while one is queued are merged into it. */
    public void wake() {
        ScheduledExecutorService e = executor;
        if (e != null && !e.isShutdown() && queued.compareAndSet(false, true)) {
            e.execute(this::run);
        }
    }

    /** One batch, then the next after the rest the duty cycle asks for, until nothing is left. */
    private void run() {
        long wait = restUntil - System.nanoTime();
        if (wait > 0) {
            executor.schedule(this::run, wait, TimeUnit.NANOSECONDS);   // still queued: later wakes merge
            return;
        }
        queued.set(false);
        long start = System.nanoTime();
        int done;
        try {
            done = embedBatch(BATCH);
        } catch (RuntimeException ex) {
            LOG.warn("Embedding failed; will retry on the next wake", ex);
            return;
        } finally {
            restUntil = System.nanoTime() + rest(System.nanoTime() - start, dutyCycle);
        }
        if (done > 0) {
            wake();
        }
    }

    /** How long to rest after working {@code took} nanoseconds so that work is {@code dutyCycle} of the time. */
    static long rest(long took, double dutyCycle) {
        return (long) (took * (1 - dutyCycle) / dutyCycle);
    }

    /** Embeds up to {@code size} observations and then up to {@code size} actions; returns how many. */
    public int embedBatch(int size) {
        int done = jdbi.inTransaction(h -> {
            EmbeddingDao dao = h.attach(EmbeddingDao.class);
            List<EmbeddingDao.Pending> rows = dao.claimObservations(size);
            for (EmbeddingDao.Pending row : rows) {
                float[] v = embedder.embed(row.text());
                Vectors.Quantised q = Vectors.Quantised.of(v);
                dao.storeObservation(row.id(), Vectors.literal(v), q.values(), q.scale());
            }
            return rows.size();
        });
        return done + jdbi.inTransaction(h -> {
            EmbeddingDao dao = h.attach(EmbeddingDao.class);
            List<EmbeddingDao.Pending> rows = dao.claimActions(size);
            for (EmbeddingDao.Pending row : rows) {
                float[] v = embedder.embed(row.text());
                Vectors.Quantised q = Vectors.Quantised.of(v);
                dao.storeAction(row.id(), Vectors.literal(v), q.values(), q.scale());
            }
            return rows.size();
        });
    }
}
