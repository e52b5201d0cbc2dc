package org.gemba.progress;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.gemba.auth.Caller;

/** The programme's shape, and where "today" falls in it for the caller's organisation. */
@Path("/api/v1/programme")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ProgrammeResource {
    private final ProgrammeClock programmeClock;

    public ProgrammeResource(ProgrammeClock programmeClock) {
        this.programmeClock = programmeClock;
    }

    public record ProgrammeView(String yearStart, int years, int firstYear, int lastYear,
                                BigDecimal defaultAnnualHours, String timeZone, LocalDate today,
                                Integer currentYear, LocalDate currentPeriodStart, LocalDate currentPeriodEnd) {}

    /** 200 always. {@code currentYear} and its period are null when today lies outside the programme. */
    @GET
    public ProgrammeView get(@Auth Caller caller) {
        Programme p = programmeClock.programme();
        LocalDate today = programmeClock.today(caller.zone());
        int year = p.yearOf(today);
        boolean in = p.contains(year);
        return new ProgrammeView(String.format("%02d-%02d", p.yearStart().getMonthValue(), p.yearStart().getDayOfMonth()),
                p.years(), p.firstYear(), p.lastYear(), p.defaultAnnualHours(), caller.zone().getId(), today,
                in ? year : null, in ? p.periodStart(year) : null, in ? p.periodEnd(year) : null);
    }
}
