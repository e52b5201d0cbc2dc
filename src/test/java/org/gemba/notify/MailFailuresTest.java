package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class MailFailuresTest {

    private static SendFailedException rejected(int code) throws AddressException {
        InternetAddress to = new InternetAddress("gone@example.org");
        SMTPAddressFailedException reply = new SMTPAddressFailedException(to, "RCPT TO:<gone@example.org>", code,
                code + " mailbox unavailable");
        return new SendFailedException("Invalid Addresses", reply, new Address[0], new Address[0],
                code >= 500 ? new Address[] {to} : new Address[0]);
    }

    @Test
    void permanent_5xxRecipientRejectedOrBadAddress() throws Exception {
        assertThat(MailFailures.permanent(rejected(550))).isTrue();
        assertThat(MailFailures.permanent(new AddressException("Illegal address"))).isTrue();
        assertThat(MailFailures.permanent(new SMTPSendFailedException("DATA", 554, "554 rejected", null, null, null,
                null))).isTrue();
    }

    @Test
    void transient_serverDownOr4xx() throws Exception {
        assertThat(MailFailures.permanent(rejected(450))).isFalse();
        assertThat(MailFailures.permanent(new MessagingException("Couldn't connect",
                new ConnectException("Connection refused")))).isFalse();
        assertThat(MailFailures.permanent(new SMTPSendFailedException("MAIL", 421, "421 try later", null, null, null,
                null))).isFalse();
    }

    @Test
    void describe_givesTheServerReplyOnOneLine() throws Exception {
        assertThat(MailFailures.describe(rejected(550))).startsWith("SMTPAddressFailedException: 550")
                .doesNotContain("\n");
    }

    @Test
    void smtpSender_malformedFromAddress_refusedAtStartUp() {
        MailConfig config = MailTestSupport.smtp(25);
        config.from = "not an address <<";
        assertThatThrownBy(() -> new SmtpMailSender(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mail.from");
    }
}
