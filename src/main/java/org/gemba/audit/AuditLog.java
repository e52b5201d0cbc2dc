package org.gemba.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.gemba.common.OrgId;
import org.gemba.common.UserId;
import org.jdbi.v3.core.Handle;

/**
 * Writes the append-only audit trail. Always called with the handle of the change's own
 * transaction, so a change and its audit row commit or roll back together.
 */
public class AuditLog {
    private final ObjectMapper mapper;

    public AuditLog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void record(Handle handle, OrgId orgId, UserId actorId, String entityType, UUID entityId,
                       String action, Map<String, ?> changes, String reason) {
        String json;
        try {
            json = mapper.writeValueAsString(changes == null ? Map.of() : changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit changes not serialisable", e);
        }
        handle.attach(AuditDao.class).insert(orgId.value(), actorId == null ? null : actorId.value(),
                entityType, entityId, action, json, reason);
    }
}
