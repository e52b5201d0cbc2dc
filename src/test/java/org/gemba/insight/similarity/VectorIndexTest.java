package org.gemba.insight.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory index without a database: the top-k heap and the sign-code shortlist's recall. */
class VectorIndexTest {
    private static final int D = Embedder.DIMENSIONS;

    @Test
    void topK_keepsTheKBestWhateverTheOrder() {
        VectorIndex.TopK top = new VectorIndex.TopK(3);
        float[] scores = {0.1f, 0.9f, -0.5f, 0.7f, 0.3f, 0.95f, 0.2f};
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        Set<Integer> kept = new HashSet<>();
        top.forEach((slot, score) -> kept.add(slot));
        assertThat(kept).containsExactlyInAnyOrder(1, 3, 5);
    }

    @Test
    void nearest_aboveTheExactLimit_stillProposesTheTrueNearestNeighbours() {
        // topics barely above the noise (same-topic cosines around 0.1 after centring): a hard case
        Random random = new Random(7);
        float[] common = unit(gaussian(random));
        float[][] topics = new float[400][];
        for (int t = 0; t < topics.length; t++) {
            topics[t] = unit(gaussian(random));
        }
        VectorIndex.OrgVectors org = new VectorIndex.OrgVectors();
        int rows = VectorIndex.EXACT_UP_TO + 20_000;
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            float[] noise = gaussian(random);
            float[] topic = topics[random.nextInt(topics.length)];
            float[] v = new float[D];
            for (int k = 0; k < D; k++) {
                v[k] = 0.8f * common[k] + 0.5f * topic[k] + 1.5f * noise[k] / (float) Math.sqrt(D);
            }
            v = unit(v);
            vectors.add(v);
            Vectors.Quantised q = Vectors.Quantised.of(v);
            org.put(new EmbeddingDao.Stored(i % 10 == 0 ? "ACTION" : "OBSERVATION", new UUID(0, i), i + 1, i,
                    q.values(), q.scale()));
        }
        int found = 0;
        int wanted = 0;
        for (int probe = 0; probe < 20; probe++) {
            float[] query = vectors.get(random.nextInt(rows));
            // the ten nearest observations by an exact scan, all among the 60 the shortlist proposes
            Set<UUID> exact = ids(org.nearest(query, Long.MAX_VALUE, null, 10, 0, true));
            Set<UUID> shortlisted = ids(org.nearest(query, Long.MAX_VALUE, null, 60, 20, false));
            wanted += exact.size();
            exact.retainAll(shortlisted);
            found += exact.size();
        }
        assertThat((double) found / wanted).as("recall of the ten nearest").isGreaterThanOrEqualTo(0.95);
    }

    private static Set<UUID> ids(List<VectorIndex.Near> near) {
        Set<UUID> ids = new HashSet<>();
        near.forEach(n -> ids.add(n.id()));
        return ids;
    }

    private static float[] gaussian(Random random) {
        float[] v = new float[D];
        for (int k = 0; k < D; k++) {
            v[k] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] unit(float[] v) {
        return Embedder.normalise(v);
    }
}
