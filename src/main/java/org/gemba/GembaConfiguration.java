package org.gemba;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;

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
    @JsonProperty("programme")
    private org.gemba.progress.ProgrammeConfig programme = new org.gemba.progress.ProgrammeConfig();
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

    @Valid
    @NotNull
    @JsonProperty("scheduling")
    private Scheduling scheduling = new Scheduling();

    public Scheduling getScheduling() {
        return scheduling;
    }

    public org.gemba.progress.ProgrammeConfig getProgramme() {
        return programme;
    }

    @JsonProperty("insight")
    private Insight insight = new Insight();

    public Insight getInsight() {
        return insight;
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

        /** Key that derives calendar feed tokens; changing it invalidates every feed URL. */
        @NotBlank
        @JsonProperty
        public String calendarSecret = "change-me-calendar";
    }

    public static class Scheduling {
        /** A leader books at least this many hours before a shift starts (HR/ADMIN may override). */
        @Min(0)
        @Max(8760)
        @JsonProperty
        public int minNoticeHours = 24;

        /** A cancellation with less notice than this is marked late. */
        @Min(0)
        @Max(8760)
        @JsonProperty
        public int lateCancellationHours = 48;
    }

    /** Observations: the triage SLA in working days and the public holidays that are not working days. */
    public static class Insight {
        @Min(1)
        @Max(60)
        @JsonProperty
        public int triageSlaWorkingDays = 5;

        @Min(1)
        @Max(60)
        @JsonProperty
        public int safetyConcernSlaWorkingDays = 1;

        @NotNull
        @JsonProperty
        public List<@NotNull LocalDate> publicHolidays = org.gemba.insight.BankHolidays.ENGLAND_AND_WALES;

        /** Sentence embeddings for /similar and search (computed locally); false: word matching only. */
        @JsonProperty
        public boolean embeddings = true;

        /** How often the embedding worker looks for rows left without a vector. */
        @Min(1)
        @JsonProperty
        public long embeddingPollSeconds = 30;

        /** false: this server embeds nothing in the background (the back-fill command, or another server, does). */
        @JsonProperty
        public boolean embeddingWorker = true;

        /** The most of one core the background embedding worker uses while it drains a backlog. */
        @DecimalMin("0.01")
        @DecimalMax("1.0")
        @JsonProperty
        public double embeddingDutyCycle = 0.5;
    }
}
