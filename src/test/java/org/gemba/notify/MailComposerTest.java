package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Properties;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class MailComposerTest {
    static final String ICS = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Gemba//Test//EN", "METHOD:PUBLISH",
            "BEGIN:VEVENT", "UID:booking-123@gemba", "SEQUENCE:2", "DTSTAMP:20261123T120000Z",
            "DTSTART:20261125T090000Z", "DTEND:20261125T130000Z", "SUMMARY:Catering — Ward 3",
            "END:VEVENT", "END:VCALENDAR", "");

    private final MailComposer composer = new MailComposer("https://gemba.example/");
    private final Session session = Session.getInstance(new Properties());

    private MailComposer.Content content(String type, String subject, String body) {
        return new MailComposer.Content(UUID.randomUUID(), "ada@example.org", "Ada <Lovelace>", type, subject, body);
    }

    @Test
    void compose_givesPrefixedSubjectAndReasonInBothParts() throws Exception {
        OutgoingMail mail = composer.compose(content("BOOKING_CANCELLED", "Your booking was cancelled",
                "HR cancelled your shift because the ward is closed for deep cleaning."), null);

        assertThat(mail.subject()).isEqualTo("[Gemba] Your booking was cancelled");
        assertThat(mail.text()).contains("the ward is closed for deep cleaning").contains("always sent");
        assertThat(mail.html()).contains("the ward is closed for deep cleaning");

        MimeMessage msg = mail.toMimeMessage(session, new InternetAddress("Gemba <gemba@example.org>"));
        assertThat(msg.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) msg.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    }

    @Test
    void compose_escapesHtmlAndKeepsSubjectOnOneLine() {
        OutgoingMail mail = composer.compose(content("SHIFT_CHANGED", "Shift moved\r\nBcc: evil@example.org",
                "<script>alert('x')</script> & more"), null);

        assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n");
        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)")
                .contains("&amp; more").contains("Ada &lt;Lovelace&gt;");
    }

    @Test
    void compose_nonEssentialType_footerExplainsHowToTurnItOff() {
        OutgoingMail mail = composer.compose(content("SHIFT_REMINDER", "Reminder", "Your shift is in 48 hours."), null);

        assertThat(mail.text()).contains("https://gemba.example/api/v1/me/notification-preferences")
                .contains("SHIFT_REMINDER").contains("You are getting this e-mail because");
    }

    @Test
    void toMimeMessage_withIcs_attachesACalendarPartThatIcal4jParses() throws Exception {
        OutgoingMail mail = composer.compose(content("BOOKING_MADE", "Booked", "You booked Catering."), ICS);
        MimeMessage sent = roundTrip(mail.toMimeMessage(session, new InternetAddress("gemba@example.org")));

        Multipart mixed = (Multipart) sent.getContent();
        assertThat(sent.getContentType()).startsWith("multipart/mixed");
        assertThat(((Multipart) mixed.getBodyPart(0).getContent()).getContentType()).contains("multipart/alternative");
        BodyPart calendarPart = mixed.getBodyPart(1);
        assertThat(calendarPart.getContentType()).startsWith("text/calendar").contains("method=PUBLISH");
        assertThat(calendarPart.getFileName()).isEqualTo("shift.ics");

        try (InputStream in = calendarPart.getInputStream()) {
            Calendar calendar = new CalendarBuilder().build(in);
            VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
            assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("booking-123@gemba");
        }
    }

    /** Writes and re-reads the message, as a mail server and a mail program would. */
    static MimeMessage roundTrip(MimeMessage msg) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        msg.writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void escape_replacesEveryHtmlSpecialCharacter() {
        assertThat(MailComposer.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
