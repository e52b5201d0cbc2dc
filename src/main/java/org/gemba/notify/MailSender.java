package org.gemba.notify;

import jakarta.mail.MessagingException;

/** Hands one e-mail to the mail system. Only the delivery worker calls it, never a request thread. */
public interface MailSender {
    void send(OutgoingMail mail) throws MessagingException;
}
