package org.gemba.scheduling;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import org.gemba.GembaConfiguration;
import org.gemba.audit.AuditLog;
import org.gemba.common.CursorCodec;
import org.gemba.notify.Notifications;
import org.jdbi.v3.core.Jdbi;

/** Builds and registers the scheduling feature's resources. */
public final class Scheduling {
    private Scheduling() {}

    public static void register(Environment env, Jdbi jdbi, GembaConfiguration.Scheduling config, AuditLog audit,
                                Notifications notifications, CursorCodec cursors, Clock clock, ObjectMapper mapper) {
        Waitlist waitlist = new Waitlist(audit, notifications);
        ShiftService shifts = new ShiftService(jdbi, audit, notifications, waitlist, clock);
        BookingService bookings = new BookingService(jdbi, audit, notifications, waitlist, clock, mapper,
                Duration.ofHours(config.minNoticeHours), Duration.ofHours(config.lateCancellationHours));
        env.jersey().register(new SiteResource(jdbi, audit, cursors));
        env.jersey().register(new PlacementResource(jdbi, new PlacementService(jdbi, audit), cursors, mapper, env.getValidator()));
        env.jersey().register(new ShiftResource(jdbi, shifts, cursors, clock));
        env.jersey().register(new ShiftSeriesResource(jdbi, audit, clock));
        env.jersey().register(new BookingResource(jdbi, bookings,
                new AttendanceService(jdbi, audit, notifications, clock), cursors));
        env.jersey().register(new WaitlistResource(jdbi, audit, clock));
    }
}
