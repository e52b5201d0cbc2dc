package org.gemba;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class OperationsTest {
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension();

    @Test
    void openApi_isServedWithoutAuthAndDescribesTheApi() {
        Http.Res res = Http.at(APP.getLocalPort()).get("/openapi.json");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("openapi").asText()).startsWith("3.");
        assertThat(res.json().path("paths").has("/api/v1/me")).isTrue();
        assertThat(res.json().path("paths").has("/api/v1/users/{id}")).isTrue();
        assertThat(res.json().path("components").path("securitySchemes").has("bearer")).isTrue();
    }

    @Test
    void healthCheck_includesTheDatabase() {
        Http.Res res = Http.at(APP.getAdminPort()).get("/healthcheck");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.json().path("postgresql").path("healthy").asBoolean()).isTrue();
    }

    @Test
    void metrics_areExposedOnTheAdminPort() {
        Http.Res res = Http.at(APP.getAdminPort()).get("/metrics");
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.body()).contains("io.dropwizard.jetty");
    }
}
