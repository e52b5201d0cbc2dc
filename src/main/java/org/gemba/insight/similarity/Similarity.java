package org.gemba.insight.similarity;

import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

/** The similarity wiring: the service, and what to call after a row is written so it gets embedded. */
public record Similarity(SimilarService service, Runnable afterWrite) {

    /**
     * {@code embeddings} false: word matching only. {@code worker} false: this server embeds nothing in
     * the background (rows are embedded by the back-fill command or another server).
     */
    public static Similarity register(Environment env, Jdbi jdbi, boolean embeddings, boolean worker,
                                      long pollSeconds, double dutyCycle) {
        if (!embeddings) {
            return new Similarity(new SimilarService(jdbi, null, null), () -> { });
        }
        Embedder embedder = new Embedder();
        VectorIndex index = new VectorIndex(jdbi);
        env.lifecycle().manage(index);
        env.metrics().gauge("insight.similarity.indexed-vectors", () -> index::size);
        SimilarService service = new SimilarService(jdbi, embedder, index);
        if (!worker) {
            return new Similarity(service, () -> { });
        }
        EmbeddingWorker embeddingWorker = new EmbeddingWorker(jdbi, embedder, pollSeconds, dutyCycle);
        env.lifecycle().manage(embeddingWorker);
        return new Similarity(service, embeddingWorker::wake);
    }
}
