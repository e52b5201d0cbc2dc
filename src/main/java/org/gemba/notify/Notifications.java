package org.gemba.notify;

import java.util.UUID;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;
import org.jdbi.v3.core.Handle;

/**
 * Records a notification for a person, in the caller's transaction: if the change rolls back,
 * nobody is told about something that did not happen. Delivery (e-mail) reads this table later.
 */
public class Notifications {

    public UUID notify(Handle handle, OrgId orgId, UserId userId, NotificationType type,
                       String subject, String body, String entityType, UUID entityId) {
        return handle.attach(NotificationDao.class).insert(orgId.value(), userId.value(), type.name(),
                subject, body, entityType, entityId);
    }
}
