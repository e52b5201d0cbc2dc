package org.gemba.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /similar by meaning keeps the organisation boundary and shows declined observations as such. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SimilarityRulesTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    private final InsightApi api = new InsightApi(APP.getLocalPort());

    @Test
    void similar_neverOffersAnotherOrganisationsObservation_evenWordForWord() {
        Fixtures.Org mine = Fixtures.org();
        Fixtures.Org theirs = Fixtures.org();
        Fixtures.User leader = mine.user("LEADER");
        Fixtures.User improver = mine.user("IMPROVEMENT");
        String text = "Porters wait ages for the theatre lift because it keeps breaking down";
        UUID foreign = InsightApi.id(api.observe(theirs.user("LEADER"), InsightFixtures.site(theirs, "Elsewhere"), text));
        InsightApi.id(api.action(theirs.user("IMPROVEMENT"), theirs.user("IMPROVEMENT").id(), "Fix the theatre lift"));
        TestApplication.CLOCK.advance(Duration.ofMinutes(1));
        UUID site = InsightFixtures.site(mine, "St Mary's");
        UUID earlier = InsightApi.id(api.observe(leader, site, "Only one working lift to theatres, transfers queue"));
        TestApplication.CLOCK.advance(Duration.ofMinutes(1));
        UUID probe = InsightApi.id(api.observe(leader, site, text));
        awaitEmbedded(mine.id(), theirs.id());

        List<String> ids = ids(api.as(improver).get("/api/v1/observations/" + probe + "/similar?limit=50").json());
        assertThat(ids).contains(earlier.toString()).doesNotContain(foreign.toString());
        assertThat(ids(api.as(theirs.user("IMPROVEMENT")).get("/api/v1/observations/" + foreign + "/similar?limit=50")
                .json())).doesNotContain(earlier.toString(), probe.toString());
    }

    @Test
    void similar_offersADeclinedObservationMarkedDeclined() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User improver = org.user("IMPROVEMENT");
        UUID site = InsightFixtures.site(org, "Riverside");
        UUID declined = InsightApi.id(api.observe(leader, site, "No alcohol rub in the wall units by the ward doors"));
        api.as(improver).post("/api/v1/observations/" + declined + "/decline", Map.of("reason", "Estates own it"));
        TestApplication.CLOCK.advance(Duration.ofMinutes(1));
        UUID fresh = InsightApi.id(api.observe(leader, site, "Sanitiser stations at the bay entrances had run dry"));
        awaitEmbedded(org.id());

        JsonNode items = api.as(improver).get("/api/v1/observations/" + fresh + "/similar").json().path("items");
        JsonNode first = items.get(0);
        assertThat(first.path("id").asText()).isEqualTo(declined.toString());
        assertThat(first.path("type").asText()).isEqualTo("OBSERVATION");
        assertThat(first.path("status").asText()).isEqualTo("DECLINED");
        assertThat(first.path("text").asText()).startsWith("No alcohol rub");
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /**
     * A vector the index has not loaded yet is still a candidate, through the word stage: a call loads
     * at most 1,000 newly stored vectors and leaves the rest to the background (as after a start or a
     * bulk load), and the action here is stored after 1,000 others.
     */
    @Test
    void similar_offersAnActionStoredAfterTheVectorsTheIndexHasLoaded() {
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        Fixtures.User improver = org.user("IMPROVEMENT");
        UUID site = InsightFixtures.site(org, "Northgate");
        UUID carPark = InsightFixtures.site(org, "Northgate car park");
        UUID source = InsightApi.id(api.observe(leader, carPark, "Car park barrier stuck open again overnight"));
        awaitEmbedded(org.id());
        int copies = InsightFixtures.jdbi().withHandle(h -> h.createUpdate("""
                INSERT INTO observations (org_id, author_id, site_id, observed_at, logged_at, text, kind, triage_due_at,
                                          embedding, embedding_q, embedding_scale, embedding_seq)
                SELECT org_id, author_id, site_id, observed_at, logged_at, text || ' ' || n, kind, triage_due_at,
                       embedding, embedding_q, embedding_scale, nextval('embedding_seq')
                  FROM observations, generate_series(1, 1000) AS n
                 WHERE id = :source""").bind("source", source).execute());
        assertThat(copies).isEqualTo(1000);
        TestApplication.CLOCK.advance(Duration.ofMinutes(1));
        UUID action = InsightApi.id(api.action(improver, improver.id(), "Refill hand gel dispensers daily"));
        awaitEmbedded(org.id());
        UUID probe = InsightApi.id(api.observe(leader, site, "Empty hand gel dispensers at the ward entrance"));
        awaitEmbedded(org.id());

        assertThat(ids(api.as(improver).get("/api/v1/observations/" + probe + "/similar?limit=50").json()))
                .contains(action.toString());
    }

    /** Until the organisations' observations and actions all have their vectors. */
    private static void awaitEmbedded(UUID... orgs) {
        Waits.until(() -> InsightFixtures.jdbi().withHandle(h -> h.createQuery("""
                        SELECT (SELECT count(*) FROM observations WHERE org_id = ANY(:orgs) AND embedding IS NULL)
                             + (SELECT count(*) FROM improvement_actions WHERE org_id = ANY(:orgs) AND embedding IS NULL)""")
                .bind("orgs", orgs).mapTo(Integer.class).one()) == 0, Duration.ofSeconds(30));
    }
}
