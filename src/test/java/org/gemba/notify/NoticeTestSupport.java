package org.gemba.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.gemba.support.Fixtures;
import org.jdbi.v3.core.Jdbi;

/** Rows and checks shared by the scheduled-notice tests. */
final class NoticeTestSupport {
    private NoticeTestSupport() {}

    static Jdbi jdbi() {
        return MailTestSupport.jdbi();
    }

    record Sent(String type, String subject, String body, String entityType, UUID entityId) {}

    static List<Sent> notificationsOf(Fixtures.User user) {
        return jdbi().withHandle(h -> h.createQuery("""
                        SELECT type, subject, body, entity_type, entity_id FROM notifications
                         WHERE org_id = :org AND user_id = :user ORDER BY created_at, type""")
                .bind("org", user.orgId()).bind("user", user.id())
                .map((rs, ctx) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .list());
    }

    static UUID site(Fixtures.Org org, String name) {
        return jdbi().withHandle(h -> h.createQuery("INSERT INTO sites (org_id, name) VALUES (:org, :n) RETURNING id")
                .bind("org", org.id()).bind("n", name).mapTo(UUID.class).one());
    }

    /** Starts several schedulers at the same moment and waits for them all. */
    static void concurrently(List<NoticeScheduler> schedulers) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = schedulers.stream()
                .map(s -> CompletableFuture.supplyAsync(awaiting(go, s::runOnce))).toList();
        go.countDown();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    private static Supplier<Integer> awaiting(CountDownLatch go, Supplier<Integer> run) {
        return () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return run.get();
        };
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
