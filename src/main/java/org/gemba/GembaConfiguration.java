package org.gemba;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public class GembaConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty("database")
    private DataSourceFactory database = new DataSourceFactory();

    @NotBlank
    @JsonProperty("publicBaseUrl")
    private String publicBaseUrl = "http://localhost:8080";

    @Valid
    @NotNull
    @JsonProperty("security")
    private Security security = new Security();

    @Valid
    @NotNull
    @JsonProperty("mail")
    private org.gemba.notify.MailConfig mail = new org.gemba.notify.MailConfig();

    public DataSourceFactory getDatabase() {
        return database;
    }

    public String getPublicBaseUrl() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public Security getSecurity() {
        return security;
    }

    public org.gemba.notify.MailConfig getMail() {
        return mail;
    }

    public static class Security {
        @Min(4)
        @Max(16)
        @JsonProperty
        public int passwordHashCost = 12;

        @Min(1)
        @JsonProperty
        public int maxFailedLogins = 5;

        @NotNull
        @JsonProperty
        public Duration throttleWindow = Duration.minutes(15);

        @NotNull
        @JsonProperty
        public Duration throttleBackoff = Duration.minutes(1);

        @NotNull
        @JsonProperty
        public Duration authCacheTtl = Duration.seconds(60);

        @NotBlank
        @JsonProperty
        public String cursorSecret = "change-me";
    }
}
