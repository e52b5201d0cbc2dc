package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gemba.notify.MailTestSupport.await;
import static org.gemba.notify.MailTestSupport.messagesTo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.gemba.GembaConfiguration;
import org.gemba.scheduling.calendar.BookingEvents;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.MutableClock;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end: a booking made and a shift moved through the real API, then the real worker sends the
 * change to a real SMTP server (GreenMail) with the booking's real iCalendar event attached.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BookingChangeMailTest {
    static final int SMTP_PORT = MailTestSupport.freePort();
    static final GreenMail GREEN_MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension(
            ConfigOverride.config("mail.host", "127.0.0.1"),
            ConfigOverride.config("mail.port", Integer.toString(SMTP_PORT)),
            ConfigOverride.config("mail.tls", "none"),
            ConfigOverride.config("mail.from", "Gemba <gemba@test.local>"));

    @BeforeAll
    static void startMail() {
        GREEN_MAIL.start();
    }

    @AfterAll
    static void stopMail() {
        GREEN_MAIL.stop();
    }

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    /** The app's own delivery worker pieces: its SMTP settings and the real booking calendar. */
    private static DeliveryWorker worker(UUID orgId) {
        // ahead of the database's now(), so the notifications just recorded are due
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofMinutes(10)));
        return MailTestSupport.worker(orgId, new SmtpMailSender(APP.getConfiguration().getMail()), clock, 50, 5,
                DeliveryWorker.bookingCalendar(MailTestSupport.jdbi()));
    }

    private static String id(Http.Res res) {
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        return res.json().path("id").asText();
    }

    @Test
    void shiftMoved_bookedLeaderGetsOneMailWithTheReasonAndTheBookingsIcs() throws Exception {
        Fixtures.Org org = Fixtures.org();
        Http admin = org.user("ADMIN").http(APP.getLocalPort());
        Fixtures.User leader = org.user("LEADER");
        String site = id(admin.post("/api/v1/sites", Map.of("name", "Queen's Hospital", "timeZone", "Europe/London")));
        String placement = id(admin.post("/api/v1/placements", Map.of("siteId", site,
                "name", "Catering — Ward 3 meal service", "defaultCapacity", 2, "requiredTrainings", List.of(),
                "hostIds", List.of())));
        Instant start = TestApplication.CLOCK.instant().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        String shift = id(admin.post("/api/v1/shifts", Map.of("placementId", placement, "start", start.toString(),
                "end", start.plus(Duration.ofHours(4)).toString())));
        String booking = id(leader.http(APP.getLocalPort()).post("/api/v1/bookings", Map.of("shiftId", shift)));
        DeliveryWorker worker = worker(org.id());
        worker.runOnce(); // the confirmation of the booking itself
        assertThat(await(() -> messagesTo(GREEN_MAIL, leader.email()).size() == 1)).isTrue();

        Instant moved = start.plus(Duration.ofHours(2));
        Http.Res patch = admin.patch("/api/v1/shifts/" + shift, Map.of("start", moved.toString(),
                "end", moved.plus(Duration.ofHours(4)).toString(),
                "reason", "the lunch service starts later while the kitchen is refitted"));
        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        worker.runOnce();

        assertThat(await(() -> messagesTo(GREEN_MAIL, leader.email()).size() >= 2)).isTrue();
        List<MimeMessage> changes = messagesTo(GREEN_MAIL, leader.email()).stream()
                .filter(m -> subject(m).contains("Shift changed")).toList();
        assertThat(changes).hasSize(1);
        assertThat(messagesTo(GREEN_MAIL, leader.email())).hasSize(2);
        MimeMessage mail = changes.get(0);
        Multipart mixed = (Multipart) mail.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat((String) alternative.getBodyPart(0).getContent())
                .contains("the lunch service starts later while the kitchen is refitted");
        BodyPart ics = calendarPart(mixed);
        try (InputStream in = ics.getInputStream()) {
            Calendar calendar = new CalendarBuilder().build(in);
            Component event = calendar.getComponent("VEVENT").orElseThrow();
            assertThat(event.getProperty("UID").map(Property::getValue))
                    .contains(BookingEvents.uid(UUID.fromString(booking)));
            assertThat(event.getProperty("DTSTART").map(Property::getValue))
                    .contains(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(moved));
            assertThat(Integer.parseInt(event.getProperty("SEQUENCE").map(Property::getValue).orElse("0")))
                    .isGreaterThan(0);
        }
    }

    private static BodyPart calendarPart(Multipart mixed) throws Exception {
        List<BodyPart> found = new ArrayList<>();
        for (int i = 0; i < mixed.getCount(); i++) {
            if (mixed.getBodyPart(i).getContentType().startsWith("text/calendar")) {
                found.add(mixed.getBodyPart(i));
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
