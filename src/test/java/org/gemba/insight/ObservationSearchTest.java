package org.gemba.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each filter of GET /observations, with a row that must be left out if the condition were wrong. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ObservationSearchTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    Fixtures.Org org;
    Fixtures.User leader;
    Fixtures.User improver;
    UUID site;
    InsightApi api;

    @BeforeEach
    void setUp() {
        org = Fixtures.org();
        leader = org.user("LEADER");
        improver = org.user("IMPROVEMENT");
        site = InsightFixtures.site(org, "St Mary's Hospital");
        api = new InsightApi(APP.getLocalPort());
    }

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    private List<UUID> list(Fixtures.User who, String query) {
        return InsightApi.ids(api.as(who).get("/api/v1/observations" + query));
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void q_findsByStemmedWord_cleanersFindsCleaning() {
        UUID cleaning = InsightApi.id(api.observe(leader, site, "The cleaning of the sluice room was skipped twice"));
        api.observe(leader, site, "Porters waiting twenty minutes for the theatre lift");
        assertThat(list(improver, "?q=cleaners")).containsExactly(cleaning);
        assertThat(list(improver, "?q=cleaned")).containsExactly(cleaning);
    }

    @Test
    void q_matchesAnyWordAndRanksTheBestMatchFirst() {
        UUID both = InsightApi.id(api.observe(leader, site, "Meal trolley stuck because the lift is broken"));
        UUID trolley = InsightApi.id(api.observe(leader, site, "Meal trolleys arrive late on Ward 3"));
        UUID lift = InsightApi.id(api.observe(leader, site, "Theatre lift broken again"));
        api.observe(leader, site, "Hand-gel dispensers empty at the main entrance");
        List<UUID> found = list(improver, "?q=" + q("trolley lift broken"));
        assertThat(found).containsExactlyInAnyOrder(both, trolley, lift);
        assertThat(found.get(0)).isEqualTo(both);
    }

    @Test
    void q_searchesThemeAndTags() {
        UUID tagged = InsightApi.id(api.observe(leader, site, "Nobody answered the bell", "BARRIER",
                Map.of("tags", List.of("call-bells", "nights"))));
        UUID themed = InsightApi.id(api.observe(leader, site, "Queue out of the door"));
        api.triage(improver, themed, "Wayfinding");
        api.observe(leader, site, "Something else entirely");
        assertThat(list(improver, "?q=nights")).containsExactly(tagged);
        assertThat(list(improver, "?q=wayfinding")).containsExactly(themed);
    }

    @Test
    void q_respectsVisibility_aLeaderNeverSeesOthersObservations() {
        Fixtures.User other = org.user("LEADER");
        UUID mine = InsightApi.id(api.observe(leader, site, "Cleaning trolley left in the corridor"));
        UUID theirs = InsightApi.id(api.observe(other, site, "Cleaning rota not followed"));
        assertThat(list(leader, "?q=cleaning")).containsExactly(mine);
        assertThat(list(other, "?q=cleaning")).containsExactly(theirs);
        assertThat(list(leader, "")).containsExactly(mine);
        assertThat(list(improver, "?q=cleaning")).containsExactlyInAnyOrder(mine, theirs);
        assertThat(list(org.user("ADMIN"), "")).containsExactlyInAnyOrder(mine, theirs);
        assertThat(api.as(org.user("HOST")).get("/api/v1/observations").status()).isEqualTo(403);
        assertThat(list(Fixtures.org().user("IMPROVEMENT"), "?q=cleaning")).isEmpty();
    }

    @Test
    void status_keepsOnlyThatStatus() {
        UUID fresh = InsightApi.id(api.observe(leader, site, "one"));
        UUID triaged = InsightApi.id(api.observe(leader, site, "two"));
        api.triage(improver, triaged, "Meals");
        assertThat(list(improver, "?status=NEW")).containsExactly(fresh);
        assertThat(list(improver, "?status=TRIAGED")).containsExactly(triaged);
        assertThat(api.as(improver).get("/api/v1/observations?status=OPEN").status()).isEqualTo(422);
    }

    @Test
    void kindCriterionAndCause_keepOnlyMatchingRows() {
        UUID a = InsightApi.id(api.observe(leader, site, "one", "IDEA",
                Map.of("criterion", "CULTURE", "cause", "BEHAVIOUR")));
        UUID b = InsightApi.id(api.observe(leader, site, "two", "BARRIER",
                Map.of("criterion", "DELIVERY", "cause", "PROCESS")));
        assertThat(list(improver, "?kind=IDEA")).containsExactly(a);
        assertThat(list(improver, "?kind=BARRIER")).containsExactly(b);
        assertThat(list(improver, "?criterion=DELIVERY")).containsExactly(b);
        assertThat(list(improver, "?cause=BEHAVIOUR")).containsExactly(a);
        assertThat(list(improver, "?kind=IDEA&cause=PROCESS")).isEmpty();
    }

    @Test
    void siteAndTheme_keepOnlyMatchingRows() {
        UUID otherSite = InsightFixtures.site(org, "Royal Infirmary");
        UUID here = InsightApi.id(api.observe(leader, site, "one"));
        UUID there = InsightApi.id(api.observe(leader, otherSite, "two"));
        api.triage(improver, here, "Meals");
        api.triage(improver, there, "Signage");
        assertThat(list(improver, "?siteId=" + otherSite)).containsExactly(there);
        assertThat(list(improver, "?theme=meals")).containsExactly(here);
        assertThat(api.as(improver).get("/api/v1/observations?siteId=nope").status()).isEqualTo(422);
    }

    @Test
    void fromAndTo_boundTheObservedTime() {
        UUID march = InsightApi.id(api.observe(leader, site, "one", "IDEA", Map.of("observedAt", "2026-03-31T12:00:00Z")));
        UUID april = InsightApi.id(api.observe(leader, site, "two", "IDEA", Map.of("observedAt", "2026-04-15T12:00:00Z")));
        UUID may = InsightApi.id(api.observe(leader, site, "three", "IDEA", Map.of("observedAt", "2026-05-01T08:00:00Z")));
        assertThat(list(improver, "?from=2026-04-01")).containsExactly(may, april);
        assertThat(list(improver, "?to=2026-04-30")).containsExactly(april, march);
        assertThat(list(improver, "?from=2026-04-01&to=2026-04-30")).containsExactly(april);
        assertThat(list(improver, "?from=" + q("2026-04-15T12:00:00Z") + "&to=" + q("2026-04-15T12:00:00Z")))
                .containsExactly(april);
        assertThat(api.as(improver).get("/api/v1/observations?from=2026-02-30").status()).isEqualTo(422);
    }

    @Test
    void overdue_keepsOnlyObservationsPastTheirDueTimeAndNotYetTriaged() {
        TestApplication.CLOCK.set(Instant.parse("2026-05-11T09:00:00Z")); // Monday; due end of Mon 18 May
        UUID late = InsightApi.id(api.observe(leader, site, "late"));
        UUID triagedLate = InsightApi.id(api.observe(leader, site, "triaged"));
        UUID declined = InsightApi.id(api.observe(leader, site, "declined"));
        api.as(improver).post("/api/v1/observations/" + declined + "/decline", Map.of("reason", "dup"));
        TestApplication.CLOCK.set(Instant.parse("2026-05-18T22:59:00Z"));
        assertThat(list(improver, "?overdue=true")).isEmpty();
        TestApplication.CLOCK.set(Instant.parse("2026-05-18T23:01:00Z"));
        UUID fresh = InsightApi.id(api.observe(leader, site, "fresh"));
        api.triage(improver, triagedLate, "Meals");
        assertThat(list(improver, "?overdue=true")).containsExactly(late);
        assertThat(list(improver, "?overdue=false")).containsExactlyInAnyOrder(fresh, triagedLate, declined);
        Http.Res one = api.as(improver).get("/api/v1/observations/" + late);
        assertThat(one.json().path("overdue").asBoolean()).isTrue();
    }

    @Test
    void paging_walksEveryRowOnceWithAndWithoutQ() {
        for (int i = 0; i < 5; i++) {
            api.observe(leader, site, "Bins overflowing by the kitchen " + i);
        }
        for (String query : List.of("?limit=2", "?limit=2&q=bins")) {
            Http.Res first = api.as(improver).get("/api/v1/observations" + query);
            java.util.Set<UUID> seen = new java.util.HashSet<>(InsightApi.ids(first));
            String cursor = first.json().path("nextCursor").asText();
            while (!cursor.isEmpty() && !"null".equals(cursor)) {
                Http.Res next = api.as(improver).get("/api/v1/observations" + query + "&cursor=" + cursor);
                seen.addAll(InsightApi.ids(next));
                cursor = next.json().path("nextCursor").isNull() ? "" : next.json().path("nextCursor").asText();
            }
            assertThat(seen).hasSize(5);
        }
        assertThat(api.as(improver).get("/api/v1/observations?limit=0").status()).isEqualTo(422);
        assertThat(api.as(improver).get("/api/v1/observations?cursor=forged").status()).isEqualTo(422);
    }

    @Test
    void q_ranksRowsHoldingEveryWordAboveRowsHoldingSome() {
        // many "lift"s would out-rank one "trolley" and one "lift" on word frequency alone
        UUID lifts = InsightApi.id(api.observe(leader, site, "Lift broken, lift alarm, lift stuck, lift again, lift lift"));
        UUID both = InsightApi.id(api.observe(leader, site, "A trolley was left in the lift"));
        UUID trolleys = InsightApi.id(api.observe(leader, site, "Trolleys, trolleys everywhere: trolley trolley"));
        assertThat(list(improver, "?q=" + q("trolley lift"))).hasSize(3).first().isEqualTo(both);
        assertThat(list(improver, "?q=" + q("trolleys lifts"))).containsOnly(both, lifts, trolleys).first().isEqualTo(both);
    }

    @Test
    void paging_acrossTheEveryWordTierBoundary_keepsTheSingleListOrder() {
        for (int i = 0; i < 3; i++) {
            api.observe(leader, site, "Porters wait for the hoist, ward " + i);
            api.observe(leader, site, "Porters short on the night shift, ward " + i);
            api.observe(leader, site, "The hoist battery is flat, ward " + i);
        }
        List<UUID> whole = list(improver, "?q=" + q("porters hoist"));
        assertThat(whole).hasSize(9);
        List<UUID> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Http.Res page = api.as(improver).get("/api/v1/observations?limit=2&q=" + q("porters hoist")
                    + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(InsightApi.ids(page));
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);
        assertThat(paged).isEqualTo(whole);
        List<String> firstThree = whole.subList(0, 3).stream().map(id -> api.as(improver)
                .get("/api/v1/observations/" + id).json().path("text").asText()).toList();
        assertThat(firstThree).allMatch(text -> text.startsWith("Porters wait for the hoist"));
    }

    @Test
    void q_ranksOnlyTheNewestCandidatesMatches() {
        int n = ObservationSearch.CANDIDATES + 5;
        UUID oldest = insertObservations(n, "Printer out of toner again", "NEW");
        Http.Res first = api.as(improver).get("/api/v1/observations?limit=500&q=printer");
        List<UUID> found = InsightApi.ids(first);
        assertThat(found).hasSize(ObservationSearch.CANDIDATES).doesNotContain(oldest);
        assertThat(first.json().path("nextCursor").isNull()).isTrue();
        // older matches are reached by narrowing the window
        assertThat(list(improver, "?q=printer&to=" + q("2025-01-01T00:01:00Z"))).containsExactly(oldest);
    }

    @Test
    void q_findsAWordRareAmongManyNewerFilteredRows() {
        UUID rare = insertObservations(1, "The zebra crossing paint has worn away", "TRIAGED");
        insertObservations(ObservationSearch.WALK + 10, "Printer out of toner again", "TRIAGED");
        assertThat(list(improver, "?status=TRIAGED&q=zebra")).containsExactly(rare);
        assertThat(list(leader, "?status=TRIAGED&q=zebra")).containsExactly(rare);
        assertThat(list(org.user("LEADER"), "?status=TRIAGED&q=zebra")).isEmpty();
    }

    /** {@code count} observations by the leader, one a minute from 2025-01-01 (newest last); the oldest's id. */
    private UUID insertObservations(int count, String text, String status) {
        return InsightFixtures.jdbi().withHandle(h -> {
            Instant start = h.createQuery("""
                            SELECT coalesce(max(observed_at), CAST('2025-01-01T00:00:00Z' AS timestamptz)) + interval '1 minute'
                              FROM observations WHERE org_id = :org""")
                    .bind("org", org.id()).mapTo(Instant.class).one();
            return h.createQuery("""
                            INSERT INTO observations (org_id, author_id, site_id, observed_at, logged_at, text, kind,
                                                      status, triaged_at, triage_due_at)
                            SELECT :org, :author, :site, t, t, :text, 'BARRIER', :status,
                                   CASE WHEN :status = 'TRIAGED' THEN t END, t + interval '7 days'
                              FROM generate_series(CAST(:start AS timestamptz), CAST(:start AS timestamptz)
                                                   + (:count - 1) * interval '1 minute', interval '1 minute') AS t
                            RETURNING id, observed_at""")
                    .bind("org", org.id()).bind("author", leader.id()).bind("site", site).bind("text", text)
                    .bind("status", status).bind("start", start).bind("count", count)
                    .map((rs, ctx) -> Map.entry(rs.getTimestamp("observed_at").toInstant(),
                            rs.getObject("id", UUID.class)))
                    .list().stream().min(Map.Entry.comparingByKey()).orElseThrow().getValue();
        });
    }
}
