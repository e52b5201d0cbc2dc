package org.gemba.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every layer's failures answer application/problem+json with the contract's status and code. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ErrorResponsesTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    private Fixtures.Org org;
    private Http admin;

    @BeforeEach
    void setUp() {
        org = Fixtures.org();
        admin = org.user("ADMIN").http(APP.getLocalPort());
    }

    private static void assertProblem(Http.Res res, int status, String code) {
        assertThat(res.status()).as(res.toString()).isEqualTo(status);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.json().path("status").asInt()).isEqualTo(status);
        assertThat(res.code()).isEqualTo(code);
        assertThat(res.json().path("type").asText()).startsWith("/problems/");
        assertThat(res.json().path("title").asText()).isNotBlank();
        assertThat(res.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private long userCount() {
        return TestDatabase.get().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM users WHERE org_id = :o")
                .bind("o", org.id()).mapTo(Long.class).one());
    }

    @Test
    void notJson_isMalformedJson() {
        long before = userCount();
        assertProblem(admin.postRaw("/api/v1/users", "{\"email\": ", "application/json"), 400, "MALFORMED_JSON");
        assertProblem(admin.postRaw("/api/v1/users", "this is not json", "application/json"), 400, "MALFORMED_JSON");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void emptyBody_isMalformedJson() {
        assertProblem(admin.postRaw("/api/v1/users", "", "application/json"), 400, "MALFORMED_JSON");
    }

    @Test
    void topLevelNotAnObject_isMalformedJson() {
        assertProblem(admin.postRaw("/api/v1/users", "[1, 2]", "application/json"), 400, "MALFORMED_JSON");
        assertProblem(admin.postRaw("/api/v1/users", "\"text\"", "application/json"), 400, "MALFORMED_JSON");
        assertProblem(admin.postRaw("/api/v1/users", "null", "application/json"), 400, "MALFORMED_JSON");
    }

    @Test
    void unknownField_isUnknownFieldNamingIt() {
        Http.Res res = admin.postRaw("/api/v1/users",
                "{\"email\":\"a@b.test\",\"name\":\"A\",\"roles\":[\"LEADER\"],\"shoeSize\":42}", "application/json");
        assertProblem(res, 422, "UNKNOWN_FIELD");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("shoeSize");
    }

    @Test
    void wrongType_isValidationFailedNamingTheField() {
        Http.Res res = admin.postRaw("/api/v1/users",
                "{\"email\":\"a@b.test\",\"name\":\"A\",\"roles\":[\"LEADER\"],\"fte\":\"lots\"}", "application/json");
        assertProblem(res, 422, "VALIDATION_FAILED");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("fte");
    }

    @Test
    void numberAsString_isRefusedNotCoerced() {
        Http.Res res = admin.postRaw("/api/v1/users",
                "{\"email\":\"a@b.test\",\"name\":\"A\",\"roles\":[\"LEADER\"],\"fte\":\"0.5\"}", "application/json");
        assertProblem(res, 422, "VALIDATION_FAILED");
    }

    @Test
    void impossibleDate_isValidationFailed() {
        Http.Res res = admin.postRaw("/api/v1/users",
                "{\"email\":\"a@b.test\",\"name\":\"A\",\"roles\":[\"LEADER\"],\"startDate\":\"2026-02-30\"}", "application/json");
        assertProblem(res, 422, "VALIDATION_FAILED");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("startDate");
    }

    @Test
    void unknownEnumValue_isValidationFailed() {
        Http.Res res = admin.postRaw("/api/v1/users",
                "{\"email\":\"a@b.test\",\"name\":\"A\",\"roles\":[\"EMPEROR\"]}", "application/json");
        assertProblem(res, 422, "VALIDATION_FAILED");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("roles[0]");
    }

    @Test
    void missingAndOutOfRangeFields_areAllNamed() {
        Http.Res res = admin.postRaw("/api/v1/users", "{\"fte\": 1.5}", "application/json");
        assertProblem(res, 422, "VALIDATION_FAILED");
        assertThat(res.json().path("errors").findValuesAsText("field")).contains("email", "name", "roles", "fte");
    }

    @Test
    void unknownRoute_isNotFound() {
        assertProblem(admin.get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
        assertProblem(Http.at(APP.getLocalPort()).get("/nothing/here"), 404, "NOT_FOUND");
    }

    @Test
    void nonUuidId_isNotFound() {
        assertProblem(admin.get("/api/v1/users/not-a-uuid"), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethod_isMethodNotAllowedWithAllow() {
        Http.Res res = admin.send("PUT", "/api/v1/me", "{}", "application/json");
        assertProblem(res, 405, "METHOD_NOT_ALLOWED");
        assertThat(res.header("Allow")).contains("GET");
    }

    @Test
    void wrongContentType_isUnsupportedMediaType() {
        assertProblem(admin.postRaw("/api/v1/users", "email=a@b.test", "application/x-www-form-urlencoded"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(admin.postRaw("/api/v1/users", "{}", "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void bodyOverOneMebibyte_isPayloadTooLarge() {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        long before = userCount();
        assertProblem(admin.postRaw("/api/v1/users", big, "application/json"), 413, "PAYLOAD_TOO_LARGE");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void chunkedBodyOverOneMebibyte_isPayloadTooLarge() throws Exception {
        // no Content-Length: the limit must hold while the body streams in
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            OutputStream out = socket.getOutputStream();
            String auth = admin.toString();
            out.write(("POST /api/v1/me/tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n" + basicHeader() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("{\"name\":\"" + "y".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 20; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    chunk = "y".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the server may answer and close before the whole body is sent
            }
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("application/problem+json").contains("PAYLOAD_TOO_LARGE");
            assertThat(auth).isNotNull();
        }
    }

    private String adminEmail;

    private String basicHeader() {
        Fixtures.User u = org.user("LEADER");
        String creds = java.util.Base64.getEncoder().encodeToString((u.email() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return "Authorization: Basic " + creds + "\r\n";
    }

    @Test
    void badQueryParameter_isValidationFailedNamingIt() {
        Http.Res res = admin.get("/api/v1/users?limit=abc");
        assertProblem(res, 422, "VALIDATION_FAILED");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("limit");
        assertProblem(admin.get("/api/v1/users?role=KING"), 422, "VALIDATION_FAILED");
        assertProblem(admin.get("/api/v1/audit?from=yesterday"), 422, "VALIDATION_FAILED");
    }

    @Test
    void limitOutOfRange_isRefusedNotClamped() {
        assertProblem(admin.get("/api/v1/users?limit=0"), 422, "VALIDATION_FAILED");
        assertProblem(admin.get("/api/v1/users?limit=501"), 422, "VALIDATION_FAILED");
        assertThat(admin.get("/api/v1/users?limit=500").status()).isEqualTo(200);
    }

    @Test
    void forgedCursor_isValidationFailed() {
        Http.Res res = admin.get("/api/v1/users?cursor=bm90LWEtY3Vyc29y.AAAA");
        assertProblem(res, 422, "VALIDATION_FAILED");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("cursor");
        assertProblem(admin.get("/api/v1/users?cursor=garbage"), 422, "VALIDATION_FAILED");
    }

    @Test
    void unexpectedException_isInternalWithErrorIdAndNoDetails() {
        Http.Res res = admin.post("/api/v1/test-only/boom", "{}");
        assertProblem(res, 500, "INTERNAL");
        assertThat(res.json().path("errorId").asText()).matches("[0-9a-f]+");
        assertThat(res.body()).doesNotContain("secret internal detail").doesNotContain("SELECT");
    }

    @Test
    void requestFailingHalfWay_leavesNoDataAndNoAuditRow() {
        long before = userCount();
        Http.Res res = admin.post("/api/v1/test-only/fail-half-way", "{}");
        assertProblem(res, 500, "INTERNAL");
        assertThat(userCount()).isEqualTo(before);
        long audit = TestDatabase.get().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM audit_log WHERE org_id = :o").bind("o", org.id()).mapTo(Long.class).one());
        assertThat(audit).isZero();
    }

    @Test
    void malformedHttpFromJetty_isProblemJson() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.getOutputStream().write("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nBad Header Without Colon\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("application/problem+json").contains("\"code\":\"BAD_REQUEST\"");
        }
    }

    @Test
    void nulCharacterInAJsonString_isValidationFailedNamingTheField() {
        long before = userCount();
        Http.Res res = admin.postRaw("/api/v1/users",
                "{\"email\":\"a@b.test\",\"name\":\"A\\u0000B\",\"roles\":[\"LEADER\"]}", "application/json");
        assertProblem(res, 422, "VALIDATION_FAILED");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void nulCharacterInAQueryParameterOrCredentials_isRefusedNotA500() {
        Http.Res res = admin.get("/api/v1/users?q=a%00b");
        assertProblem(res, 422, "VALIDATION_FAILED");
        assertThat(res.json().path("errors").get(0).path("field").asText()).isEqualTo("q");
        assertThat(Http.at(APP.getLocalPort()).basic("x\u0000@test.local", "whatever-password").get("/api/v1/me").status())
                .isEqualTo(401);
    }

    @Test
    void valuesTheDatabaseCannotStore_areValidationFailedNotA500() {
        assertProblem(admin.get("/api/v1/audit?from=%2B300000-01-01T00:00:00Z"), 422, "VALIDATION_FAILED");
        Http.Res fte = admin.postRaw("/api/v1/users",
                "{\"email\":\"f@b.test\",\"name\":\"F\",\"roles\":[\"LEADER\"],\"fte\":0.0001}", "application/json");
        assertProblem(fte, 422, "VALIDATION_FAILED");
        assertThat(fte.json().path("errors").get(0).path("field").asText()).isEqualTo("fte");
    }

    @Test
    void blankNameOnPatch_isValidationFailed() {
        Fixtures.User leader = org.user("LEADER");
        Http.Res res = admin.patch("/api/v1/users/" + leader.id(), java.util.Map.of("name", "   "));
        assertProblem(res, 422, "VALIDATION_FAILED");
    }

    @Test
    void rolesThatMayNotReadBookingsOrObservations_areForbiddenNotNotFound() {
        String anyId = java.util.UUID.randomUUID().toString();
        assertProblem(org.user("IMPROVEMENT").http(APP.getLocalPort()).get("/api/v1/bookings/" + anyId), 403, "FORBIDDEN");
        assertProblem(org.user("HR").http(APP.getLocalPort()).get("/api/v1/observations/" + anyId), 403, "FORBIDDEN");
        assertProblem(org.user("HOST").http(APP.getLocalPort()).get("/api/v1/observations/" + anyId), 403, "FORBIDDEN");
    }
}
