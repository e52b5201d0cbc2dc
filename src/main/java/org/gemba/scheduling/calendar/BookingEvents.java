package org.gemba.scheduling.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.gemba.scheduling.calendar.BookingEventDao.EventRow;

/**
 * Builds the iCalendar events of bookings, for the feed and for e-mail attachments alike, so both
 * show the same UID and SEQUENCE and a calendar program treats them as one event.
 */
public final class BookingEvents {
    static final String PRODID = "-//Gemba//Back to the floor//EN";

    private BookingEvents() {}

    public static String uid(java.util.UUID bookingId) {
        return "booking-" + bookingId + "@gemba";
    }

    static VEvent event(EventRow row) {
        boolean cancelled = isCancelled(row);
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(row.bookingId())));
        // DTSTAMP from the data, not the clock: the same booking renders the same text until it changes
        event.add(new DtStamp(row.stamp().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtStart<>(row.startsAt().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtEnd<>(row.endsAt().truncatedTo(ChronoUnit.SECONDS)));
        // the shift's sequence grows with every change of the shift; cancelling only the booking is a
        // change of this event too, and calendar programs ignore a new STATUS without a higher SEQUENCE
        event.add(new Sequence(row.sequence() + ("CANCELLED".equals(row.bookingStatus()) ? 1 : 0)));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Summary("Back to the floor: " + row.placementName()));
        event.add(new Location(row.siteAddress() == null || row.siteAddress().isBlank()
                ? row.siteName() : row.siteName() + ", " + row.siteAddress()));
        event.add(new Description(description(row, cancelled)));
        event.add(new XProperty("X-GEMBA-BOOKING-STATUS", row.bookingStatus()));
        return event;
    }

    static boolean isCancelled(EventRow row) {
        return "CANCELLED".equals(row.bookingStatus()) || "CANCELLED".equals(row.shiftStatus());
    }

    private static String description(EventRow row, boolean cancelled) {
        List<String> lines = new ArrayList<>();
        lines.add("Shadowing " + row.placementName() + " at " + row.siteName() + ".");
        lines.add(row.hosts() == null ? "Hosts: to be confirmed." : "Hosts: " + row.hosts() + ".");
        switch (row.bookingStatus()) {
            case "ATTENDED" -> lines.add("Attendance recorded.");
            case "NO_SHOW" -> lines.add("Recorded as a no-show.");
            default -> { }
        }
        if (cancelled) {
            String reason = "CANCELLED".equals(row.shiftStatus()) && row.shiftCancelReason() != null
                    ? "the shift was cancelled: " + row.shiftCancelReason()
                    : row.bookingCancelReason();
            lines.add(reason == null ? "Cancelled." : "Cancelled (" + reason + ").");
        }
        return String.join("\n", lines);
    }

    /** A whole VCALENDAR with the given method (PUBLISH for feeds and attachments). */
    static String calendar(Method method, List<VEvent> events, String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
        }
        events.forEach(calendar::add);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

}
