package org.gemba.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the notices that come from the calendar rather than from a change: each rule's due
 * notices, each recorded in {@code scheduled_notices} and as a notification in one transaction,
 * so a notice is created exactly once. Delivery then goes the usual way (the worker).
 */
public class NoticeScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeScheduler.class);
    private static final int BATCH = 500;

    private final Jdbi jdbi;
    private final Notifications notifications;
    private final Clock clock;
    private final List<NoticeRule> rules;

    public NoticeScheduler(Jdbi jdbi, Notifications notifications, Clock clock, List<NoticeRule> rules) {
        this.jdbi = jdbi;
        this.notifications = notifications;
        this.clock = clock;
        this.rules = List.copyOf(rules);
    }

    /** Runs every rule once; answers how many notices were created. */
    public int runOnce() {
        Instant now = clock.instant();
        int created = 0;
        for (NoticeRule rule : rules) {
            try {
                created += runRule(rule, now);
            } catch (RuntimeException e) {
                // one broken rule must not stop the others
                LOG.error("notices: rule {} failed", rule.getClass().getSimpleName(), e);
            }
        }
        return created;
    }

    private record Batch(int created, boolean full) {}

    private int runRule(NoticeRule rule, Instant now) {
        int total = 0;
        Batch batch;
        do {
            batch = jdbi.inTransaction(h -> {
                ScheduledNoticeDao dao = h.attach(ScheduledNoticeDao.class);
                List<NoticeRule.Notice> due = rule.due(h, now, BATCH);
                List<NoticeRule.Notice> taken = due.stream()
                        .filter(n -> dao.take(n.kind(), n.entityId(), n.period(), n.orgId()).isPresent())
                        .toList();
                int n = 0;
                for (NoticeRule.Notice notice : rule.compose(h, taken)) {
                    var id = notifications.notify(h, new OrgId(notice.orgId()), new UserId(notice.userId()),
                            notice.type(), notice.subject(), notice.body(), notice.entityType(),
                            notice.notificationEntityId());
                    if (notice.kind() != null) {
                        dao.link(notice.kind(), notice.entityId(), notice.period(), id);
                    }
                    n++;
                }
                return new Batch(n, !taken.isEmpty() && due.size() >= BATCH);
            });
            total += batch.created();
        } while (batch.full());
        return total;
    }
}
