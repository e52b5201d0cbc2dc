package org.gemba.scheduling.calendar;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import org.jdbi.v3.core.Handle;

/**
 * The iCalendar text of one booking's event, as the feed shows it (same UID and SEQUENCE), for
 * attaching to e-mails. METHOD:PUBLISH, like the feed: Gemba sends no organizer/attendee
 * invitations (REQUEST would ask the leader to reply to nobody); a calendar program imports or
 * updates the event by its UID, and a cancelled booking arrives as STATUS:CANCELLED with a higher
 * SEQUENCE.
 */
public final class BookingCalendar {
    private BookingCalendar() {}

    public static Optional<String> icsForBooking(Handle handle, UUID orgId, UUID bookingId) {
        return handle.attach(BookingEventDao.class).forBooking(orgId, bookingId)
                .map(row -> BookingEvents.calendar(ImmutableMethod.PUBLISH, List.of(BookingEvents.event(row)), null));
    }
}
