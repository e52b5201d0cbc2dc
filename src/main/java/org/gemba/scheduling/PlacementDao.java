package org.gemba.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(PlacementDao.PlacementRow.class)
public interface PlacementDao {

    record PlacementRow(UUID id, UUID siteId, String siteName, String timeZone, String name, String description,
                        int defaultCapacity, String[] requiredTrainings, UUID[] hostIds, Integer maxLeadersPerWeek,
                        boolean excludeOwnDirectorate, String directorate, int version, Instant createdAt) {}

    String SELECT = """
            SELECT p.id, p.site_id, s.name AS site_name, s.time_zone, p.name, p.description, p.default_capacity,
                   p.required_trainings,
                   ARRAY(SELECT h.user_id FROM placement_hosts h
                          WHERE h.org_id = p.org_id AND h.placement_id = p.id ORDER BY h.user_id) AS host_ids,
                   p.max_leaders_per_week, p.exclude_own_directorate, p.directorate, p.version, p.created_at
              FROM placements p
              JOIN sites s ON s.org_id = p.org_id AND s.id = p.site_id
            """;

    @SqlQuery("""
            INSERT INTO placements (org_id, site_id, name, description, default_capacity, required_trainings,
                                    max_leaders_per_week, exclude_own_directorate, directorate)
            VALUES (:orgId, :siteId, :name, :description, :defaultCapacity, :requiredTrainings,
                    :maxLeadersPerWeek, :excludeOwnDirectorate, :directorate)
            RETURNING id
            """)
    UUID insert(UUID orgId, UUID siteId, String name, String description, int defaultCapacity,
                String[] requiredTrainings, Integer maxLeadersPerWeek, boolean excludeOwnDirectorate,
                String directorate);

    @SqlUpdate("""
            UPDATE placements SET name = :name, description = :description, default_capacity = :defaultCapacity,
                   required_trainings = :requiredTrainings, max_leaders_per_week = :maxLeadersPerWeek,
                   exclude_own_directorate = :excludeOwnDirectorate, directorate = :directorate,
                   version = version + 1
             WHERE org_id = :orgId AND id = :id
            """)
    void update(UUID orgId, UUID id, String name, String description, int defaultCapacity,
                String[] requiredTrainings, Integer maxLeadersPerWeek, boolean excludeOwnDirectorate,
                String directorate);

    @SqlBatch("INSERT INTO placement_hosts (org_id, placement_id, user_id) VALUES (:orgId, :placementId, :userId)")
    void addHosts(UUID orgId, UUID placementId, List<UUID> userId);

    @SqlUpdate("DELETE FROM placement_hosts WHERE org_id = :orgId AND placement_id = :placementId")
    void clearHosts(UUID orgId, UUID placementId);

    /** Users of the organisation among {@code ids} who hold the HOST role. */
    @SqlQuery("SELECT id FROM users WHERE org_id = :orgId AND id = ANY(:ids) AND active AND roles @> ARRAY['HOST']::text[]")
    List<UUID> hosts(UUID orgId, UUID[] ids);

    @SqlQuery(SELECT + " WHERE p.org_id = :orgId AND p.id = :id")
    Optional<PlacementRow> find(UUID orgId, UUID id);

    @SqlQuery(SELECT + " WHERE p.org_id = :orgId AND p.id = :id FOR UPDATE OF p")
    Optional<PlacementRow> lock(UUID orgId, UUID id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM placement_hosts WHERE org_id = :orgId AND placement_id = :placementId AND user_id = :userId)")
    boolean isHost(UUID orgId, UUID placementId, UUID userId);

    /** Sorted by name, id as the tie-breaker. */
    @SqlQuery(SELECT + """
             WHERE p.org_id = :orgId
               AND (CAST(:siteId AS uuid) IS NULL OR p.site_id = :siteId)
               AND (CAST(:afterName AS text) IS NULL
                    OR (lower(p.name), p.id) > (CAST(:afterName AS text), CAST(:afterId AS uuid)))
             ORDER BY lower(p.name), p.id
             LIMIT :limit
            """)
    List<PlacementRow> list(UUID orgId, UUID siteId, String afterName, UUID afterId, int limit);
}
