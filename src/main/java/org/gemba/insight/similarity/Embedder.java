package org.gemba.insight.similarity;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings computed in this process on the CPU (all-MiniLM-L6-v2, quantised, 384
 * dimensions; the model file ships inside the Maven artifact): no text ever leaves the machine.
 * The model loads on first use (about a second) and is shared by every thread.
 */
public final class Embedder {
    public static final int DIMENSIONS = 384;
    public static final String OPT_OUT = "OPT_OUT_TRACKING";

    static {
        // DJL's tokenizer reports usage to a cloud address unless told not to, before its classes load
        System.setProperty(OPT_OUT, "true");
    }

    // one model per process however many Embedders exist: it is read-only and thread-safe
    private static volatile EmbeddingModel model;

    /** Unit-length vector of the text. */
    public float[] embed(String text) {
        float[] v = model().embed(text).content().vector();
        return normalise(v);
    }

    /** Loads the model now rather than on the first request. */
    public void warmUp() {
        model();
    }

    private static EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (Embedder.class) {
                if (model == null) {
                    requireOptOut(System.getProperty(OPT_OUT), System.getenv(OPT_OUT));
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }

    /** Refuses to touch DJL while its telemetry is switched on by either the property or the environment. */
    static void requireOptOut(String property, String env) {
        if (!"true".equalsIgnoreCase(property) || (env != null && !"true".equalsIgnoreCase(env))) {
            throw new IllegalStateException(OPT_OUT + " must be true (system property " + property + ", env " + env
                    + ") before the embedding model loads");
        }
    }

    static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
