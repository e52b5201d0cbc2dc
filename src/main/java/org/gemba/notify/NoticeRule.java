package org.gemba.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * One kind of scheduled notice (a shift reminder, a host's daily list, an SLA warning...). A rule
 * only says what is due; {@link NoticeScheduler} makes sure each notice is created once, even when
 * several app servers run the same rule at the same moment. A rule's query should leave out
 * notices already in {@code scheduled_notices} so it does not return them again and again.
 */
public interface NoticeRule {

    /** At most {@code limit} notices due at {@code now}. */
    List<Notice> due(Handle handle, Instant now, int limit);

    /**
     * The notifications to create from the notices whose keys this run took (a notice taken by
     * another app server is not among them). By default one each; a digest rule folds several into
     * one per recipient, so each item still appears in exactly one digest.
     */
    default List<Notice> compose(Handle handle, List<Notice> taken) {
        return taken;
    }

    /**
     * A notice to create once per ({@code kind}, {@code entityId}, {@code period}): e.g. a reminder per
     * booking and shift start, a list per host and day, an SLA warning per observation and stage.
     */
    record Notice(String kind, UUID entityId, String period, UUID orgId, UUID userId, NotificationType type,
                  String subject, String body, String entityType, UUID notificationEntityId) {}
}
