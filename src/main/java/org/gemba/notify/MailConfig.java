package org.gemba.notify;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code mail:} section of config.yml: where e-mail goes and how the delivery worker runs. */
public class MailConfig {
    public enum Tls { NONE, STARTTLS, SSL }

    /** SMTP server; blank means notifications are stored and listed but not e-mailed. */
    @JsonProperty
    public String host = "";

    @Min(1)
    @Max(65535)
    @JsonProperty
    public int port = 587;

    @NotNull
    @JsonProperty
    public Tls tls = Tls.STARTTLS;

    @JsonProperty
    public String username = "";

    @JsonProperty
    public String password = "";

    @NotNull
    @JsonProperty
    public String from = "Gemba <gemba@localhost>";

    /** Run the delivery worker and the notice scheduler in the background (tests drive them by hand). */
    @JsonProperty
    public boolean background = true;

    @NotNull
    @JsonProperty
    public Duration pollInterval = Duration.seconds(10);

    @NotNull
    @JsonProperty
    public Duration schedulerInterval = Duration.minutes(5);

    @Min(1)
    @Max(50)
    @JsonProperty
    public int maxAttempts = 8;

    /** First retry delay; each further attempt waits twice as long (capped at 6 hours). */
    @NotNull
    @JsonProperty
    public Duration backoff = Duration.minutes(1);

    /** How long a claimed notification is reserved for one worker; must exceed the SMTP timeouts. */
    @NotNull
    @JsonProperty
    public Duration lease = Duration.minutes(5);

    @Min(1)
    @Max(1000)
    @JsonProperty
    public int batchSize = 50;

    @NotNull
    @JsonProperty
    public Duration timeout = Duration.seconds(30);

    /** Local hour (organisation's time zone) from which hosts get the list of who comes tomorrow. */
    @Min(0)
    @Max(23)
    @JsonProperty
    public int hostDailyListHour = 16;

    /** Improvement users are warned when less than this remains before an observation's triage deadline. */
    @NotNull
    @JsonProperty
    public Duration slaWarningBefore = Duration.days(1);

    @JsonIgnore
    public boolean smtpConfigured() {
        return host != null && !host.isBlank();
    }
}
