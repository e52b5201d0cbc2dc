package org.gemba.insight.similarity;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sentence embeddings computed in this process on the CPU (all-MiniLM-L6-v2, quantised, 384
 * dimensions; the model file ships inside the Maven artifact): no text ever leaves the machine.
 * The model loads on first use (about a second) and is shared by every thread.
 *
 * <p>ONNX Runtime would otherwise run each inference on as many threads as there are cores, so the
 * background worker's embedding competed with every request thread; the server's model runs each
 * inference on one thread. Only the back-fill command asks for every core.
 */
public final class Embedder {
    public static final int DIMENSIONS = 384;
    public static final String OPT_OUT = "OPT_OUT_TRACKING";

    static {
        // DJL's tokenizer reports usage to a cloud address unless told not to, before its classes load
        System.setProperty(OPT_OUT, "true");
    }

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    // one model per thread count and process however many Embedders exist: it is read-only and thread-safe
    private static final Map<Integer, EmbeddingModel> MODELS = new ConcurrentHashMap<>();

    private final int threads;

    /** An embedder whose inferences each use one thread. */
    public Embedder() {
        this(1);
    }

    /** An embedder whose inferences each use {@code threads} threads. */
    public Embedder(int threads) {
        this.threads = threads;
    }

    /** Unit-length vector of the text. */
    public float[] embed(String text) {
        float[] v = model().embed(text).content().vector();
        return normalise(v);
    }

    /** Loads the model now rather than on the first request. */
    public void warmUp() {
        model();
    }

    private EmbeddingModel model() {
        return MODELS.computeIfAbsent(threads, n -> {
            requireOptOut(System.getProperty(OPT_OUT), System.getenv(OPT_OUT));
            return load(n);
        });
    }

    /** The model and tokenizer from the artifact, in a session with {@code threads} intra-op threads. */
    private static EmbeddingModel load(int threads) {
        ClassLoader loader = Embedder.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the embedding model is missing from the class path");
            }
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, env.createSession(model.readAllBytes(), options),
                    tokenizer, PoolingMode.MEAN);
            return new AbstractInProcessEmbeddingModel(null) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model could not be loaded", e);
        }
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
