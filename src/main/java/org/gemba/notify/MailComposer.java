package org.gemba.notify;

import java.util.UUID;

/**
 * Turns a notification into an e-mail people can read: a clear subject, what happened and why
 * (the notification's own subject and body), and a footer saying why they got it and how to stop
 * the ones they may turn off.
 */
public class MailComposer {
    static final String SUBJECT_PREFIX = "[Gemba] ";

    private final String baseUrl;

    public MailComposer(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public record Content(UUID notificationId, String email, String name, String type, String subject, String body) {}

    public OutgoingMail compose(Content c, String ics) {
        String subject = SUBJECT_PREFIX + oneLine(c.subject());
        String listUrl = baseUrl + "/api/v1/me/notifications";
        String why = why(c.type());
        String change = change(c.type());

        String text = "Hello " + c.name() + ",\n\n"
                + c.subject() + "\n\n"
                + c.body() + "\n\n"
                + (ics == null ? "" : "The shift is attached as a calendar event (shift.ics).\n\n")
                + "All your notifications: " + listUrl + "\n\n"
                + "-- \n" + why + "\n" + change + "\n";

        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">"
                + "<p>Hello " + escape(c.name()) + ",</p>"
                + "<h2 style=\"font-size:1.1em\">" + escape(c.subject()) + "</h2>"
                + "<p>" + escape(c.body()).replace("\n", "<br>") + "</p>"
                + (ics == null ? "" : "<p>The shift is attached as a calendar event (shift.ics).</p>")
                + "<p><a href=\"" + escape(listUrl) + "\">All your notifications</a></p>"
                + "<hr><p style=\"color:#555;font-size:0.9em\">" + escape(why) + "<br>" + escape(change) + "</p>"
                + "</body></html>";
        return new OutgoingMail(c.notificationId(), c.email(), c.name(), subject, text, html, ics);
    }

    private static String why(String type) {
        return "You are getting this e-mail because Gemba keeps you informed of changes to the shifts, "
                + "observations and actions you take part in (" + type + ").";
    }

    private String change(String type) {
        if (typeOf(type).essential()) {
            return "Messages about changes that affect you are always sent.";
        }
        return "You can turn these e-mails off in your notification preferences: "
                + baseUrl + "/api/v1/me/notification-preferences (type " + type + ").";
    }

    /** Unknown types (added by a newer server) count as essential: better sent than silently dropped. */
    static NotificationType typeOf(String type) {
        try {
            return NotificationType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return NotificationType.ACCOUNT;
        }
    }

    /** Subjects are headers: no line breaks (header injection), and short. */
    static String oneLine(String s) {
        String flat = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
