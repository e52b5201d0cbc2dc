package org.gemba.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(SiteDao.SiteRow.class)
public interface SiteDao {

    record SiteRow(UUID id, String name, String timeZone, String address, int version, Instant createdAt) {}

    String COLUMNS = "id, name, time_zone, address, version, created_at";

    @SqlQuery("INSERT INTO sites (org_id, name, time_zone, address) VALUES (:orgId, :name, :timeZone, :address) RETURNING "
            + COLUMNS)
    SiteRow insert(UUID orgId, String name, String timeZone, String address);

    @SqlQuery("SELECT " + COLUMNS + " FROM sites WHERE org_id = :orgId AND id = :id")
    Optional<SiteRow> find(UUID orgId, UUID id);

    /** Sorted by name, id as the tie-breaker. */
    @SqlQuery("SELECT " + COLUMNS + """
              FROM sites
             WHERE org_id = :orgId
               AND (CAST(:afterName AS text) IS NULL
                    OR (lower(name), id) > (CAST(:afterName AS text), CAST(:afterId AS uuid)))
             ORDER BY lower(name), id
             LIMIT :limit
            """)
    List<SiteRow> list(UUID orgId, String afterName, UUID afterId, int limit);
}
