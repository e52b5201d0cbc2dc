package org.gemba.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gemba.GembaConfiguration;
import org.gemba.support.Fixtures;
import org.gemba.support.Http;
import org.gemba.support.TestApp;
import org.gemba.support.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worst mail server: it accepts connections and never answers. With the real background loop
 * running, requests that record notifications stay fast, because only the worker talks to SMTP.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MailServerHungTest {
    static final SilentServer SILENT = new SilentServer();
    static final DropwizardAppExtension<GembaConfiguration> APP = TestApp.extension(MailTestApplication.class,
            Map.of("mail.host", "127.0.0.1",
                    "mail.port", Integer.toString(SILENT.port()),
                    "mail.tls", "none",
                    "mail.background", "true",
                    "mail.pollInterval", "50ms",
                    "mail.timeout", "2s"));

    @AfterAll
    static void closeServer() throws IOException {
        SILENT.close();
    }

    @AfterEach
    void resetClock() {
        TestApplication.CLOCK.reset();
    }

    @Test
    void hungMailServer_requestsThatNotifyStayFastAndListed() {
        // the app's clock stands still in tests; put it ahead of the database so new mail is due
        TestApplication.CLOCK.set(Instant.now().plus(Duration.ofMinutes(10)));
        Fixtures.User leader = Fixtures.org().user("LEADER");
        Http http = leader.http(APP.getLocalPort());
        http.post("/api/v1/test-only/notify-me", Map.of("subject", "warm-up", "body", "first request"));
        assertThat(MailTestSupport.await(() -> SILENT.accepted() > 0)).isTrue();   // the worker is stuck in SMTP

        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            Http.Res res = http.post("/api/v1/test-only/notify-me",
                    Map.of("subject", "Shift cancelled " + i, "body", "The host cancelled it: the ward closed."));
            assertThat(res.status()).isEqualTo(200);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
        }
        assertThat(http.get("/api/v1/me/notifications").json().path("items")).hasSize(6);
    }

    /** Accepts SMTP connections and says nothing, like a mail server that has hung. */
    static final class SilentServer {
        private final ServerSocket socket;
        private final List<Socket> clients = new CopyOnWriteArrayList<>();

        SilentServer() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        clients.add(socket.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-smtp");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return clients.size();
        }

        void close() throws IOException {
            socket.close();
            for (Socket c : clients) {
                c.close();
            }
        }
    }
}
