package org.gemba.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class CompletionReportTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();
    static final String REPORT = "/api/v1/reports/completion?year=2026";

    private Fixtures.Org org;
    private Fixtures.User hr;

    @BeforeEach
    void setUp() {
        TestApplication.CLOCK.set(ProgressTest.OCT_1);
        org = Fixtures.org();
        hr = org.user("HR");
        FloorData floor = FloorData.of(org);
        UUID placement = floor.placement(floor.site("Site"), "Reception");
        // BEHIND: nothing done by October
        org.user(spec("=cmd()", "SCS1", "+SUM(A1)"));
        org.user(spec("Éva Ünal", "SCS1", "Operations"));
        // COMPLETE: target cut to 10 hours and 10 attended
        Fixtures.User beth = org.user(spec("Beth Able", "SCS2", "Finance"));
        adjust(beth.id(), 140);
        floor.attendedHours(beth.id(), placement, ProgressTest.APRIL_2, 10);
        // ON_TRACK: started today, nothing expected yet
        org.user(spec("Carl, Jr. \"CJ\"", "SCS1", "Finance").startDate(LocalDate.of(2026, 10, 1)));
        // EXEMPT: adjusted to zero
        Fixtures.User dee = org.user(spec("@dee", "SCS2", "Operations"));
        adjust(dee.id(), 200);
        org.user("HOST");
        Fixtures.org().user(spec("Other Org Leader", "SCS1", "Finance"));
    }

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    private static Fixtures.UserSpec spec(String name, String grade, String directorate) {
        return new Fixtures.UserSpec("LEADER").name(name).grade(grade).directorate(directorate);
    }

    private void adjust(UUID leader, int hours) {
        assertThat(hr.http(APP.getLocalPort()).post("/api/v1/users/" + leader + "/adjustments",
                Map.of("year", 2026, "hours", hours, "reason", "test")).status()).isEqualTo(201);
    }

    private Http http() {
        return hr.http(APP.getLocalPort());
    }

    private List<JsonNode> allPages(String query) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            Http.Res res = http().get(REPORT + query + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(res.status()).as(res.toString()).isEqualTo(200);
            res.json().path("items").forEach(items::add);
            cursor = res.json().path("nextCursor").isNull() ? null : res.json().path("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    private Http.Res csvResponse(String query) {
        return http().header("Accept", "text/csv").get(REPORT + query);
    }

    private List<CSVRecord> csv(String query) {
        Http.Res res = csvResponse(query);
        assertThat(res.status()).as(res.toString()).isEqualTo(200);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(res.body()))) {
            assertThat(parser.getHeaderNames()).containsExactly(CompletionCsv.HEADER);
            return parser.getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(List<JsonNode> items) {
        return items.stream().map(i -> i.path("name").asText()).toList();
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    void report_jsonPagesAndCsv_agreeRowForRow_inSeverityOrder() {
        List<JsonNode> json = allPages("");
        List<CSVRecord> rows = csv("");
        assertThat(json).hasSize(5);
        assertThat(rows).hasSize(5);
        assertThat(json.stream().map(i -> i.path("status").asText()).toList())
                .containsExactly("BEHIND", "BEHIND", "ON_TRACK", "COMPLETE", "EXEMPT");
        for (int i = 0; i < json.size(); i++) {
            JsonNode j = json.get(i);
            CSVRecord r = rows.get(i);
            assertThat(r.get("name")).isEqualTo(CompletionCsv.safe(j.path("name").asText()));
            assertThat(r.get("email")).isEqualTo(j.path("email").asText());
            assertThat(r.get("grade")).isEqualTo(j.path("grade").asText());
            assertThat(r.get("directorate")).isEqualTo(CompletionCsv.safe(j.path("directorate").asText()));
            for (String h : List.of("targetHours", "completedHours", "bookedHours", "expectedToDateHours",
                    "remainingHours")) {
                assertThat(new java.math.BigDecimal(r.get(h))).as(h).isEqualByComparingTo(j.path(h).decimalValue());
            }
            assertThat(r.get("status")).isEqualTo(j.path("status").asText());
            assertThat(r.get("promotionHold")).isEqualTo(j.path("promotionHold").asText());
            assertThat(j.path("year").asInt()).isEqualTo(2026);
        }
    }

    @Test
    void csv_isAnUtf8Attachment_withQuotingAndFormulaCellsNeutralised() {
        Http.Res res = csvResponse("");
        assertThat(res.contentType()).startsWith("text/csv");
        assertThat(res.header("Content-Disposition")).startsWith("attachment").contains("completion-2026.csv");
        assertThat(res.body()).startsWith(String.join(",", CompletionCsv.HEADER) + "\r\n");
        List<CSVRecord> rows = csv("");
        List<String> names = rows.stream().map(r -> r.get("name")).toList();
        assertThat(names).contains("'=cmd()", "'@dee", "Éva Ünal", "Carl, Jr. \"CJ\"").doesNotContain("=cmd()", "@dee");
        CSVRecord cmd = rows.stream().filter(r -> r.get("name").equals("'=cmd()")).findFirst().orElseThrow();
        assertThat(cmd.get("directorate")).isEqualTo("'+SUM(A1)");
        assertThat(res.body()).doesNotContain(",=cmd()").doesNotContain(",+SUM");
    }

    @Test
    void filter_directorate_keepsOnlyThatDirectorate() {
        assertThat(names(allPages("&directorate=Finance"))).containsExactlyInAnyOrder("Beth Able", "Carl, Jr. \"CJ\"");
        assertThat(csv("&directorate=Finance")).hasSize(2);
        assertThat(names(allPages("&directorate=" + enc("+SUM(A1)")))).containsExactly("=cmd()");
    }

    @Test
    void filter_grade_keepsOnlyThatGrade() {
        assertThat(names(allPages("&grade=SCS2"))).containsExactlyInAnyOrder("Beth Able", "@dee");
        assertThat(csv("&grade=SCS2")).hasSize(2);
    }

    @Test
    void filter_status_keepsOnlyThatStatus_andCombinesWithOthers() {
        assertThat(names(allPages("&status=BEHIND"))).containsExactlyInAnyOrder("=cmd()", "Éva Ünal");
        assertThat(names(allPages("&status=EXEMPT"))).containsExactly("@dee");
        assertThat(names(allPages("&status=BEHIND&directorate=Operations"))).containsExactly("Éva Ünal");
        assertThat(csv("&status=COMPLETE")).extracting(r -> r.get("name")).containsExactly("Beth Able");
    }

    @Test
    void filter_unknownStatus_is422NamingStatus() {
        Http.Res res = http().get(REPORT + "&status=LATE");
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(http().get("/api/v1/reports/completion?year=2040").status()).isEqualTo(422);
        assertThat(csvResponse("&status=LATE").status()).isEqualTo(422);
    }

    @Test
    void report_forLeaderOrHost_isForbidden_andAdminMayRead() {
        for (String role : new String[] {"LEADER", "HOST", "IMPROVEMENT"}) {
            Http.Res res = org.user(role).http(APP.getLocalPort()).get(REPORT);
            assertThat(res.status()).as(role).isEqualTo(403);
            assertThat(res.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(org.user("LEADER").http(APP.getLocalPort()).header("Accept", "text/csv").get(REPORT).status())
                .isEqualTo(403);
        assertThat(org.user("ADMIN").http(APP.getLocalPort()).get(REPORT).status()).isEqualTo(200);
        Http.Res anything = http().header("Accept", "*/*").get(REPORT);
        assertThat(anything.contentType()).startsWith("application/json");
    }

    @Test
    void report_badLimitOrCursorNotIssuedByTheServer_is422() {
        for (String limit : new String[] {"0", "501", "many"}) {
            Http.Res bad = http().get(REPORT + "&limit=" + limit);
            assertThat(bad.status()).as(limit).isEqualTo(422);
            assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("limit");
        }
        Http.Res res = http().get(REPORT + "&cursor=bogus");
        assertThat(res.status()).isEqualTo(422);
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    }
}
