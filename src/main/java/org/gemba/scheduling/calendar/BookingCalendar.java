package org.gemba.scheduling.calendar;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The iCalendar text of one booking's event, as the feed shows it (same UID and SEQUENCE), for
 * attaching to e-mails. (Seam: implemented on the calendar branch.)
 */
public final class BookingCalendar {
    private BookingCalendar() {}

    public static Optional<String> icsForBooking(Handle handle, UUID orgId, UUID bookingId) {
        return Optional.empty();
    }
}
