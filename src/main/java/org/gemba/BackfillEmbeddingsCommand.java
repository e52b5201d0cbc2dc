package org.gemba;

import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import net.sourceforge.argparse4j.inf.Namespace;
import org.gemba.insight.similarity.EmbeddingDao;
import org.gemba.insight.similarity.EmbeddingWorker;
import org.gemba.insight.similarity.Embedder;
import org.jdbi.v3.core.Jdbi;

/** Embeds every observation and action that has no vector yet, with a progress bar; safe to re-run. */
class BackfillEmbeddingsCommand extends DatabaseCommand {
    private static final int WIDTH = 40;

    BackfillEmbeddingsCommand() {
        super("backfill-embeddings", "Compute the similarity embeddings of observations and actions that lack one");
    }

    @Override
    protected void run(Jdbi jdbi, GembaConfiguration config, Namespace namespace,
                       Bootstrap<GembaConfiguration> bootstrap) {
        run(jdbi, new Embedder(Runtime.getRuntime().availableProcessors()), System.out);
    }

    static long run(Jdbi jdbi, Embedder embedder, PrintStream out) {
        long total = jdbi.onDemand(EmbeddingDao.class).pending();
        EmbeddingWorker worker = new EmbeddingWorker(jdbi, embedder, 60);
        long done = 0;
        out.print(bar(0, total));
        for (int n = worker.embedBatch(64); n > 0; n = worker.embedBatch(64)) {
            done += n;
            out.print("\r" + bar(done, Math.max(total, done)));
        }
        out.println();
        out.println("Embedded " + done + " row(s); nothing left without an embedding.");
        return done;
    }

    static String bar(long done, long total) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        int pct = total == 0 ? 100 : (int) (100 * done / total);
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " (" + pct + "%)";
    }
}
