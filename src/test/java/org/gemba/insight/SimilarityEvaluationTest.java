package org.gemba.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.insight.similarity.Blend;
import org.gemba.insight.similarity.Candidate;
import org.gemba.insight.similarity.Embedder;
import org.gemba.insight.similarity.SimilarService;
import org.gemba.insight.similarity.VectorIndex;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The labelled evaluation (src/test/resources/similarity/paraphrases.json): every observation of
 * 34 paraphrase clusters is logged into a fresh organisation in rounds, so each has earlier
 * "same problem" observations and look-alike clusters (same family, same site) as distractors.
 * Prints top-1 precision and recall@3 of /similar and MRR and recall@10 of search.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SimilarityEvaluationTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    record Logged(UUID id, String cluster, int round) {}

    @Test
    void evaluation_meetsTheRelevanceTargets() throws Exception {
        JsonNode clusters;
        try (InputStream in = getClass().getResourceAsStream("/similarity/paraphrases.json")) {
            clusters = Http.JSON.readTree(in).path("clusters");
        }
        assertThat(clusters.size()).isGreaterThanOrEqualTo(30);
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User improver = org.user("IMPROVEMENT");
        InsightApi api = new InsightApi(APP.getLocalPort());
        Map<String, UUID> sites = new HashMap<>();
        List<Logged> logged = new ArrayList<>();
        Map<String, List<UUID>> members = new LinkedHashMap<>();
        for (int round = 0; round < 4; round++) {
            for (JsonNode c : clusters) {
                if (round >= c.path("texts").size()) {
                    continue;
                }
                UUID site = sites.computeIfAbsent(c.path("site").asText(), n -> InsightFixtures.site(org, n));
                TestApplication.CLOCK.advance(Duration.ofMinutes(7));
                UUID id = InsightApi.id(api.observe(leader, site, c.path("texts").get(round).asText()));
                logged.add(new Logged(id, c.path("id").asText(), round));
                members.computeIfAbsent(c.path("id").asText(), k -> new ArrayList<>()).add(id);
            }
        }
        Waits.until(() -> InsightFixtures.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM observations WHERE org_id = :org AND embedding IS NULL")
                .bind("org", org.id()).mapTo(Integer.class).one()) == 0, Duration.ofSeconds(60));

        // /similar for every observation that has an earlier one of its cluster
        Http as = api.as(improver);
        double top1 = 0;
        double recall3 = 0;
        int asked = 0;
        for (Logged l : logged) {
            if (l.round() == 0) {
                continue;
            }
            List<UUID> earlier = members.get(l.cluster()).subList(0, l.round());
            Http.Res res = as.get("/api/v1/observations/" + l.id() + "/similar?limit=3");
            assertThat(res.status()).as(res.toString()).isEqualTo(200);
            List<UUID> top = new ArrayList<>();
            res.json().path("items").forEach(i -> top.add(UUID.fromString(i.path("id").asText())));
            asked++;
            top1 += !top.isEmpty() && earlier.contains(top.get(0)) ? 1 : 0;
            recall3 += (double) top.stream().filter(earlier::contains).count() / Math.min(3, earlier.size());
        }
        top1 /= asked;
        recall3 /= asked;

        // search with one multi-word query per cluster
        double mrr = 0;
        double recall10 = 0;
        for (JsonNode c : clusters) {
            List<UUID> relevant = members.get(c.path("id").asText());
            Http.Res res = as.get("/api/v1/observations?limit=10&q="
                    + URLEncoder.encode(c.path("query").asText(), StandardCharsets.UTF_8));
            assertThat(res.status()).as(res.toString()).isEqualTo(200);
            List<UUID> hits = InsightApi.ids(res);
            for (int i = 0; i < hits.size(); i++) {
                if (relevant.contains(hits.get(i))) {
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
            recall10 += (double) hits.stream().filter(relevant::contains).count() / relevant.size();
        }
        mrr /= clusters.size();
        recall10 /= clusters.size();
        System.out.printf("SIMILARITY EVALUATION: /similar top-1 precision %.3f, recall@3 %.3f (%d queries); "
                + "search MRR %.3f, recall@10 %.3f (%d queries)%n", top1, recall3, asked, mrr, recall10, clusters.size());
        tune(org.id(), logged, members);

        assertThat(top1).isGreaterThanOrEqualTo(0.80);
        assertThat(recall3).isGreaterThanOrEqualTo(0.70);
        assertThat(mrr).isGreaterThanOrEqualTo(0.70);
        assertThat(recall10).isGreaterThanOrEqualTo(0.60);
    }

    /** Scores the same candidates under other weightings, so the default blend's choice can be checked. */
    private static void tune(UUID orgId, List<Logged> logged, Map<String, List<UUID>> members) {
        SimilarService service = new SimilarService(InsightFixtures.jdbi(), new Embedder(),
                new VectorIndex(InsightFixtures.jdbi()));
        service.setWordFeatures(true);
        Map<Logged, List<Candidate>> candidates = new LinkedHashMap<>();
        for (Logged l : logged) {
            if (l.round() > 0) {
                candidates.put(l, service.candidates(orgId, l.id()));
            }
        }
        List<Blend> blends = new ArrayList<>(List.of(Blend.DEFAULT, new Blend(1.0, 0, 0, 0, 0, 0, 0, 0, 90),
                new Blend(1.0, 0.5, 0, 0, 0, 0, 0, 0, 90)));
        if (Boolean.getBoolean("similarity.grid")) {
            for (double hub : new double[] {0, 0.25, 0.5, 0.75, 1.0}) {
                for (double t : new double[] {0, 0.1, 0.2}) {
                    for (double r : new double[] {0, 0.1}) {
                        for (double p : new double[] {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35}) {
                            for (double f : new double[] {0, 0.02}) {
                                blends.add(new Blend(1.0, hub, t, r, p + 0.05, p, 0.03, f, 90));
                            }
                        }
                    }
                }
            }
        }
        for (Blend b : blends) {
            double top1 = 0;
            for (var e : candidates.entrySet()) {
                List<UUID> earlier = members.get(e.getKey().cluster()).subList(0, e.getKey().round());
                UUID best = e.getValue().stream().max(java.util.Comparator.comparingDouble(b::score))
                        .map(Candidate::id).orElse(null);
                top1 += earlier.contains(best) ? 1 : 0;
            }
            if (blends.size() < 10 || top1 / candidates.size() >= 0.7) {
                System.out.printf("  blend %s: top-1 %.3f%n", b, top1 / candidates.size());
            }
        }
        if (Boolean.getBoolean("similarity.misses")) {
            for (var e : candidates.entrySet()) {
                List<UUID> earlier = members.get(e.getKey().cluster()).subList(0, e.getKey().round());
                Candidate best = e.getValue().stream()
                        .max(java.util.Comparator.comparingDouble(Blend.DEFAULT::score)).orElse(null);
                if (best != null && !earlier.contains(best.id())) {
                    System.out.printf("  MISS %s r%d -> %s (cos %.3f)%n", e.getKey().cluster(), e.getKey().round(),
                            best.text(), best.cosine());
                    e.getValue().stream().filter(c -> earlier.contains(c.id())).forEach(c -> System.out.printf(
                            "      mate %.3f cos %s tri %.2f rank %.2f: %s%n", Blend.DEFAULT.score(c), c.cosine(),
                            c.trigram(), c.textRank(), c.text()));
                }
            }
        }
    }
}
