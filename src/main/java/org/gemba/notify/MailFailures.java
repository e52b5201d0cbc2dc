package org.gemba.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Tells a failure worth retrying (server down, 4xx) from one that never will succeed (5xx, bad address). */
final class MailFailures {
    private MailFailures() {}

    static boolean permanent(Exception e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof AddressException) {
                return true;
            }
            if (t instanceof SMTPAddressFailedException f && f.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SMTPSendFailedException f && f.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SendFailedException f && f.getInvalidAddresses() != null
                    && f.getInvalidAddresses().length > 0 && empty(f.getValidUnsentAddresses())) {
                return true;
            }
        }
        return false;
    }

    /** A 4xx about this recipient only (mailbox full, greylisted): the server itself is working. */
    static boolean recipientSpecific(Exception e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SMTPAddressFailedException) {
                return true;
            }
        }
        return false;
    }

    /** A short reason to store: the exception type and the server's reply, never the message body. */
    static String describe(Exception e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = next(t)) {
            root = t;
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException) {
                break;
            }
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        text = text.replaceAll("[\\r\\n]+", " ").strip();
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static boolean empty(Object[] a) {
        return a == null || a.length == 0;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
