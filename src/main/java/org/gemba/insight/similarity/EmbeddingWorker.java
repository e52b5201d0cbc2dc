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
 */
public final class EmbeddingWorker implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingWorker.class);
    static final int BATCH = 32;

    private final Jdbi jdbi;
    private final Embedder embedder;
    private final long pollSeconds;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService executor;

    public EmbeddingWorker(Jdbi jdbi, Embedder embedder, long pollSeconds) {
        this.jdbi = jdbi;
        this.embedder = embedder;
        this.pollSeconds = pollSeconds;
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
            e.execute(() -> {
                queued.set(false);
                try {
                    while (embedBatch(BATCH) > 0) {
                        // drain everything that is waiting
                    }
                } catch (RuntimeException ex) {
                    LOG.warn("Embedding failed; will retry on the next wake", ex);
                }
            });
        }
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
