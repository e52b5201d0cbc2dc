package org.gemba.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Properties;

/** Sends through the configured SMTP server with Jakarta Mail (Angus). */
public class SmtpMailSender implements MailSender {
    private final MailConfig config;
    private final Session session;
    private final InternetAddress from;

    /** Refuses a malformed from-address at start-up, rather than failing every message later. */
    public SmtpMailSender(MailConfig config) {
        this.config = config;
        this.session = Session.getInstance(properties(config));
        try {
            this.from = new InternetAddress(config.from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail.from (SMTP_FROM) is not a valid e-mail address", e);
        }
    }

    static Properties properties(MailConfig c) {
        Properties p = new Properties();
        String protocol = c.tls == MailConfig.Tls.SSL ? "smtps" : "smtp";
        String timeout = Long.toString(c.timeout.toMilliseconds());
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", c.host);
        p.put("mail." + protocol + ".port", Integer.toString(c.port));
        // timeouts well under the lease, so a hung server cannot outlive this worker's claim
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        p.put("mail." + protocol + ".auth", Boolean.toString(hasCredentials(c)));
        if (c.tls == MailConfig.Tls.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (c.tls == MailConfig.Tls.SSL) {
            p.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        return p;
    }

    private static boolean hasCredentials(MailConfig c) {
        return c.username != null && !c.username.isBlank();
    }

    @Override
    public void send(OutgoingMail mail) throws MessagingException {
        var message = mail.toMimeMessage(session, from);
        try (Transport transport = session.getTransport()) {
            if (hasCredentials(config)) {
                transport.connect(config.host, config.port, config.username, config.password);
            } else {
                transport.connect();
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
