package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gemba.notify.MailTestSupport.await;
import static org.gemba.notify.MailTestSupport.messagesTo;
import static org.gemba.notify.MailTestSupport.notifyUser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.gemba.support.Fixtures;
import org.junit.jupiter.api.Test;

/** The background loop: woken, it delivers without waiting for the next poll; stopped, it stops. */
class MailLoopTest {

    @Test
    void wake_deliversAtOnce_andStopEndsTheLoop() throws Exception {
        int port = MailTestSupport.freePort();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            Fixtures.User leader = Fixtures.org().user("LEADER");
            MailSender smtp = new SmtpMailSender(MailTestSupport.smtp(port));
            DeliveryWorker worker = MailTestSupport.worker(leader.orgId(), smtp,
                    Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
            NoticeScheduler scheduler = new NoticeScheduler(MailTestSupport.jdbi(), new Notifications(),
                    Clock.systemUTC(), List.of());
            // polls only hourly, so only wake() can explain a prompt delivery
            MailLoop loop = new MailLoop(worker, scheduler, Duration.ofHours(1), Duration.ofHours(1));
            loop.start();
            UUID id = notifyUser(leader, NotificationType.BOOKING_MADE, "Booked", "You booked Catering.", "BOOKING",
                    UUID.randomUUID());

            loop.wake();

            assertThat(await(() -> messagesTo(greenMail, leader.email()).size() == 1)).isTrue();
            assertThat(await(() -> MailTestSupport.delivery(id).deliveryStatus().equals("SENT"))).isTrue();
            loop.stop();
            assertThat(loop.running()).isFalse();
            loop.wake();   // after stop: ignored, no error
        } finally {
            greenMail.stop();
        }
    }
}
