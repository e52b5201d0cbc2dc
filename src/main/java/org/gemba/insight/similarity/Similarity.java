package org.gemba.insight.similarity;

import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

/** The similarity wiring: the service, and what to call after a row is written so it gets embedded. */
public record Similarity(SimilarService service, Runnable afterWrite) {

    public static Similarity register(Environment env, Jdbi jdbi, boolean embeddings, long pollSeconds) {
        if (!embeddings) {
            return new Similarity(new SimilarService(jdbi, null, null), () -> { });
        }
        Embedder embedder = new Embedder();
        EmbeddingWorker worker = new EmbeddingWorker(jdbi, embedder, pollSeconds);
        env.lifecycle().manage(worker);
        VectorIndex index = new VectorIndex(jdbi);
        env.lifecycle().manage(index);
        return new Similarity(new SimilarService(jdbi, embedder, index), worker::wake);
    }
}
