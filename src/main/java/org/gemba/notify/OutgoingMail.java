package org.gemba.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One e-mail, ready to send: a plain-text and an HTML part (multipart/alternative) and, when
 * there is one, the shift's iCalendar event as an attachment calendar programs pick up.
 */
public record OutgoingMail(UUID notificationId, String to, String toName, String subject, String text, String html,
                           String ics) {

    public MimeMessage toMimeMessage(Session session, InternetAddress from) throws MessagingException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(from);
        msg.setRecipient(MimeMessage.RecipientType.TO, address(to, toName));
        msg.setSubject(subject, "UTF-8");
        msg.setHeader("X-Gemba-Notification", notificationId.toString());
        msg.setHeader("Auto-Submitted", "auto-generated");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8", "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);

        if (ics == null) {
            msg.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setContent(ics, "text/calendar; charset=UTF-8; method=PUBLISH");
            calendar.setFileName("shift.ics");
            calendar.setHeader("Content-Transfer-Encoding", "base64");
            mixed.addBodyPart(calendar);
            msg.setContent(mixed);
        }
        msg.saveChanges();
        return msg;
    }

    private static InternetAddress address(String email, String name) throws MessagingException {
        InternetAddress parsed = new InternetAddress(email, true);
        try {
            return new InternetAddress(parsed.getAddress(), name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            return parsed;
        }
    }
}
